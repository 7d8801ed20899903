import type { Check } from '../../model/types';
import { METRIC_INFO } from '../../model/schema/checks';
import type { World } from '../engine/world';
import { OUTCOME_OK } from '../engine/codes';
import type { LatencyBins } from './latencyBins';
import type { WindowTally } from './windowTally';

/** A window of whole seconds [fromS, toS), or the tally of a window that is not. */
type RequestWindow = { fromS: number; toS: number; tally: null } | { tally: WindowTally };

/**
 * A check's window of send times within a run of `durationS`: requests are sent only in
 * [0, durationS), so a window reaching past the end is cut there, and one that ends at the end
 * counts as whole seconds if it starts on one.
 */
export function requestWindowBounds(fromS: number, toS: number, durationS: number): { from: number; to: number; wholeSeconds: boolean } {
  const from = Math.max(0, fromS);
  const to = Math.min(toS, durationS);
  return { from, to, wholeSeconds: Number.isInteger(from) && (Number.isInteger(to) || to === durationS) };
}

/**
 * The windows (ms) that checks of client-request metrics measure and that are not whole seconds:
 * each needs a tally kept from the start of the run.
 */
export function tallyWindows(checks: readonly Check[], durationS: number): { fromMs: number; toMs: number }[] {
  const windows: { fromMs: number; toMs: number }[] = [];
  for (const check of checks) {
    if (METRIC_INFO[check.metric].needsNode) continue;
    const window = requestWindowBounds(check.fromS ?? 0, check.toS ?? durationS, durationS);
    if (!window.wholeSeconds && window.to > window.from) windows.push({ fromMs: window.from * 1000, toMs: window.to * 1000 });
  }
  return windows;
}

/**
 * Figures over a window [fromS, toS) of simulated seconds (any real numbers): client requests
 * *sent* in the window (DESIGN §3 checks), exactly — whole seconds from the per-second series,
 * other windows from the tally the simulation keeps for each check that names one — and node
 * behaviour during it, over the whole seconds the window touches (node series are per second).
 * The whole run is [0, durationS); its latencies come from the finer whole-run histogram.
 */
export class WindowStats {
  constructor(
    private readonly world: World,
    private readonly durationS: number,
  ) {}

  private get runSeconds(): number {
    return Math.ceil(this.durationS);
  }

  /**
   * A window that does not fall on whole seconds and has no tally (a live check while the run
   * has not settled past its end) is widened to the seconds it touches.
   */
  private requestWindow(fromS: number, toS: number): RequestWindow {
    const { from, to, wholeSeconds } = requestWindowBounds(fromS, toS, this.durationS);
    if (!wholeSeconds) {
      const tally = this.world.metrics.tallies.find(from * 1000, to * 1000);
      if (tally !== undefined) return { tally };
    }
    return { fromS: Math.floor(from), toS: Math.ceil(to), tally: null };
  }

  sent(fromS: number, toS: number): number {
    const window = this.requestWindow(fromS, toS);
    return window.tally !== null ? window.tally.sent : this.world.metrics.sentIn(window.fromS, window.toS);
  }

  ok(fromS: number, toS: number): number {
    const window = this.requestWindow(fromS, toS);
    return window.tally !== null ? window.tally.outcomes[OUTCOME_OK] : this.world.metrics.outcomeIn(OUTCOME_OK, window.fromS, window.toS);
  }

  latency(fromS: number, toS: number): LatencyBins {
    const window = this.requestWindow(fromS, toS);
    if (window.tally !== null) return window.tally.bins;
    const wholeRun = window.fromS <= 0 && window.toS >= this.runSeconds;
    return wholeRun ? this.world.metrics.runBins : this.world.metrics.binsIn(window.fromS, window.toS);
  }

  /** Stale reads, lost writes or lost sessions of client requests sent in the window (a count). */
  consistency(metric: 'staleReads' | 'lostWrites' | 'sessionsLost', fromS: number, toS: number): number {
    const window = this.requestWindow(fromS, toS);
    if (window.tally !== null) return window.tally[metric];
    const books = this.world.consistency;
    const series = metric === 'staleReads' ? books.staleSeries : metric === 'lostWrites' ? books.lostSeries : books.sessionSeries;
    return series.sum(window.fromS, window.toS);
  }

  /** Busy time over capacity time; null for nodes without a station. */
  utilization(node: number, fromS: number, toS: number): number | null {
    const station = this.world.models[node].station;
    if (station === null) return null;
    station.advance(this.world.now);
    const [from, to] = this.nodeSeconds(fromS, toS);
    // A queue whose capacity is lowered below its depth keeps the messages it holds, so a second
    // can hold more "busy" (held) time than capacity; that is a full queue, not more than full.
    let busy = 0;
    let capacity = 0;
    for (let second = from; second < to; second++) {
      const busyInSecond = station.busyMs.sum(second, second + 1);
      busy += busyInSecond;
      capacity += Math.max(busyInSecond, station.capacityMs.sum(second, second + 1));
    }
    return capacity > 0 ? busy / capacity : 0;
  }

  maxQueue(node: number, fromS: number, toS: number): number | null {
    const station = this.world.models[node].station;
    if (station === null) return null;
    station.advance(this.world.now);
    const [from, to] = this.nodeSeconds(fromS, toS);
    return station.queueMax.maxOver(from, to);
  }

  /** Time-averaged queue length over the window. */
  meanQueue(node: number, fromS: number, toS: number): number | null {
    const station = this.world.models[node].station;
    if (station === null) return null;
    station.advance(this.world.now);
    const [from, to] = this.nodeSeconds(fromS, toS);
    const spanMs = (Math.min(to, this.durationS) - from) * 1000;
    return spanMs > 0 ? station.queueMs.sum(from, to) / spanMs : 0;
  }

  /**
   * Hits over lookups in the window. A window that reaches the end of the run also counts the
   * lookups of the requests that were still in flight then, as the report's hitRatio does.
   */
  hitRatio(node: number, fromS: number, toS: number): number | null {
    const model = this.world.models[node];
    if (!model.hitRatioIn) return null;
    const [from, to] = this.nodeSeconds(fromS, toS);
    return model.hitRatioIn(from, toS >= this.durationS ? Infinity : to);
  }

  /** The whole seconds a window touches, within the run. */
  private nodeSeconds(fromS: number, toS: number): [number, number] {
    return [Math.max(0, Math.floor(fromS)), Math.ceil(Math.min(toS, this.durationS))];
  }
}
