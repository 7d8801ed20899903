import { useSyncExternalStore } from 'react';

/**
 * The theme the page shows now (`data-theme` on <html>, set by app/useTheme.ts), for what draws
 * with colours read from CSS once (a chart's axes and grid) and must draw again when it changes.
 * Read from the page rather than passed down: the attribute is set in an effect, after the
 * children's effects have run, so a prop would change before the CSS variables do.
 */
export function usePageTheme(): string {
  return useSyncExternalStore(subscribe, snapshot);
}

function snapshot(): string {
  return document.documentElement.dataset.theme ?? '';
}

function subscribe(onChange: () => void): () => void {
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  return () => observer.disconnect();
}
