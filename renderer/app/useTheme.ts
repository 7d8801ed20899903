import { useEffect, useState } from 'react';
import type { ThemeName } from '../canvas/theme';

const STORAGE_KEY = 'faultline.theme';

function initialTheme(): ThemeName {
  try {
    const saved = window.localStorage.getItem(STORAGE_KEY);
    if (saved === 'dark' || saved === 'light') return saved;
  } catch {
    // Storage may be unavailable (private mode): fall back to the system preference.
  }
  return window.matchMedia?.('(prefers-color-scheme: light)').matches ? 'light' : 'dark';
}

/** Light or dark, remembered between sessions, applied to the page as `data-theme`. */
export function useTheme(): [ThemeName, (theme: ThemeName) => void] {
  const [theme, setTheme] = useState<ThemeName>(initialTheme);
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
    try {
      window.localStorage.setItem(STORAGE_KEY, theme);
    } catch {
      // Not remembered; the toggle still works for this session.
    }
  }, [theme]);
  return [theme, setTheme];
}
