/**
 * How much a node's badges (PRIMARY, REPLICA, ACTIVE, PASSIVE, DOWN) are enlarged far out.
 * Drawn in world units like the card, an 11 px badge is 3.6 px high when lesson 7 is fitted into a
 * 1280×800 window (zoom 0.33) — the promoted replica's PRIMARY, the lesson's point, was a purple
 * smudge. Below a zoom it is scaled up instead, so its text keeps a readable size on screen, as
 * the far labels and region titles do. Pure: the live layer draws.
 */

/**
 * The smallest a badge's text is drawn on screen (CSS px). A little under the far labels' 11 (13 in
 * classroom mode): a badge is one bold capitalised word on a coloured pill, and it must fit above a
 * card that is itself only a label's height far out.
 */
export const BADGE_MIN_SCREEN_FONT = { normal: 10, classroom: 12 } as const;

/**
 * The scale moves in steps of 1/8, so a smooth zoom re-lays the badges a few times rather than on
 * every frame (the screen size then stays within an eighth above the minimum).
 */
const SCALE_STEP = 1 / 8;

/** 1 where a badge's own `fontSize` (world px) reads at `zoom`; more below, up to the minimum screen size. */
export function badgeScale(fontSize: number, zoom: number, classroom: boolean): number {
  const minimum = classroom ? BADGE_MIN_SCREEN_FONT.classroom : BADGE_MIN_SCREEN_FONT.normal;
  const wanted = minimum / (fontSize * zoom);
  if (!(wanted > 1)) return 1;
  return Math.ceil(wanted / SCALE_STEP) * SCALE_STEP;
}
