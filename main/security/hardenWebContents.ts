import type { WebContents } from 'electron';
import type { Logger } from '../log';
import { externalUrlToOpen, isAllowedNavigation } from './navigation';

export interface HardeningOptions {
  allowedOrigins: readonly string[];
  /** `shell.openExternal`; only ever called with https URLs. */
  openExternal: (url: string) => Promise<void>;
  log: Logger;
}

type HardenableContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;

/**
 * Locks down one webContents (main.ts calls this from `web-contents-created`, so it covers every
 * window, devtools aside). Decisions live in navigation.ts; this only wires them to events.
 */
export function hardenWebContents(contents: HardenableContents, options: HardeningOptions): void {
  const { allowedOrigins, log } = options;

  contents.on('will-navigate', (event) => {
    if (isAllowedNavigation(event.url, allowedOrigins)) return;
    event.preventDefault();
    log.warn(`blocked navigation to ${event.url}`);
  });

  // A server redirect is a navigation too (only the dev server could answer with one).
  contents.on('will-redirect', (event) => {
    if (isAllowedNavigation(event.url, allowedOrigins)) return;
    event.preventDefault();
    log.warn(`blocked redirect to ${event.url}`);
  });

  // webviewTag is off in our windows; this also refuses it should a window ever turn it on.
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    log.warn('blocked a <webview>');
  });

  contents.setWindowOpenHandler(({ url }) => {
    const external = externalUrlToOpen(url);
    if (external) {
      options.openExternal(external).catch((error: unknown) => log.error(`could not open ${external} in the browser`, error));
    } else {
      log.warn(`blocked a new window for ${url}`);
    }
    return { action: 'deny' };
  });
}
