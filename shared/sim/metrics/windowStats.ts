import type { World } from '../engine/world';
import { OUTCOME_OK } from '../engine/codes';
import type { LatencyBins } from './latencyBins';

/**
 * Figures over a window [fromS, toS) of simulated seconds: client requests *sent* in the
 * window (DESIGN §3 checks) and node behaviour during it. The whole run is the window
 * [0, durationS); it uses the finer whole-run histogram.
 */
export class WindowStats {
  constructor(
    private readonly world: World,
    private readonly durationS: number,
  ) {}

  private get runSeconds(): number {
    return Math.ceil(this.durationS);
  }

  private isWholeRun(fromS: number, toS: number): boolean {
    return fromS <= 0 && toS >= this.runSeconds;
  }

  sent(fromS: number, toS: number): number {
    return this.world.metrics.sentIn(fromS, toS);
  }

  ok(fromS: number, toS: number): number {
    return this.world.metrics.outcomeIn(OUTCOME_OK, fromS, toS);
  }

  latency(fromS: number, toS: number): LatencyBins {
    return this.isWholeRun(fromS, toS) ? this.world.metrics.runBins : this.world.metrics.binsIn(fromS, toS);
  }

  /** Busy time over capacity time; null for nodes without a station. */
  utilization(node: number, fromS: number, toS: number): number | null {
    const station = this.world.models[node].station;
    if (station === null) return null;
    station.advance(this.world.now);
    const capacity = station.capacityMs.sum(fromS, toS);
    return capacity > 0 ? station.busyMs.sum(fromS, toS) / capacity : 0;
  }

  maxQueue(node: number, fromS: number, toS: number): number | null {
    const station = this.world.models[node].station;
    if (station === null) return null;
    station.advance(this.world.now);
    return station.queueMax.maxOver(fromS, toS);
  }

  /** Time-averaged queue length over the window. */
  meanQueue(node: number, fromS: number, toS: number): number | null {
    const station = this.world.models[node].station;
    if (station === null) return null;
    station.advance(this.world.now);
    const spanMs = (Math.min(toS, this.durationS) - Math.max(0, fromS)) * 1000;
    return spanMs > 0 ? station.queueMs.sum(fromS, toS) / spanMs : 0;
  }

  /** Stale reads, lost writes or lost sessions of client requests sent in the window (a count). */
  consistency(metric: 'staleReads' | 'lostWrites' | 'sessionsLost', fromS: number, toS: number): number {
    const books = this.world.consistency;
    const series = metric === 'staleReads' ? books.staleSeries : metric === 'lostWrites' ? books.lostSeries : books.sessionSeries;
    return series.sum(fromS, toS);
  }

  hitRatio(node: number, fromS: number, toS: number): number | null {
    const model = this.world.models[node];
    return model.hitRatioIn ? model.hitRatioIn(fromS, toS) : null;
  }
}
