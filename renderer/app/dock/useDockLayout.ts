import { useCallback, useEffect, useState } from 'react';
import { useCommandHandler } from '../menu/CommandDispatcherContext';
import { parseDockLayout, type DockLayout } from './dockLayout';

const STORAGE_KEY = 'faultline.dock';

function storedLayout(): DockLayout {
  try {
    return parseDockLayout(window.localStorage.getItem(STORAGE_KEY));
  } catch {
    // Storage may be unavailable (private mode): the default, for this session only.
    return parseDockLayout(null);
  }
}

/**
 * The layout of the panels round the canvas, remembered between sessions, and View → Run Panels,
 * Palette and Inspector (toggles, checked while those panels show).
 */
export function useDockLayout(): [DockLayout, (layout: DockLayout) => void] {
  const [layout, setLayout] = useState<DockLayout>(storedLayout);
  useEffect(() => {
    try {
      window.localStorage.setItem(STORAGE_KEY, JSON.stringify(layout));
    } catch {
      // Not remembered; the dock still resizes for this session.
    }
  }, [layout]);
  const togglePanel = useCallback(() => setLayout((current) => ({ ...current, panelShown: !current.panelShown })), []);
  useCommandHandler('view.togglePanel', togglePanel, undefined, () => layout.panelShown);
  const togglePalette = useCallback(() => setLayout((current) => ({ ...current, paletteShown: !current.paletteShown })), []);
  useCommandHandler('view.togglePalette', togglePalette, undefined, () => layout.paletteShown);
  const toggleInspector = useCallback(() => setLayout((current) => ({ ...current, inspectorShown: !current.inspectorShown })), []);
  useCommandHandler('view.toggleInspector', toggleInspector, undefined, () => layout.inspectorShown);
  return [layout, setLayout];
}
