import { EngineSupervisor, type EngineWorkerEvents, type EngineWorkerHandle } from '../../shared/sim/session/supervisor';

/** The part of Electron's MessagePortMain the host uses (so it is testable without Electron). */
export interface RendererPort {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (event: { data: unknown }) => void): unknown;
  on(event: 'close', listener: () => void): unknown;
  start(): void;
  close(): void;
}

export interface EngineHostOptions {
  spawn: (events: EngineWorkerEvents) => EngineWorkerHandle;
  timers?: { now(): number; every(task: () => void, intervalMs: number): () => void };
  heartbeatTimeoutMs?: number;
}

const realTimers = {
  now: () => performance.now(),
  every: (task: () => void, intervalMs: number) => {
    const handle = setInterval(task, intervalMs);
    handle.unref?.();
    return () => clearInterval(handle);
  },
};

/**
 * One renderer's engine: a supervised worker relayed to the renderer's end of a MessageChannel.
 * Frames cross main as structured clones of typed arrays (MessagePortMain transfers only ports);
 * commands from the renderer are validated by the supervisor before the worker sees them.
 * Closing the port disposes the worker.
 */
export function hostEngine(port: RendererPort, options: EngineHostOptions): EngineSupervisor {
  const supervisor = new EngineSupervisor({
    spawn: options.spawn,
    timers: options.timers ?? realTimers,
    heartbeatTimeoutMs: options.heartbeatTimeoutMs,
    deliver: (message) => port.postMessage(message),
  });
  port.on('message', (event) => supervisor.send(event.data));
  port.on('close', () => supervisor.dispose());
  port.start();
  supervisor.start();
  return supervisor;
}

