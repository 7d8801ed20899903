/**
 * Kernel throughput (DESIGN §10 target: ≥ 4 M events/s with 100k pending) in the hold model,
 * against the bare heap loop and an object-per-event heap on the identical workload.
 */
import { performance } from 'node:perf_hooks';
import { Kernel } from '../../shared/sim/kernel/kernel';
import { EventQueue } from '../../shared/sim/kernel/eventQueue';
import { runBareHeapHoldLoop, runObjectHeapHoldLoop } from './baselines';
import { createHoldWorkload, INCREMENT_MASK, type HoldWorkload } from './holdWorkload';
import { collectGarbage, median, ratePerSecond, significant, type Trial } from './measure';

const TARGET_EVENTS_PER_SECOND_AT_100K = 4_000_000;
/** Handlers registered besides the hold handler, so dispatch is not a single known call site as in no real model. */
const OTHER_HANDLERS = 7;

export let kernelChecksum = 0;

/**
 * The hold model through the real Kernel — runUntil in slices as the engine drives it,
 * dispatch through the handler table and argument checks included; the trace fingerprint is off,
 * as in every run that is not a determinism test. A fresh Kernel per call, as every simulation
 * (and every seek) makes its own.
 */
function runKernelHoldLoop(workload: HoldWorkload, warmupEvents: number, events: number): Trial {
  const kernel = new Kernel();
  const increments = workload.increments;
  let drawn = 0;
  let checksum = 0;
  for (let other = 0; other < OTHER_HANDLERS; other++) {
    kernel.register((a) => {
      checksum = (checksum ^ a ^ other) | 0;
    }, `other${other}`);
  }
  const hold = kernel.register((a) => {
    checksum = (checksum + a) | 0;
    kernel.schedule(increments[drawn++ & INCREMENT_MASK], hold, a);
  }, 'hold');
  for (let i = 0; i < workload.pending; i++) kernel.scheduleAt(workload.initialTimes[i], hold, i);

  // Events fall due at about one per simulated ms: run 1 s slices until enough were processed.
  const runEvents = (count: number): number => {
    const target = kernel.eventsProcessed + count;
    while (kernel.eventsProcessed < target) kernel.runUntil(kernel.now + 1000);
    return kernel.eventsProcessed - (target - count);
  };
  runEvents(warmupEvents);
  const started = performance.now();
  const work = runEvents(events);
  const ms = performance.now() - started;
  kernelChecksum ^= checksum ^ kernel.eventsProcessed;
  return { work, ms };
}

interface PendingSizeResult {
  pending: number;
  eventsPerRepetition: number;
  kernelEventsPerSec: number;
  bareHeapEventsPerSec: number;
  /** kernel / bare heap loop (1 = as fast as the bare loop). */
  ratio: number;
  objectHeapEventsPerSec: number;
  /** object heap / bare heap loop, for context. */
  objectHeapRatio: number;
}

function measurePendingSize(pending: number, eventsPerRepetition: number, repetitions: number): PendingSizeResult {
  const workload = createHoldWorkload(pending);
  const warmupEvents = Math.min(pending * 2, 200_000);
  const variants = {
    kernel: runKernelHoldLoop,
    bare: runBareHeapHoldLoop,
    object: runObjectHeapHoldLoop,
  };
  const rates: Record<keyof typeof variants, number[]> = { kernel: [], bare: [], object: [] };
  // Warm-up: let each loop reach optimised code before anything is recorded.
  for (const run of Object.values(variants)) run(workload, warmupEvents, 200_000);
  for (let repetition = 0; repetition < repetitions; repetition++) {
    // Interleaved, so a noisy neighbour slows all three alike rather than one.
    for (const name of Object.keys(variants) as Array<keyof typeof variants>) {
      collectGarbage();
      rates[name].push(ratePerSecond(variants[name](workload, warmupEvents, eventsPerRepetition)));
    }
  }
  const kernel = median(rates.kernel);
  const bare = median(rates.bare);
  const object = median(rates.object);
  return {
    pending,
    eventsPerRepetition,
    kernelEventsPerSec: significant(kernel),
    bareHeapEventsPerSec: significant(bare),
    ratio: significant(kernel / bare),
    objectHeapEventsPerSec: significant(object),
    objectHeapRatio: significant(object / bare),
  };
}

/** Memory held per pending event by the event queue, from ArrayBuffer accounting after GC. */
function bytesPerPendingEvent(pending: number): number {
  collectGarbage();
  const before = process.memoryUsage().arrayBuffers;
  // Capacity exactly `pending` (a power of two) so doubling slack does not blur the figure.
  const queue = new EventQueue(pending);
  for (let i = 0; i < pending; i++) queue.push(i, 0, i, i);
  collectGarbage();
  const bytes = (process.memoryUsage().arrayBuffers - before) / pending;
  if (queue.size !== pending) throw new Error('queue lost events');
  return significant(bytes);
}

export function benchKernel(options: { repetitions: number; eventsPerRepetition: number }): Record<string, unknown> {
  const at10k = measurePendingSize(10_000, options.eventsPerRepetition, options.repetitions);
  const at100k = measurePendingSize(100_000, options.eventsPerRepetition, options.repetitions);
  return {
    workload:
      'hold model: take the earliest event, schedule one at its time + Exp(mean = pending ms); identical increments for every variant; 8 registered handlers',
    pending10k: at10k,
    pending100k: at100k,
    bytesPerPendingEvent: bytesPerPendingEvent(131_072),
    target: {
      kernelEventsPerSecAt100k: TARGET_EVENTS_PER_SECOND_AT_100K,
      met: at100k.kernelEventsPerSec >= TARGET_EVENTS_PER_SECOND_AT_100K,
    },
  };
}
