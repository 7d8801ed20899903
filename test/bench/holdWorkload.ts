/**
 * The classic "hold model" for event queues: keep N events pending; repeatedly take the
 * earliest and schedule one new event a random (exponential) time after it. Every variant
 * measured in the bench replays exactly the same increments, so they do identical heap work
 * and differ only in how events are stored and dispatched.
 */
import { createStream } from '../../shared/sim/random/stream';
import { exponential } from '../../shared/sim/random/distributions';

/** Power of two so the cyclic index is a mask. 1 Mi increments ≈ 8 MB, built once. */
const INCREMENT_COUNT = 1 << 20;
export const INCREMENT_MASK = INCREMENT_COUNT - 1;

export interface HoldWorkload {
  pending: number;
  /** Initial event times, in [0, pending) ms. */
  initialTimes: Float64Array;
  /** Increments with mean `pending` ms, so about one event falls due per simulated ms. */
  increments: Float64Array;
}

export function createHoldWorkload(pending: number): HoldWorkload {
  const rng = createStream(2024, `hold-${pending}`);
  const initialTimes = new Float64Array(pending);
  for (let i = 0; i < pending; i++) initialTimes[i] = rng.next() * pending;
  const increments = new Float64Array(INCREMENT_COUNT);
  for (let i = 0; i < INCREMENT_COUNT; i++) increments[i] = exponential(rng, pending);
  return { pending, initialTimes, increments };
}
