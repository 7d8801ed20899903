import { METRIC_ROW_FLOATS } from '../../shared/sim/session/protocol';

/** Columns of a metric row after `t` (protocol order). */
export const METRIC_COLUMNS = ['sent', 'ok', 'failed', 'p50', 'p99', 'p95', 'error', 'timeout', 'rejected', 'dropped'] as const;
export type MetricColumn = (typeof METRIC_COLUMNS)[number];

/**
 * One run's per-second rows of some columns (the engine's metric or consistency rows: `t`, then
 * one float per column), dense by second. Rows arrive out of order and are overwritten while their
 * second's requests finish (and, for consistency, when a failover later finds writes sent in an old
 * second lost). Seconds not received yet are NaN.
 */
export class SecondRows<Column extends string> {
  readonly columns: Record<Column, Float64Array>;
  /** One past the last second received. */
  length = 0;

  constructor(
    private readonly names: readonly Column[],
    /** Floats per row in the protocol (`t` and the columns). */
    private readonly rowFloats: number,
    readonly seconds: number,
  ) {
    this.columns = Object.fromEntries(names.map((name) => [name, new Float64Array(seconds).fill(Number.NaN)])) as Record<Column, Float64Array>;
  }

  apply(rows: Float64Array): void {
    const rowFloats = this.rowFloats;
    for (let o = 0; o + rowFloats <= rows.length; o += rowFloats) {
      const t = rows[o];
      if (!(t >= 0 && t < this.seconds) || !Number.isInteger(t)) continue;
      this.names.forEach((name, c) => {
        this.columns[name][t] = rows[o + 1 + c];
      });
      this.length = Math.max(this.length, t + 1);
    }
  }

  clear(): void {
    for (const name of this.names) this.columns[name].fill(Number.NaN);
    this.length = 0;
  }
}

/** The per-second metric rows of one run (requests, latency percentiles, outcomes). */
export class MetricSeries extends SecondRows<MetricColumn> {
  constructor(seconds: number) {
    super(METRIC_COLUMNS, METRIC_ROW_FLOATS, seconds);
  }
}

/**
 * Per-node values, one per simulated second (the engine's node rows): utilization, queue fill and
 * cache hit ratio for the per-node charts.
 */
export class NodeSeries {
  readonly values: Float32Array[];

  constructor(
    nodes: number,
    readonly seconds: number,
  ) {
    this.values = Array.from({ length: nodes }, () => new Float32Array(seconds).fill(Number.NaN));
  }

  /** One value per node for second `t` (exact per-second figures, e.g. from node rows). */
  set(t: number, node: number, value: number): void {
    if (t >= 0 && t < this.seconds && node >= 0 && node < this.values.length) this.values[node][t] = value;
  }

  clear(): void {
    for (const series of this.values) series.fill(Number.NaN);
  }
}
