import { describe, expect, it } from 'vitest';
import { DEFAULT_DOCK_LAYOUT, FOLD_SNAP_PX, MIN_CANVAS_PX, MIN_PANEL_PX, parseDockLayout, resizeDock } from '../../../renderer/app/dock/dockLayout';

describe('the bottom dock layout', () => {
  const bounds = { foldedPx: 90, totalPx: 700 };

  it('reads what it stored, and the default for anything it cannot read', () => {
    expect(parseDockLayout(JSON.stringify({ heightPx: 240, panelShown: false }))).toEqual({ heightPx: 240, panelShown: false });
    expect(parseDockLayout(null)).toEqual(DEFAULT_DOCK_LAYOUT);
    expect(parseDockLayout('{not json')).toEqual(DEFAULT_DOCK_LAYOUT);
    expect(parseDockLayout('42')).toEqual(DEFAULT_DOCK_LAYOUT);
    expect(parseDockLayout('null')).toEqual(DEFAULT_DOCK_LAYOUT);
    // Each part on its own: a bad height keeps a good fold, and the other way round.
    expect(parseDockLayout(JSON.stringify({ heightPx: -5, panelShown: false }))).toEqual({ heightPx: null, panelShown: false });
    expect(parseDockLayout(JSON.stringify({ heightPx: 'tall', panelShown: 'yes' }))).toEqual({ heightPx: null, panelShown: true });
    expect(parseDockLayout('{"heightPx": 1e999}')).toEqual({ heightPx: null, panelShown: true });
    expect(parseDockLayout(JSON.stringify({ heightPx: 250.6 }))).toEqual({ heightPx: 251, panelShown: true });
  });

  it('takes the height the edge is dragged to', () => {
    expect(resizeDock(DEFAULT_DOCK_LAYOUT, 320, bounds)).toEqual({ heightPx: 320, panelShown: true });
  });

  it('never squeezes the canvas below its minimum', () => {
    expect(resizeDock(DEFAULT_DOCK_LAYOUT, 5000, bounds)).toEqual({ heightPx: bounds.totalPx - MIN_CANVAS_PX, panelShown: true });
  });

  it('folds the panels when dragged down near the tabs, keeping the height for later', () => {
    const tall = { heightPx: 300, panelShown: true };
    expect(resizeDock(tall, bounds.foldedPx + FOLD_SNAP_PX - 1, bounds)).toEqual({ heightPx: 300, panelShown: false });
    expect(resizeDock(tall, 0, bounds)).toEqual({ heightPx: 300, panelShown: false });
  });

  it('just above the snap, shows the panels at their smallest useful height', () => {
    expect(resizeDock({ heightPx: 300, panelShown: false }, bounds.foldedPx + FOLD_SNAP_PX, bounds)).toEqual({ heightPx: bounds.foldedPx + MIN_PANEL_PX, panelShown: true });
  });

  it('in a window too short for both minimums, the panels still get their smallest height', () => {
    const cramped = { foldedPx: 90, totalPx: 250 };
    expect(resizeDock(DEFAULT_DOCK_LAYOUT, 400, cramped)).toEqual({ heightPx: 90 + MIN_PANEL_PX, panelShown: true });
  });
});
