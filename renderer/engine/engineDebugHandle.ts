import type { DebugAction } from '../../shared/sim/session/debugCommand';
import { EngineClient, type ConnectionStatus, type EngineEvent } from './engineClient';
import type { EngineConnection } from './engineConnection';

/** What a test sees of one frame. */
export interface FrameSummary {
  timeMs: number;
  playing: boolean;
  ended: boolean;
  packetCount: number;
  nodeStatus: number[];
  typedArrays: boolean;
}

/** `window.__faultlineEngineDebug`: end-to-end tests drive the real engine through this. */
export interface EngineDebugHandle {
  client: EngineClient;
  frames: FrameSummary[];
  events: EngineEvent[];
  statuses: ConnectionStatus[];
  debug(action: DebugAction): void;
}

/**
 * Installed only when the page is opened with `?engine-debug=1` (web edition), so end-to-end tests
 * can drive the real Web Worker engine before the live view exists; it exposes nothing the page
 * could not already do.
 */
export function installEngineDebugHandle(target: object, connection: EngineConnection & { debug(action: DebugAction): void }): EngineDebugHandle {
  const client = new EngineClient(connection);
  const handle: EngineDebugHandle = { client, frames: [], events: [], statuses: [], debug: (action) => connection.debug(action) };
  client.onFrame((frame) =>
    handle.frames.push({
      timeMs: frame.timeMs,
      playing: frame.playing,
      ended: frame.ended,
      packetCount: frame.packetCount,
      nodeStatus: Array.from(frame.nodeStatus),
      typedArrays: frame.packets instanceof Float32Array && frame.utilization instanceof Float32Array && frame.metricRows instanceof Float64Array,
    }),
  );
  client.onEvent((event) => handle.events.push(event));
  client.onStatus((status) => handle.statuses.push(status));
  (target as { __faultlineEngineDebug?: EngineDebugHandle }).__faultlineEngineDebug = handle;
  return handle;
}
