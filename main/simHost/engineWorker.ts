/**
 * The simulation engine's worker_thread entry (out/main/engineWorker.js): the shared session,
 * wired to this thread's port. Debug commands (crash, hang) exist only when the spawner asks for
 * them — the supervisor's tests do; the app never does.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { runEngineWorker } from '../../shared/sim/session/workerRuntime';
import { applyEngineV8Flags } from './engineV8Flags';

applyEngineV8Flags();

const port = parentPort;
if (port === null) throw new Error('engineWorker.ts must run as a worker_thread');
const allowDebugCommands = (workerData as { allowDebugCommands?: unknown } | null)?.allowDebugCommands === true;

runEngineWorker({
  post: (message, transfer) => port.postMessage(message, transfer),
  onMessage: (listener) => port.on('message', listener),
  clock: performance,
  // setImmediate lets queued messages (pause, seek, heartbeats) in before the next slice.
  schedule: (task, delayMs) => {
    if (delayMs <= 0) {
      const handle = setImmediate(task);
      return () => clearImmediate(handle);
    }
    const handle = setTimeout(task, delayMs);
    return () => clearTimeout(handle);
  },
  every: (task, intervalMs) => void setInterval(task, intervalMs),
  debug: allowDebugCommands
    ? (action) => {
        if (action === 'hang') for (;;);
        setImmediate(() => {
          throw new Error('debug: simulated engine crash');
        });
      }
    : undefined,
});
