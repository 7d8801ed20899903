/**
 * How the inspector writes a node's figures: grouped like every count on screen ("1,017.4", not
 * "1017.4"), percentages without a space ("14.0%").
 */

/** A whole count: "13,326". */
export function formatCount(value: number): string {
  return Math.round(value).toLocaleString('en-US');
}

/** Exactly `digits` decimals, grouped: "1,017.4", "0.25". */
export function formatFixed(value: number, digits: number): string {
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** One decimal, except exactly 0 or 100% (99.96% must not read as 100%). */
export function formatPercent(ratio: number): string {
  return `${formatFixed(ratio * 100, ratio === 0 || ratio === 1 ? 0 : 1)}%`;
}

/**
 * A time-averaged queue length: "0" only when nothing ever waited, three decimals below 0.01 (as
 * the report has it: a cache's 0.004 read "0.00", like a node no request ever waited at), then two,
 * then one from 10 on ("1,017.4").
 */
export function formatMeanQueue(value: number): string {
  if (value === 0) return '0';
  return formatFixed(value, value < 0.01 ? 3 : value < 10 ? 2 : 1);
}
