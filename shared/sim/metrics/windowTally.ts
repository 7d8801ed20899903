import { OUTCOME_COUNT } from '../engine/codes';
import { LatencyBins } from './latencyBins';

/**
 * Client-request figures over one window [fromMs, toMs) of *send* times that does not fall on
 * whole seconds (a check's `fromS: 20.5`). The per-second series can only sum whole seconds, so
 * such a window gets its own tally, fed as requests are sent and finish — exact, and nothing is
 * kept per request. Created before the run for each such window a check names.
 */
export class WindowTally {
  sent = 0;
  readonly outcomes = new Float64Array(OUTCOME_COUNT);
  /** Ok latencies, at the whole-run histogram's precision. */
  readonly bins = new LatencyBins(3);
  staleReads = 0;
  lostWrites = 0;
  sessionsLost = 0;

  constructor(
    readonly fromMs: number,
    readonly toMs: number,
  ) {}

  covers(sentMs: number): boolean {
    return sentMs >= this.fromMs && sentMs < this.toMs;
  }
}

/** The tallies of a run, looked up by window. */
export class WindowTallies {
  readonly list: WindowTally[] = [];

  /** The tally of [fromMs, toMs), created if new. Call before the run starts. */
  ensure(fromMs: number, toMs: number): WindowTally {
    return this.find(fromMs, toMs) ?? this.add(fromMs, toMs);
  }

  find(fromMs: number, toMs: number): WindowTally | undefined {
    return this.list.find((tally) => tally.fromMs === fromMs && tally.toMs === toMs);
  }

  onSent(sentMs: number): void {
    for (const tally of this.list) if (tally.covers(sentMs)) tally.sent++;
  }

  onFinished(sentMs: number, outcome: number, micros: number, ok: boolean): void {
    for (const tally of this.list) {
      if (!tally.covers(sentMs)) continue;
      tally.outcomes[outcome]++;
      if (ok) tally.bins.record(micros);
    }
  }

  onConsistency(metric: 'staleReads' | 'lostWrites' | 'sessionsLost', sentMs: number): void {
    for (const tally of this.list) if (tally.covers(sentMs)) tally[metric]++;
  }

  private add(fromMs: number, toMs: number): WindowTally {
    const tally = new WindowTally(fromMs, toMs);
    this.list.push(tally);
    return tally;
  }
}
