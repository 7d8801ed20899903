/**
 * The resolution card text is rasterised at for a zoom and a device pixel ratio: the smallest of
 * 0.5, 1 and 2 at or above the on-screen scale (never enlarged, so never blurred), so text is drawn near 1:1 instead of being
 * shrunk four times from a large texture (thin strokes then vanish, and a grey subtitle on a dark
 * card turns into dark smudges). Buckets, so it changes only when the zoom crosses one.
 */
export function cardTextResolution(zoom: number, pixelRatio = 1): number {
  const scale = zoom * pixelRatio;
  if (scale <= 0.5) return 0.5;
  if (scale <= 1) return 1;
  return 2;
}
