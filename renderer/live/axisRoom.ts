/** How wide a label is drawn, in CSS pixels (a canvas's measureText in the axis's font). */
export type MeasureText = (text: string) => number;

/** Room left between two time-axis labels, in CSS pixels, so "10s" never touches "20s". */
export const BETWEEN_TIME_LABELS_PX = 12;

/** The tick mark and the gap between it and a y label, in CSS pixels (uPlot's ticks.size and gap). */
export const VALUE_TICK_PX = 4;
export const VALUE_LABEL_GAP_PX = 4;

/**
 * The least distance between time-axis ticks (uPlot's `space`): the widest of the labels the axis
 * can draw (those of its two ends) and a gap. A narrow plot gets fewer ticks rather than labels
 * that run into each other ("1:00" is wider than "30s", so a long run's ticks are set further apart).
 */
export function timeAxisSpace(endLabels: readonly string[], measure: MeasureText): number {
  const widest = endLabels.reduce((w, label) => Math.max(w, measure(label)), 0);
  return Math.ceil(widest) + BETWEEN_TIME_LABELS_PX;
}

/**
 * How wide a y axis is (uPlot's `size`): its widest label, the tick and the gap, so a narrow chart
 * spends its width on the plot, not on an axis sized for "500ms" when it reads "0" to "20".
 */
export function valueAxisSize(labels: readonly (string | null | undefined)[] | null | undefined, measure: MeasureText): number {
  const widest = (labels ?? []).reduce((w, label) => (label ? Math.max(w, measure(label)) : w), 0);
  return Math.ceil(widest) + VALUE_TICK_PX + VALUE_LABEL_GAP_PX + 2;
}
