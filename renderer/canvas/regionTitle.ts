import type { Rect } from '../editor/geometry';
import { cardTextResolution } from './textResolution';

/**
 * How a region's title is sized for a zoom. Drawn in world units like the box, a 13 px title is
 * 3 px high when a lesson is fitted into a small window (zoom 0.23): below a zoom it is scaled up
 * instead so it keeps a readable size on screen, and cut to what fits the box's width on screen.
 * Pure: the canvas's RegionView measures and draws.
 */

/** A region title's type size in world px, and in classroom mode (read from the back of a room). */
export const REGION_TITLE_SIZE = { normal: 13, classroom: 17 } as const;
/**
 * The smallest a title is drawn on screen (CSS px): the far labels' sizes (FAR_LABEL_SIZE), which
 * name the cards at the same zooms. 11 is the smallest the app writes running text at, and a
 * title, bold and in capitals, still reads as a heading beside the cards' 11 px names; classroom
 * mode's 13 is read from the back of a room.
 */
export const REGION_TITLE_MIN_SCREEN_SIZE = { normal: 11, classroom: 13 } as const;
/** The title's inset from the box's left edge (world units); it keeps the same room on the right. */
export const REGION_TITLE_INSET = { x: 18, y: 12 } as const;
/**
 * Below the minimum size a title is cut to the box's width on screen, which a zoom changes on
 * every frame: that width moves in steps of this many screen px (as the far labels' limits do),
 * so a smooth zoom re-measures the title a few times, not on every frame.
 */
const SCREEN_WIDTH_STEP = 4;

export interface RegionTitleLayout {
  /** The type size (world px) before scaling. */
  fontSize: number;
  /** How much the title is enlarged in the world (1 at or above the minimum size's zoom). */
  scale: number;
  /** The resolution to rasterise the title's text at (near 1:1 with the screen, see cardTextResolution). */
  resolution: number;
  /** The widest the title's text may be, in its own (unscaled) units: what it is cut to. */
  maxTextWidth: number;
  /** The title's type size on screen (CSS px). */
  screenSize: number;
}

/**
 * `widthLimit`: the most the title may take from its left edge (world units), where a far label
 * lies across its row (see titleWidthLimit); Infinity for none.
 */
export function regionTitleLayout(regionWidth: number, zoom: number, classroom: boolean, pixelRatio = 1, widthLimit = Infinity): RegionTitleLayout {
  const fontSize = classroom ? REGION_TITLE_SIZE.classroom : REGION_TITLE_SIZE.normal;
  const minimum = classroom ? REGION_TITLE_MIN_SCREEN_SIZE.classroom : REGION_TITLE_MIN_SCREEN_SIZE.normal;
  const roomInWorld = Math.min(Math.max(0, regionWidth - 2 * REGION_TITLE_INSET.x), widthLimit);
  if (fontSize * zoom >= minimum) {
    return { fontSize, scale: 1, resolution: cardTextResolution(zoom, pixelRatio), maxTextWidth: roomInWorld, screenSize: fontSize * zoom };
  }
  const scale = minimum / (fontSize * zoom);
  // One unit of the title's text is minimum / fontSize screen px, at every zoom below the threshold.
  const screenPerTextUnit = minimum / fontSize;
  const roomOnScreen = Math.floor((roomInWorld * zoom) / SCREEN_WIDTH_STEP) * SCREEN_WIDTH_STEP;
  return { fontSize, scale, resolution: cardTextResolution(screenPerTextUnit, pixelRatio), maxTextWidth: roomOnScreen / screenPerTextUnit, screenSize: minimum };
}

/** The title's row: its left edge, top and height (world units), as drawn at its full width. */
export interface TitleRow {
  x: number;
  y: number;
  h: number;
}

/** Room left between a cut title and what lies after it (screen px). */
const GAP_BEFORE_OBSTACLE = 4;

/**
 * How wide a region's title may be (world units, from its left edge) so that it ends before what
 * lies across its row: far out a card's far label, or the live view's badges, are written at a
 * fixed screen size over a card near the box's top edge, and would otherwise cover the end of the
 * title ("Shard 1…" over "CONSISTENT HASHING" in lesson 8 at 800×600). `shortest`: the least a cut
 * title may keep (world units; its first word and "…"): when the nearest obstacle is nearer the
 * title's start than that, the title is not cut — "ASYNCH…" beside "SYNCHR…" would say less than
 * two titles partly covered — and that obstacle covers it, as before. Infinity when nothing is in the way.
 */
export function titleWidthLimit(title: TitleRow, obstacles: Iterable<Rect>, zoom: number, shortest: number): number {
  let nearest = Infinity;
  for (const obstacle of obstacles) {
    if (obstacle.y >= title.y + title.h || obstacle.y + obstacle.h <= title.y) continue;
    if (obstacle.x + obstacle.w <= title.x) continue;
    nearest = Math.min(nearest, obstacle.x - title.x - GAP_BEFORE_OBSTACLE / zoom);
  }
  // Cut short of the nearest, or not at all: cutting before a farther one would still leave the title under the nearest.
  return nearest >= shortest ? nearest : Infinity;
}

/** The part of a title a cut must keep: its first word (the whole title when it is one word). */
export function titleFirstWord(title: string): string {
  const match = /^\S+\s/.exec(title);
  return match === null ? title : match[0].trimEnd();
}
