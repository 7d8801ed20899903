import type { FaultlineDocument } from '../../../../shared/model/types';
import { makeDocument } from './documents';

/**
 * Poisson client → one app with `workers` servers and no downstream, over zero-latency links:
 * the app *is* the queue, and the client-measured latency is exactly the sojourn time.
 * Timeouts and queue limits are far out of reach so nothing but queueing shows.
 */
export function singleQueue(options: { rps: number; workers: number; serviceMs: unknown; durationS: number; seed?: number }): FaultlineDocument {
  return singleStation({ kind: 'app', servers: options.workers, queueLimit: 1_000_000, serviceMs: options.serviceMs, rps: options.rps, durationS: options.durationS, seed: options.seed ?? 7 });
}

/**
 * As {@link singleQueue}, through an app (event-driven Station: `workers`, `serviceMs`) or a db
 * (Lindley FifoServers: `connections`, `readMs`; the client sends reads only), with the queue
 * limit given: the same queue by either engine path.
 */
export function singleStation(options: { kind: 'app' | 'db'; servers: number; queueLimit: number; serviceMs: unknown; rps: number; durationS: number; seed: number }): FaultlineDocument {
  const { kind, servers, queueLimit, serviceMs } = options;
  const config = kind === 'app' ? { workers: servers, queueLimit, serviceMs } : { connections: servers, queueLimit, readMs: serviceMs };
  return makeDocument({
    seed: options.seed,
    durationS: options.durationS,
    nodes: [
      { id: 'users', kind: 'client', config: { rps: options.rps, writeRatio: 0, timeoutMs: 600_000 } },
      { id: 'server', kind, config },
    ],
    links: [{ from: 'users', to: 'server', latencyMs: 0 }],
  });
}
