import type { Check } from '../../shared/model/types';

export interface CheckRow {
  id: string;
  label: string;
  /** Measured value, or null while nothing could be measured. */
  actual: number | null;
  pass: boolean | null;
  /** 'live' while running (settled seconds so far), 'final' from the finished run's report. */
  source: 'live' | 'final' | 'none';
}

interface ReportCheck {
  id?: unknown;
  actual?: unknown;
  pass?: unknown;
}

export function describeCheck(check: Check): string {
  const node = check.node !== undefined ? ` on ${check.node}` : '';
  const window = check.fromS !== undefined || check.toS !== undefined ? ` during ${check.fromS ?? 0}–${check.toS ?? 'end'} s` : '';
  return `${check.metric}${node} ${check.op} ${check.value}${window}`;
}

/**
 * One row per document check: from the finished run's report when there is one (exact, the
 * CLI's numbers), else from the live frame (over the seconds whose requests have finished).
 */
export function checkRows(checks: readonly Check[], live: { actual: Float64Array; pass: Uint8Array } | null, report: Record<string, unknown> | null): CheckRow[] {
  const final = Array.isArray(report?.checks) ? (report.checks as ReportCheck[]) : null;
  return checks.map((check, i) => {
    const id = check.id ?? `check${i + 1}`;
    const label = check.label ?? describeCheck(check);
    if (final !== null && final[i] !== undefined) {
      const row = final[i];
      return { id, label, actual: typeof row.actual === 'number' ? row.actual : null, pass: row.pass === true, source: 'final' };
    }
    if (live !== null && i < live.actual.length) {
      const actual = Number.isFinite(live.actual[i]) ? live.actual[i] : null;
      return { id, label, actual, pass: actual === null ? null : live.pass[i] === 1, source: 'live' };
    }
    return { id, label, actual: null, pass: null, source: 'none' };
  });
}

export function formatActual(metric: Check['metric'], actual: number | null): string {
  if (actual === null) return '—';
  if (metric === 'availability' || metric === 'errorRate' || metric === 'cache.hitRatio' || metric === 'utilization') return `${(actual * 100).toFixed(2)}%`;
  if (metric.startsWith('latency')) return `${actual.toFixed(1)} ms`;
  if (metric === 'throughput') return `${actual.toFixed(1)}/s`;
  return String(Math.round(actual * 100) / 100);
}
