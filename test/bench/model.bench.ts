/**
 * Model throughput (DESIGN §10): client requests per wall second on the 50-node reference
 * topology with every kind of node in it ({@link referenceTopology}) at ≤ 1k and ~50k requests in
 * flight, and the bytes each in-flight request costs.
 *
 * Each figure is the median of the runner's repetitions after a warm-up, with its ratio to the
 * bare typed-array heap loop measured in the same run (absolute speeds drift on shared machines).
 * Never asserted in tests.
 */
import { Simulation } from '../../shared/sim/simulation';
import { loadDocumentValue } from '../../shared/model/load';
import type { FaultlineDocument } from '../../shared/model/types';
import { CALL_BYTES } from '../../shared/sim/engine/callTable';
import { CALL_DATA_BYTES } from '../../shared/sim/engine/callData';
import { CALL_PAYLOAD_BYTES } from '../../shared/sim/engine/callPayloads';
import { CONSISTENCY_BYTES_PER_REQUEST } from '../../shared/sim/engine/consistency';
import { REQUEST_BYTES_PER_SLOT } from '../../shared/sim/engine/requestTable';
import { DEADLINE_ENTRY_BYTES, DeadlineQueue } from '../../shared/sim/engine/deadlineQueue';
import { IN_FLIGHT_VERSION_ENTRY_BYTES, InFlightVersions } from '../../shared/sim/nodes/db/inFlightVersions';

/**
 * A Map entry with small-integer key and value, Node 20 on x64 (no pointer compression): 46 B,
 * measured as the heap growth of 100 Maps of 10 000 entries each (table slack included).
 */
const MAP_ENTRY_BYTES = 46;
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

/**
 * The 50-node reference topology, every kind of DESIGN §3 in it:
 *   8 clients (10 % static reads) → dns (round-robin over 2 proxies) and a pull cdn (origin: proxy 0)
 *   2 proxies → 4 lbs (2 each) → 20 apps (5 each), apps → 4 caches (cache-aside / write-through)
 *   apps 0–9 → a shard router (consistent-hash) over 3 db clusters; apps 10–19 → one cluster each
 *   3 clusters × (primary + async replica); every 5th app publishes its writes to a queue
 *   → 2 workers writing to cluster 0.
 */
export function referenceTopology(options: ReferenceOptions): FaultlineDocument {
  const nodes: Record<string, unknown>[] = [];
  const links: Record<string, unknown>[] = [];
  const add = (id: string, kind: string, config: Record<string, unknown>): void => {
    nodes.push({ id, kind, x: nodes.length * 10, y: 0, config });
  };
  const link = (from: string, to: string, extra: Record<string, unknown> = {}): void => {
    links.push({ id: `${from}-${to}`, from, to, ...extra });
  };
  for (let i = 0; i < 8; i++) {
    add(`c${i}`, 'client', { rps: options.rps / 8, writeRatio: 0.1, staticRatio: 0.1, keys: { count: 100_000, distribution: 'zipf', zipfS: 0.9 }, timeoutMs: 5000 });
  }
  add('dns', 'dns', { ttlS: 60 });
  add('cdn', 'cdn', { capacity: 10_000, ttlS: 300 });
  for (let i = 0; i < 2; i++) add(`proxy${i}`, 'proxy', { maxConnections: 1_000_000, serviceMs: 0.05 });
  for (let i = 0; i < 4; i++) add(`lb${i}`, 'lb', { algorithm: i % 2 === 0 ? 'round-robin' : 'least-connections', maxConnections: 1_000_000, serviceMs: 0.05 });
  for (let i = 0; i < 20; i++) {
    add(`app${i}`, 'app', { workers: 1024, queueLimit: 100_000, serviceMs: { dist: 'exp', mean: 1 }, cachePolicy: i % 2 === 0 ? 'cache-aside' : 'write-through' });
  }
  for (let i = 0; i < 4; i++) add(`cache${i}`, 'cache', { capacity: 10_000, serviceMs: 0.005 });
  add('router', 'shard-router', { scheme: 'consistent-hash', serviceMs: 0.01 });
  for (let i = 0; i < 3; i++) {
    add(`db${i}`, 'db', { connections: 1000, readMs: { dist: 'exp', mean: 2 }, writeMs: { dist: 'exp', mean: 4 } });
    add(`replica${i}`, 'db', { role: 'replica', connections: 1000, readMs: { dist: 'exp', mean: 2 } });
    link(`db${i}`, `replica${i}`, { kind: 'replication' });
  }
  add('jobs', 'queue', { capacity: 100_000 });
  for (let i = 0; i < 2; i++) add(`worker${i}`, 'worker', { workers: 1024, serviceMs: { dist: 'exp', mean: 5 } });

  for (let i = 0; i < 8; i++) {
    link(`c${i}`, 'dns', { latencyMs: options.clientLatencyMs });
    link(`c${i}`, 'cdn', { latencyMs: options.clientLatencyMs });
    link(`c${i}`, 'proxy0', { latencyMs: options.clientLatencyMs });
    link(`c${i}`, 'proxy1', { latencyMs: options.clientLatencyMs });
  }
  link('dns', 'proxy0');
  link('dns', 'proxy1');
  link('cdn', 'proxy0');
  for (let i = 0; i < 4; i++) link(`proxy${i >> 1}`, `lb${i}`);
  for (let i = 0; i < 20; i++) {
    link(`lb${i % 4}`, `app${i}`);
    link(`app${i}`, `cache${i % 4}`);
    if (i < 10) {
      link(`app${i}`, 'router');
    } else {
      link(`app${i}`, `db${i % 3}`);
      link(`app${i}`, `replica${i % 3}`);
    }
    if (i % 5 === 0) link(`app${i}`, 'jobs');
  }
  for (let i = 0; i < 3; i++) {
    link('router', `db${i}`);
    link('router', `replica${i}`);
  }
  for (let i = 0; i < 2; i++) {
    link('jobs', `worker${i}`);
    link(`worker${i}`, 'db0');
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
function bytesPerInFlight(sim: Simulation): { model: number; breakdown: Record<string, number>; kernelEvents: number; inFlight: number; callsPerRequest: number; deadlineEntriesPerRequest: number } {
  const world = sim.world;
  const inFlight = world.inFlight;
  // Deadline entries: one per client attempt, plus one per lb/app call waiting downstream.
  // A database's writes and applies in flight (what a read starting now may not see yet): an
  // entry each, and Map entries for the keys concerned.
  let deadlineEntries = 0;
  let versionEntries = 0;
  let versionKeys = 0;
  for (const model of world.models) {
    for (const value of Object.values(model)) {
      if (value instanceof DeadlineQueue) deadlineEntries += value.length;
      if (value instanceof InFlightVersions) {
        versionEntries += value.entries;
        versionKeys += value.keysTracked;
      }
    }
  }
  // Arrays indexed by request slot or call slot cost every live request or call their bytes,
  // whether it uses them or not: the write marks per request, the version relay per call. Calls
  // without a request that carry data (replication, deliveries, flushes) hold a payload besides.
  const perRequest = REQUEST_BYTES_PER_SLOT + CONSISTENCY_BYTES_PER_REQUEST;
  const perCall = CALL_BYTES + CALL_DATA_BYTES;
  const breakdown = {
    requests: world.requests.live * perRequest,
    calls: world.calls.live * perCall,
    payloads: world.calls.payloads.live * CALL_PAYLOAD_BYTES,
    deadlineEntries: deadlineEntries * DEADLINE_ENTRY_BYTES,
    databaseWritesInFlight: versionEntries * IN_FLIGHT_VERSION_ENTRY_BYTES + versionKeys * MAP_ENTRY_BYTES,
  };
  const model = Object.values(breakdown).reduce((sum, bytes) => sum + bytes, 0);
  // Kernel heap entries: time 8 + (seq, type) key 8 + a 4 + b 4 = 24 bytes (kernel/eventQueue.ts).
  const kernelEvents = world.kernel.pending * 24;
  const perInFlight = Object.fromEntries(Object.entries(breakdown).map(([part, bytes]) => [part, significant(bytes / inFlight)]));
  return { model: model / inFlight, breakdown: perInFlight, kernelEvents: kernelEvents / inFlight, inFlight, callsPerRequest: world.calls.live / inFlight, deadlineEntriesPerRequest: deadlineEntries / inFlight };
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
    modelBytesPerInFlightRequestByPart: memory!.breakdown,
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
    topology: '50 nodes, every kind: 8 clients → dns + cdn → 2 proxies → 4 lbs → 20 apps → 4 caches, a shard router over 3 primary+replica db clusters, a queue → 2 workers; zipf 0.9 over 100k keys, 10 % writes, 10 % static',
    bytesNote: `model bytes = live requests (${REQUEST_BYTES_PER_SLOT} B slot + ${CONSISTENCY_BYTES_PER_REQUEST} B write marks) + live calls (${CALL_BYTES} B slot + ${CALL_DATA_BYTES} B version relay) + payloads of calls without a request (${CALL_PAYLOAD_BYTES} B) + deadline-ring entries (${DEADLINE_ENTRY_BYTES} B, incl. finished ones not yet cleaned up, at most about half as many again) + db writes in flight (${IN_FLIGHT_VERSION_ENTRY_BYTES} B an entry, ${MAP_ENTRY_BYTES} B a Map entry per key) per in-flight request; kernel bytes = pending heap entries (24 B) per in-flight request`,
    targets: { lowInFlight: 300_000, highInFlight: 150_000, bytesPerInFlight: 100 },
    // Model bytes only (the kernel's heap entries are reported beside them).
    met: {
      lowInFlight: (small.clientRequestsPerSecond as number) >= 300_000,
      highInFlight: (large.clientRequestsPerSecond as number) >= 150_000,
      bytesPerInFlightAtLowInFlight: (small.modelBytesPerInFlightRequest as number) <= 100,
      bytesPerInFlightAtHighInFlight: (large.modelBytesPerInFlightRequest as number) <= 100,
    },
    // Ratios: the model's kernel events per second over the bare heap loop's (same run).
    lowInFlight: { ...small, eventsRatioToBareHeap: ratio(small.modelEventsPerSecond) },
    highInFlight: { ...large, eventsRatioToBareHeap: ratio(large.modelEventsPerSecond) },
    bareHeapEventsPerSecond: significant(baseline),
  };
}
