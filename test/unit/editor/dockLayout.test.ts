import { describe, expect, it } from 'vitest';
import { DEFAULT_DOCK_LAYOUT, FOLD_SNAP_PX, MIN_CANVAS_PX, MIN_PANEL_PX, parseDockLayout, resizeDock } from '../../../renderer/app/dock/dockLayout';

/** The side panels as a layout stored before they folded reads them: shown. */
const BOTH_SIDES = { paletteShown: true, inspectorShown: true };

describe('the bottom dock layout', () => {
  const bounds = { foldedPx: 90, totalPx: 700 };

  it('reads what it stored, and the default for anything it cannot read', () => {
    expect(parseDockLayout(JSON.stringify({ heightPx: 240, panelShown: false }))).toEqual({ heightPx: 240, panelShown: false, ...BOTH_SIDES });
    expect(parseDockLayout(null)).toEqual(DEFAULT_DOCK_LAYOUT);
    expect(parseDockLayout('{not json')).toEqual(DEFAULT_DOCK_LAYOUT);
    expect(parseDockLayout('42')).toEqual(DEFAULT_DOCK_LAYOUT);
    expect(parseDockLayout('null')).toEqual(DEFAULT_DOCK_LAYOUT);
    // Each part on its own: a bad height keeps a good fold, and the other way round.
    expect(parseDockLayout(JSON.stringify({ heightPx: -5, panelShown: false }))).toEqual({ heightPx: null, panelShown: false, ...BOTH_SIDES });
    expect(parseDockLayout(JSON.stringify({ heightPx: 'tall', panelShown: 'yes' }))).toEqual({ heightPx: null, panelShown: true, ...BOTH_SIDES });
    expect(parseDockLayout('{"heightPx": 1e999}')).toEqual({ heightPx: null, panelShown: true, ...BOTH_SIDES });
    expect(parseDockLayout(JSON.stringify({ heightPx: 250.6 }))).toEqual({ heightPx: 251, panelShown: true, ...BOTH_SIDES });
  });

  it('reads the side panels folded or shown, each on its own, and shown when it cannot tell', () => {
    const stored = { heightPx: 240, panelShown: true, paletteShown: false, inspectorShown: true };
    expect(parseDockLayout(JSON.stringify(stored))).toEqual(stored);
    expect(parseDockLayout(JSON.stringify({ ...stored, paletteShown: 'no', inspectorShown: false }))).toEqual({ ...stored, paletteShown: true, inspectorShown: false });
  });

  it('keeps the side panels as they are when the dock is resized or folded', () => {
    const folded = { ...DEFAULT_DOCK_LAYOUT, paletteShown: false, inspectorShown: false };
    expect(resizeDock(folded, 320, bounds)).toEqual({ heightPx: 320, panelShown: true, paletteShown: false, inspectorShown: false });
    expect(resizeDock(folded, 0, bounds)).toEqual({ heightPx: null, panelShown: false, paletteShown: false, inspectorShown: false });
  });

  it('takes the height the edge is dragged to', () => {
    expect(resizeDock(DEFAULT_DOCK_LAYOUT, 320, bounds)).toEqual({ heightPx: 320, panelShown: true, ...BOTH_SIDES });
  });

  it('never squeezes the canvas below its minimum', () => {
    expect(resizeDock(DEFAULT_DOCK_LAYOUT, 5000, bounds)).toEqual({ heightPx: bounds.totalPx - MIN_CANVAS_PX, panelShown: true, ...BOTH_SIDES });
  });

  it('folds the panels when dragged down near the tabs, keeping the height for later', () => {
    const tall = { heightPx: 300, panelShown: true, ...BOTH_SIDES };
    expect(resizeDock(tall, bounds.foldedPx + FOLD_SNAP_PX - 1, bounds)).toEqual({ heightPx: 300, panelShown: false, ...BOTH_SIDES });
    expect(resizeDock(tall, 0, bounds)).toEqual({ heightPx: 300, panelShown: false, ...BOTH_SIDES });
  });

  it('just above the snap, shows the panels at their smallest useful height', () => {
    expect(resizeDock({ heightPx: 300, panelShown: false, ...BOTH_SIDES }, bounds.foldedPx + FOLD_SNAP_PX, bounds)).toEqual({ heightPx: bounds.foldedPx + MIN_PANEL_PX, panelShown: true, ...BOTH_SIDES });
  });

  it('in a window too short for both minimums, the panels still get their smallest height', () => {
    const cramped = { foldedPx: 90, totalPx: 250 };
    expect(resizeDock(DEFAULT_DOCK_LAYOUT, 400, cramped)).toEqual({ heightPx: 90 + MIN_PANEL_PX, panelShown: true, ...BOTH_SIDES });
  });
});
