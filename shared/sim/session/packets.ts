import { STATE_REQUEST_WIRE, STATE_RESPONSE_WIRE } from '../engine/codes';
import type { CallTable } from '../engine/callTable';
import { PACKET_FLOATS, PACKET_PENDING } from './protocol';

/** The most packets one frame carries (a 100k-request burst would otherwise be megabytes a frame). */
export const MAX_FRAME_PACKETS = 200_000;

/**
 * Every message on the wire at `nowMs`, as a fresh Float32Array (to be transferred) of
 * (link, position along the link from `from` to `to`, kind = op code, outcome = pending for a
 * request, response status + 1 for a response). Messages whose sender is still processing them
 * (sent "after" a delay) are not on the wire yet.
 */
export function collectPackets(calls: CallTable, nowMs: number): { packets: Float32Array; count: number } {
  const capacity = Math.min(calls.live, MAX_FRAME_PACKETS);
  const packets = new Float32Array(capacity * PACKET_FLOATS);
  let count = 0;
  const end = calls.highWater;
  // Send times are float32 offsets (see world.crashNode): compare like with like.
  const nowOffset = calls.offsetOf(nowMs);
  for (let c = 0; c < end && count < capacity; c++) {
    const state = calls.state[c];
    if (state !== STATE_REQUEST_WIRE && state !== STATE_RESPONSE_WIRE) continue;
    if (calls.sendOffset[c] > nowOffset) continue;
    const sendMs = calls.sendAtMs(c);
    const span = calls.arriveAtMs(c) - sendMs;
    const travelled = span > 0 ? Math.min(1, Math.max(0, (nowMs - sendMs) / span)) : 1;
    const response = state === STATE_RESPONSE_WIRE;
    const o = count * PACKET_FLOATS;
    packets[o] = calls.link[c];
    packets[o + 1] = response ? 1 - travelled : travelled;
    packets[o + 2] = calls.op[c];
    packets[o + 3] = response ? calls.status[c] + 1 : PACKET_PENDING;
    count++;
  }
  return { packets, count };
}
