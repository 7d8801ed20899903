import { EngineSupervisor } from '../../shared/sim/session/supervisor';
import type { DebugAction } from '../../shared/sim/session/debugCommand';
import type { EngineConnection } from '../engine/engineConnection';
import { WEB_ENGINE_DEBUG_NAME, WEB_ENGINE_NAME } from './webEngineWorkerName';

export interface WebEngineConnection extends EngineConnection {
  /** Tests only: makes the worker crash or hang (ignored unless created with allowDebugCommands). */
  debug(action: DebugAction): void;
}

/**
 * The web edition's engine: the shared session in a Web Worker, kept alive by the same supervisor
 * the desktop app runs in main (crash and hang detection, reload, stop after repeated crashes).
 * An uncaught error does not end a Web Worker, so one counts as a crash and the worker is replaced.
 */
export function connectWebEngine(options: { allowDebugCommands?: boolean } = {}): WebEngineConnection {
  const listeners = new Set<(data: unknown) => void>();
  const supervisor = new EngineSupervisor({
    spawn: (events) => {
      const worker = new Worker(new URL('./engineWorker.web.ts', import.meta.url), {
        type: 'module',
        name: options.allowDebugCommands ? WEB_ENGINE_DEBUG_NAME : WEB_ENGINE_NAME,
      });
      worker.addEventListener('message', (event) => events.message(event.data));
      worker.addEventListener('messageerror', () => events.exit('a message could not be read'));
      worker.addEventListener('error', (event) => {
        event.preventDefault();
        events.exit(event.message || 'the worker failed to start');
      });
      return { post: (data) => worker.postMessage(data), terminate: () => worker.terminate() };
    },
    deliver: (message) => {
      for (const listener of listeners) listener(message);
    },
    timers: {
      now: () => performance.now(),
      every: (task, intervalMs) => {
        const handle = setInterval(task, intervalMs);
        return () => clearInterval(handle);
      },
    },
  });
  // Nothing is delivered before the worker's first message (a later task), so a client that
  // subscribes right after connecting misses nothing.
  supervisor.start();
  return {
    post: (command) => supervisor.send(command),
    onMessage: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close: () => supervisor.dispose(),
    debug: (action) => supervisor.sendDebug(action),
  };
}
