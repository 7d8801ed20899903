import { isRatioMetric, METRIC_INFO } from '../../shared/model/schema/checks';
import type { Check } from '../../shared/model/types';
import { verdictKnownAtS, windowEndS } from '../../shared/sim/checkFinality';
import { idsAsNames, type NodeNamer } from './nodeNames';
import { formatSimSeconds, formatSimTime } from './speedPresets';

export interface CheckRow {
  id: string;
  label: string;
  /** Measured value, or null while nothing could be measured. */
  actual: number | null;
  /** The verdict of what is measured (so far, unless `final`); null while nothing is. */
  pass: boolean | null;
  /**
   * Nothing later in the run can change `pass`: the report's, the window's requests have all
   * finished, or what is measured already decides it (a maximum past its bound). Until then a
   * verdict is pending, never shown as a pass or a failure.
   */
  final: boolean;
  /** 'live' while running (settled seconds so far), 'final' from the finished run's report. */
  source: 'live' | 'final' | 'none';
}

interface ReportCheck {
  id?: unknown;
  actual?: unknown;
  pass?: unknown;
}

const OP_WORDS: Record<Check['op'], string> = { '<': '<', '<=': '≤', '>': '>', '>=': '≥' };

/**
 * A check in words when it has no label: "p99 latency ≤ 500 ms from 20 s", "Utilization of app1 ≤
 * 80%". A ratio's threshold is a percentage, as the measured value beside it is (formatActual).
 */
export function describeCheck(check: Check, name: NodeNamer = idsAsNames): string {
  const info = METRIC_INFO[check.metric];
  // A node on a client-wide metric is ignored (the loader says so): not shown either.
  const node = info.needsNode && check.node !== undefined ? ` of ${name(check.node)}` : '';
  const unit = info.unit === 'ms' ? ' ms' : info.unit === 'rps' ? '/s' : '';
  const from = check.fromS !== undefined && check.fromS > 0 ? check.fromS : undefined;
  const window = from !== undefined && check.toS !== undefined ? ` for requests sent ${from}–${check.toS} s` : from !== undefined ? ` from ${from} s` : check.toS !== undefined ? ` until ${check.toS} s` : '';
  const value = info.unit === 'ratio' ? `${Number((check.value * 100).toPrecision(12))}%` : String(check.value);
  return `${info.label}${node} ${OP_WORDS[check.op]} ${value}${unit}${window}`;
}

/**
 * The check in words when its label's numbers leave out its threshold, else null: a label written
 * for "< 500 ms" and left behind when the threshold became 250 reads as a failure that cannot be
 * ("stays under 500 ms — 315 ms ✗"). Numbers inside words ("p99") are not the label's numbers; a
 * ratio's threshold may be written as a percentage (95%) or as the ratio (0.95). A label without
 * numbers ("Checkout stays fast") says nothing to contradict.
 */
export function labelContradiction(check: Check, name: NodeNamer = idsAsNames): string | null {
  if (check.label === undefined) return null;
  const numbers = [...check.label.matchAll(/(?<![\p{L}\d.,])\d{1,3}(?:,\d{3})+(?:\.\d+)?|(?<![\p{L}\d.,])\d+(?:\.\d+)?/gu)].map((match) => Number(match[0].replaceAll(',', '')));
  if (numbers.length === 0) return null;
  const written = isRatioMetric(check.metric) ? [check.value, check.value * 100] : [check.value];
  const same = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));
  return numbers.some((number) => written.some((value) => same(number, value))) ? null : describeCheck(check, name);
}

/**
 * One row per document check: from the finished run's report when there is one (exact, the
 * CLI's numbers), else from the live frame (over the seconds whose requests have finished).
 * Once the run has ended (`ended`, the frame says so) a verdict is final even before the report
 * is in: nothing more will be measured.
 */
export function checkRows(
  checks: readonly Check[],
  live: { actual: Float64Array; pass: Uint8Array; final: Uint8Array } | null,
  report: Record<string, unknown> | null,
  { ended = false, name }: { ended?: boolean; name?: NodeNamer } = {},
): CheckRow[] {
  const final = Array.isArray(report?.checks) ? (report.checks as ReportCheck[]) : null;
  return checks.map((check, i) => {
    const id = check.id ?? `check${i + 1}`;
    const label = check.label ?? describeCheck(check, name);
    if (final !== null && final[i] !== undefined) {
      const row = final[i];
      return { id, label, actual: typeof row.actual === 'number' ? row.actual : null, pass: row.pass === true, final: true, source: 'final' };
    }
    if (live !== null && i < live.actual.length) {
      const actual = Number.isFinite(live.actual[i]) ? live.actual[i] : null;
      // Ended with nothing measured: failed, as the report has it.
      if (ended) return { id, label, actual, pass: actual !== null && live.pass[i] === 1, final: true, source: 'final' };
      if (actual === null) return { id, label, actual, pass: null, final: false, source: 'live' };
      return { id, label, actual, pass: live.pass[i] === 1, final: live.final[i] === 1, source: 'live' };
    }
    return { id, label, actual: null, pass: null, final: false, source: 'none' };
  });
}

/** How a row is shown: its final verdict, pending while the rest of its window may change it, or nothing measured yet. */
export type CheckState = 'pass' | 'fail' | 'pending' | 'unmeasured';

export function checkState(row: Pick<CheckRow, 'pass' | 'final'>): CheckState {
  if (row.pass === null) return 'unmeasured';
  if (!row.final) return 'pending';
  return row.pass ? 'pass' : 'fail';
}

/**
 * The note beside a row's value: "final" once its verdict is (from the finished run, or live when
 * nothing later can change it), "so far" beside a live value, and nothing while nothing is
 * measured yet (before Play, "— so far" said "so far" of no value at all).
 */
export function checkSourceText(row: Pick<CheckRow, 'actual' | 'source' | 'final'>): string {
  if (row.source === 'final' || (row.source === 'live' && row.final)) return 'final';
  return row.source === 'live' && row.actual !== null ? 'so far' : '';
}

/**
 * What a pending check still waits for: "needs ≥ 1,900 · window ends at 1:00". The threshold is
 * left out when the check's label is its own description (which states it already), or when the
 * row spells the check out beside a label that contradicts it (`withThreshold` false). Lost writes
 * are counted against the second a write was sent, but a failover can lose it at any later time:
 * their verdict waits for the end of the run.
 */
export function pendingText(check: Check, durationS: number, { withThreshold = check.label !== undefined }: { withThreshold?: boolean } = {}): string {
  const needs = withThreshold ? `needs ${thresholdText(check)} · ` : '';
  const windowEnd = windowEndS(check, durationS);
  const knownAt = verdictKnownAtS(check, durationS);
  if (knownAt > windowEnd) return `${needs}window ends at ${simTimeText(windowEnd)}, decided when the run ends at ${simTimeText(knownAt)}`;
  return `${needs}window ends at ${simTimeText(windowEnd)}`;
}

/** A check's comparison and threshold, "≥ 1,900", "≤ 500 ms", "≥ 99%". */
export function thresholdText(check: Pick<Check, 'metric' | 'op' | 'value'>): string {
  const info = METRIC_INFO[check.metric];
  const unit = info.unit === 'ms' ? ' ms' : info.unit === 'rps' ? '/s' : '';
  const value = info.unit === 'ratio' ? `${Number((check.value * 100).toPrecision(12))}%` : check.value.toLocaleString('en-US', { maximumFractionDigits: 6 });
  return `${OP_WORDS[check.op]} ${value}${unit}`;
}

function simTimeText(seconds: number): string {
  return Number.isInteger(seconds) ? formatSimSeconds(seconds) : formatSimTime(seconds * 1000);
}

/** Most decimals added to keep a rounded value on its side of the threshold. */
const EXTRA_DIGITS = 6;

/**
 * The measured value as the checks panel writes it, in the unit of its threshold. With the check
 * given, a value is never rounded onto or across its threshold: an availability of 99.9985%
 * failing "≥ 99.999%" reads "99.9985%", not "100.00%" beside a fail mark, and an error rate of
 * 0.004% failing "≤ 0%" reads "0.004%", not "0.00%".
 */
export function formatActual(metric: Check['metric'], actual: number | null, check?: Pick<Check, 'value'>): string {
  if (actual === null) return '—';
  // Counts (stale reads, lost writes, queue depth…), grouped like every other count on screen.
  const ratio = isRatioMetric(metric);
  if (!ratio && !metric.startsWith('latency') && metric !== 'throughput') return actual.toLocaleString('en-US', { maximumFractionDigits: 2 });
  const scale = ratio ? 100 : 1;
  // Both sides scaled and cut to 12 significant digits alike: 0.57 × 100 is 56.99999999999999,
  // which is the threshold 57 %, not a value below it that needs eight decimals to stay below.
  const scaled = (value: number) => Number((value * scale).toPrecision(12));
  const shown = scaled(actual);
  const digits = decimalsKeepingSide(shown, check === undefined ? null : scaled(check.value), ratio ? 2 : 1);
  if (ratio) return `${shown.toFixed(digits)}%`;
  if (metric === 'throughput') return `${shown.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })}/s`;
  return `${shown.toFixed(digits)} ms`;
}

/** The fewest decimals from `base` on whose rounding of `value` compares with `threshold` as `value` does. */
function decimalsKeepingSide(value: number, threshold: number | null, base: number): number {
  if (threshold === null) return base;
  const side = Math.sign(value - threshold);
  for (let digits = base; digits < base + EXTRA_DIGITS; digits++) {
    if (Math.sign(Number(value.toFixed(digits)) - threshold) === side) return digits;
  }
  return base + EXTRA_DIGITS;
}
