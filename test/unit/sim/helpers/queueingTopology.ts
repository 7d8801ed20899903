import type { FaultlineDocument } from '../../../../shared/model/types';
import { makeDocument } from './documents';

/**
 * Poisson client → one app with `workers` servers and no downstream, over zero-latency links:
 * the app *is* the queue, and the client-measured latency is exactly the sojourn time.
 * Timeouts and queue limits are far out of reach so nothing but queueing shows.
 */
export function singleQueue(options: { rps: number; workers: number; serviceMs: unknown; durationS: number; seed?: number }): FaultlineDocument {
  return makeDocument({
    seed: options.seed ?? 7,
    durationS: options.durationS,
    nodes: [
      { id: 'users', kind: 'client', config: { rps: options.rps, writeRatio: 0, timeoutMs: 600_000 } },
      { id: 'server', kind: 'app', config: { workers: options.workers, queueLimit: 1_000_000, serviceMs: options.serviceMs } },
    ],
    links: [{ from: 'users', to: 'server', latencyMs: 0 }],
  });
}
