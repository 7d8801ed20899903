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
 * The bottom dock's layout, remembered between sessions, and View → Show Run Panel (a toggle,
 * checked while the panels under the tabs show).
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
  return [layout, setLayout];
}
