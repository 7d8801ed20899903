import { OUTCOME_COUNT, OUTCOME_OK } from '../engine/codes';
import { LatencyBins, MICROS_PER_MS } from './latencyBins';
import { WindowTallies } from './windowTally';

/**
 * Per-second latency bins keep 2 significant digits (≈1 %): enough for timeline rows and check
 * windows. 34 KB per open simulated second with an ok request: 17 KB of counts plus 17 KB of
 * per-bin maxima (4,224 Uint32 each, bins up to 2^38 µs), the maxima so that percentiles are not
 * reported above every value recorded in their bin.
 */
const SECOND_DIGITS = 2;
/** The whole-run histogram keeps 3 (≈0.1 %). */
const RUN_DIGITS = 3;

/**
 * Client-request outcomes grouped by the simulated second in which each request was *first
 * sent* (DESIGN §5 timeline), plus the whole-run latency histogram. A window of whole seconds
 * is a sum of them; any other window a check asks for has its own tally.
 */
export class RequestMetrics {
  /** sent[s]: requests first sent during second s. */
  sent: Float64Array = new Float64Array(64);
  /** outcomes[s * OUTCOME_COUNT + o]. */
  outcomes: Float64Array = new Float64Array(64 * OUTCOME_COUNT);
  /** Ok-request latencies by send second (created on first use). */
  readonly secondBins: (LatencyBins | undefined)[] = [];
  readonly runBins = new LatencyBins(RUN_DIGITS);
  /** Ok reads and writes (client level), for the consistency block. */
  okReads = 0;
  okWrites = 0;
  seconds = 0;
  /** Check windows that are not whole seconds (empty in most runs). */
  readonly tallies = new WindowTallies();
  /** Seconds below this have been sealed (apart from any reopened since: see `reopened`). */
  private sealedBelow = 0;
  /** Sealed seconds a late answer reopened (a lifetime raised mid-run): sealed again later. */
  private readonly reopened: number[] = [];

  /**
   * A request sent at `nowMs`; `lifetimeMs` bounds how long any request can live (the world's
   * bound): a second's latency bins are sealed (kept sparse) once every request sent in it is over.
   */
  onSent(nowMs: number, lifetimeMs: number): void {
    const second = Math.floor(nowMs / 1000);
    this.ensure(second);
    this.sent[second]++;
    if (this.tallies.list.length > 0) this.tallies.onSent(nowMs);
    // A request sent now finishes by now + lifetime: seconds that ended before now − lifetime are
    // settled. Checked once per new second, so this costs nothing per request.
    const settled = Math.floor((nowMs - lifetimeMs) / 1000);
    if (settled > this.sealedBelow) this.sealUpTo(settled);
  }

  /**
   * Per-second bins are dense while their second can still receive answers (34 KB each) and
   * sparse once it cannot: a day-long run would otherwise hold 2 GB of mostly empty bins.
   */
  private sealUpTo(second: number): void {
    for (let s = this.sealedBelow; s < second; s++) this.secondBins[s]?.seal();
    this.sealedBelow = second;
    for (let i = this.reopened.length - 1; i >= 0; i--) {
      if (this.reopened[i] >= second) continue;
      this.secondBins[this.reopened[i]]?.seal();
      this.reopened.splice(i, 1);
    }
  }

  onFinished(firstSendMs: number, outcome: number, latencyMs: number, write: boolean): void {
    const second = Math.floor(firstSendMs / 1000);
    this.ensure(second);
    this.outcomes[second * OUTCOME_COUNT + outcome]++;
    const micros = latencyMs * MICROS_PER_MS;
    if (this.tallies.list.length > 0) this.tallies.onFinished(firstSendMs, outcome, micros, outcome === OUTCOME_OK);
    if (outcome !== OUTCOME_OK) return;
    if (write) this.okWrites++;
    else this.okReads++;
    this.runBins.record(micros);
    let bins = this.secondBins[second];
    if (bins === undefined) {
      bins = new LatencyBins(SECOND_DIGITS);
      this.secondBins[second] = bins;
    } else if (bins.sealed) {
      this.reopened.push(second);
    }
    bins.record(micros);
  }

  sentIn(fromS: number, toS: number): number {
    let total = 0;
    for (let s = Math.max(0, fromS); s < Math.min(toS, this.seconds); s++) total += this.sent[s];
    return total;
  }

  outcomeIn(outcome: number, fromS: number, toS: number): number {
    let total = 0;
    for (let s = Math.max(0, fromS); s < Math.min(toS, this.seconds); s++) total += this.outcomes[s * OUTCOME_COUNT + outcome];
    return total;
  }

  /** Ok latencies of requests sent in [fromS, toS), merged. */
  binsIn(fromS: number, toS: number): LatencyBins {
    const merged = new LatencyBins(SECOND_DIGITS);
    for (let s = Math.max(0, fromS); s < Math.min(toS, this.seconds); s++) {
      const bins = this.secondBins[s];
      if (bins !== undefined) merged.add(bins);
    }
    return merged;
  }

  private ensure(second: number): void {
    if (second >= this.seconds) this.seconds = second + 1;
    if (second < this.sent.length) return;
    let length = this.sent.length;
    while (length <= second) length *= 2;
    const sent = new Float64Array(length);
    sent.set(this.sent);
    this.sent = sent;
    const outcomes = new Float64Array(length * OUTCOME_COUNT);
    outcomes.set(this.outcomes);
    this.outcomes = outcomes;
  }
}
