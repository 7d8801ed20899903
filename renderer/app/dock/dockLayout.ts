/**
 * How the panels around the canvas are laid out, as the user left them: how tall the bottom dock
 * (playback, timeline and the run panels) is — a height they dragged it to (null: the default,
 * which follows the window) — whether the panels under its tabs are shown, and whether the
 * palette and the inspector are shown or folded to a strip. Remembered between sessions, so a
 * teacher who hid the charts or the side panels on a small projector finds them hidden next time.
 */
export interface DockLayout {
  /** The dock's height in CSS px, or null for the default (styles: 36 % of the window, 180–300 px). */
  heightPx: number | null;
  /** False: only playback, timeline and the tab row show; the canvas gets the rest. */
  panelShown: boolean;
  /** False: the palette is folded to a thin strip at the left edge. */
  paletteShown: boolean;
  /** False: the inspector is folded to a thin strip at the right edge. */
  inspectorShown: boolean;
}

export const DEFAULT_DOCK_LAYOUT: DockLayout = { heightPx: null, panelShown: true, paletteShown: true, inspectorShown: true };

/** Dragging the dock's edge to less than this above its folded height folds it (as a sash snaps shut). */
export const FOLD_SNAP_PX = 48;

/** The canvas keeps at least this much height, however far the dock is dragged up. */
export const MIN_CANVAS_PX = 160;

/** Smallest dock with the panels shown: its folded height and room for a chart. */
export const MIN_PANEL_PX = 96;

/**
 * A layout from what storage holds. Anything else (another version's shape, a hand edit,
 * nothing at all) gives the default for the part it cannot read, never an error: a setting
 * is not worth a failed start.
 */
export function parseDockLayout(stored: string | null): DockLayout {
  if (stored === null) return DEFAULT_DOCK_LAYOUT;
  let value: unknown;
  try {
    value = JSON.parse(stored);
  } catch {
    return DEFAULT_DOCK_LAYOUT;
  }
  if (typeof value !== 'object' || value === null) return DEFAULT_DOCK_LAYOUT;
  const { heightPx, panelShown, paletteShown, inspectorShown } = value as Record<string, unknown>;
  return {
    heightPx: typeof heightPx === 'number' && Number.isFinite(heightPx) && heightPx > 0 ? Math.round(heightPx) : null,
    panelShown: typeof panelShown === 'boolean' ? panelShown : true,
    // A layout saved before the side panels folded has neither: both shown, as they were then.
    paletteShown: typeof paletteShown === 'boolean' ? paletteShown : true,
    inspectorShown: typeof inspectorShown === 'boolean' ? inspectorShown : true,
  };
}

/** What the sash works within, measured when a drag or key press starts. */
export interface DockBounds {
  /** The dock's height with the panels folded (playback, timeline, tab row). */
  foldedPx: number;
  /** The height of the dock and the canvas together. */
  totalPx: number;
}

/** The tallest the dock may be: the canvas keeps {@link MIN_CANVAS_PX}. */
export function maxDockHeight(bounds: DockBounds): number {
  return Math.max(bounds.foldedPx + MIN_PANEL_PX, bounds.totalPx - MIN_CANVAS_PX);
}

/**
 * The layout after the sash is dragged (or moved by a key) so the dock would be `wantedPx` tall:
 * near or below the folded height it folds, keeping the height it had for when it is shown again;
 * above that the panels show, at least {@link MIN_PANEL_PX} tall and never squeezing the canvas
 * below {@link MIN_CANVAS_PX}.
 */
export function resizeDock(layout: DockLayout, wantedPx: number, bounds: DockBounds): DockLayout {
  if (wantedPx < bounds.foldedPx + FOLD_SNAP_PX) return { ...layout, panelShown: false };
  const heightPx = Math.round(Math.min(Math.max(wantedPx, bounds.foldedPx + MIN_PANEL_PX), maxDockHeight(bounds)));
  return { ...layout, heightPx, panelShown: true };
}
