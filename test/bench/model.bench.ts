/**
 * Model throughput (DESIGN §10): client requests per wall second on the 50-node reference
 * topology — 10 clients → 4 load balancers → 24 apps → 6 caches (cache-aside) + 6 dbs — at ≤ 1k
 * and ~50k requests in flight, and the bytes each in-flight request costs.
 *
 * Each figure is the median of the runner's repetitions after a warm-up, with its ratio to the
 * bare typed-array heap loop measured in the same run (absolute speeds drift on shared machines).
 * Never asserted in tests.
 */
import { Simulation } from '../../shared/sim/simulation';
import { loadDocumentValue } from '../../shared/model/load';
import type { FaultlineDocument } from '../../shared/model/types';
import { CALL_BYTES } from '../../shared/sim/engine/callTable';
import { REQUEST_BYTES_PER_SLOT } from '../../shared/sim/engine/requestTable';
import { DEADLINE_ENTRY_BYTES } from '../../shared/sim/engine/deadlineQueue';
import { collectGarbage, median, ratePerSecond, significant, timed } from './measure';
import { createHoldWorkload } from './holdWorkload';
import { prepareBareHeapHoldLoop } from './baselines';

export interface ReferenceOptions {
  /** Total client rate (simulated requests per second). */
  rps: number;
  /** One-way latency of the client → load balancer links (users on the internet). */
  clientLatencyMs: number;
  durationS: number;
}

/** The 50-node reference topology using every kind simulated so far. */
export function referenceTopology(options: ReferenceOptions): FaultlineDocument {
  const nodes: Record<string, unknown>[] = [];
  const links: Record<string, unknown>[] = [];
  const add = (id: string, kind: string, config: Record<string, unknown>): void => {
    nodes.push({ id, kind, x: nodes.length * 10, y: 0, config });
  };
  const link = (from: string, to: string, extra: Record<string, unknown> = {}): void => {
    links.push({ id: `${from}-${to}`, from, to, ...extra });
  };
  for (let i = 0; i < 10; i++) {
    add(`c${i}`, 'client', { rps: options.rps / 10, writeRatio: 0.1, keys: { count: 100_000, distribution: 'zipf', zipfS: 0.9 }, timeoutMs: 5000 });
  }
  for (let i = 0; i < 4; i++) add(`lb${i}`, 'lb', { algorithm: i % 2 === 0 ? 'round-robin' : 'least-connections', maxConnections: 1_000_000, serviceMs: 0.05 });
  for (let i = 0; i < 24; i++) add(`app${i}`, 'app', { workers: 1024, queueLimit: 100_000, serviceMs: { dist: 'exp', mean: 1 } });
  for (let i = 0; i < 6; i++) add(`cache${i}`, 'cache', { capacity: 10_000, serviceMs: 0.005 });
  for (let i = 0; i < 6; i++) add(`db${i}`, 'db', { connections: 1000, readMs: { dist: 'exp', mean: 2 }, writeMs: { dist: 'exp', mean: 4 } });
  for (let i = 0; i < 10; i++) {
    link(`c${i}`, `lb${i % 4}`, { latencyMs: options.clientLatencyMs });
    link(`c${i}`, `lb${(i + 1) % 4}`, { latencyMs: options.clientLatencyMs });
  }
  for (let i = 0; i < 24; i++) {
    link(`lb${i % 4}`, `app${i}`);
    link(`app${i}`, `cache${i % 6}`);
    link(`app${i}`, `db${i % 6}`);
  }
  const result = loadDocumentValue({
    format: 'faultline',
    version: 1,
    meta: { title: 'reference' },
    seed: 1,
    durationS: options.durationS,
    regions: [],
    nodes,
    links,
    scenario: [],
    checks: [],
  });
  if (!result.ok) throw new Error(result.errors.map((e) => `${e.path}: ${e.message}`).join('; '));
  return result.document;
}

/** Bytes of request state per in-flight client request right now (live slots only). */
function bytesPerInFlight(sim: Simulation): { model: number; kernelEvents: number; inFlight: number; callsPerRequest: number; deadlineEntriesPerRequest: number } {
  const world = sim.world;
  const inFlight = world.inFlight;
  // Deadline entries: one per client attempt, plus one per lb/app call waiting downstream.
  let deadlineEntries = 0;
  for (const model of world.models) {
    for (const value of Object.values(model)) {
      if (value && typeof value === 'object' && 'length' in value && value.constructor?.name === 'DeadlineQueue') deadlineEntries += (value as { length: number }).length;
    }
  }
  const model = world.requests.live * REQUEST_BYTES_PER_SLOT + world.calls.live * CALL_BYTES + deadlineEntries * DEADLINE_ENTRY_BYTES;
  // Kernel heap entries: time 8 + (seq, type) key 8 + a 4 + b 4 = 24 bytes (kernel/eventQueue.ts).
  const kernelEvents = world.kernel.pending * 24;
  return { model: model / inFlight, kernelEvents: kernelEvents / inFlight, inFlight, callsPerRequest: world.calls.live / inFlight, deadlineEntriesPerRequest: deadlineEntries / inFlight };
}

interface Scenario {
  name: string;
  options: ReferenceOptions;
  warmupS: number;
  measureS: number;
}

function measureScenario(scenario: Scenario, repetitions: number): Record<string, unknown> {
  const rates: number[] = [];
  let memory: ReturnType<typeof bytesPerInFlight> | null = null;
  let events = 0;
  for (let r = 0; r < repetitions + 1; r++) {
    collectGarbage();
    const sim = new Simulation(referenceTopology(scenario.options));
    sim.runUntil(scenario.warmupS * 1000);
    const finishedBefore = sim.world.finished;
    const eventsBefore = sim.events;
    const trial = timed(() => {
      sim.runUntil((scenario.warmupS + scenario.measureS) * 1000);
      return sim.world.finished - finishedBefore;
    });
    if (r === 0) continue; // warm-up pass for the JIT
    rates.push(ratePerSecond(trial));
    memory = bytesPerInFlight(sim);
    events = (sim.events - eventsBefore) / trial.work;
  }
  const requestsPerSecond = median(rates);
  return {
    clientRequestsPerSecond: significant(requestsPerSecond),
    modelEventsPerSecond: significant(requestsPerSecond * events),
    inFlight: memory!.inFlight,
    eventsPerRequest: significant(events),
    callsPerInFlightRequest: significant(memory!.callsPerRequest),
    deadlineEntriesPerInFlightRequest: significant(memory!.deadlineEntriesPerRequest),
    modelBytesPerInFlightRequest: significant(memory!.model),
    kernelEventBytesPerInFlightRequest: significant(memory!.kernelEvents),
  };
}

export function benchModel(options: { repetitions?: number; quick?: boolean } = {}): Record<string, unknown> {
  const quick = options.quick ?? process.argv.includes('--quick');
  const repetitions = options.repetitions ?? (quick ? 1 : 3);
  const scale = quick ? 0.2 : 1;
  // ≤ 1k in flight: 100k simulated rps with ~5 ms end-to-end latency inside one region.
  const small = measureScenario({ name: 'small', options: { rps: 100_000, clientLatencyMs: 0.5, durationS: 60 }, warmupS: 0.5, measureS: 4 * scale }, repetitions);
  // ~50k in flight: users 100 ms away (internet), 240k simulated rps (Little: 240k × 0.21 s).
  const large = measureScenario({ name: 'large', options: { rps: 240_000, clientLatencyMs: 100, durationS: 60 }, warmupS: 0.6, measureS: 2 * scale }, repetitions);

  // Baseline: the bare heap hold loop at 100k pending, same run.
  const workload = createHoldWorkload(100_000);
  const baselineRates: number[] = [];
  for (let r = 0; r < repetitions + 1; r++) {
    const run = prepareBareHeapHoldLoop(workload);
    const trial = timed(() => run(quick ? 200_000 : 2_000_000));
    if (r > 0) baselineRates.push(ratePerSecond(trial));
  }
  const baseline = median(baselineRates);
  const ratio = (value: unknown): number => significant((value as number) / baseline, 3);
  return {
    topology: '50 nodes: 10 clients → 4 lbs → 24 apps → 6 caches (cache-aside) + 6 dbs; zipf 0.9 over 100k keys, 10 % writes',
    bytesNote: 'model bytes = live request slots (24 B) + live calls (33 B) + deadline-ring entries (16 B, incl. finished ones not yet cleaned up, at most about as many again) per in-flight request; kernel bytes = pending heap entries (24 B) per in-flight request',
    targets: { lowInFlight: 300_000, highInFlight: 150_000, bytesPerInFlight: 100 },
    // Ratios: the model's kernel events per second over the bare heap loop's (same run).
    lowInFlight: { ...small, eventsRatioToBareHeap: ratio(small.modelEventsPerSecond) },
    highInFlight: { ...large, eventsRatioToBareHeap: ratio(large.modelEventsPerSecond) },
    bareHeapEventsPerSecond: significant(baseline),
  };
}
