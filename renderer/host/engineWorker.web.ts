/**
 * The web edition's engine worker: the shared session in a Web Worker. The worker's name says
 * whether the test-only debug commands (crash, hang) are accepted; the app never asks for them.
 */
import '../zodJitless';
import { runEngineWorker } from '../../shared/sim/session/workerRuntime';
import { WEB_ENGINE_DEBUG_NAME } from './webEngineWorkerName';

/** The few members of DedicatedWorkerGlobalScope used here (the renderer is typed against the DOM). */
interface WorkerScope {
  name: string;
  postMessage(message: unknown, transfer: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
}

const scope = self as unknown as WorkerScope;
// "Run soon" as a message to ourselves: a macrotask after pending messages, without the 4 ms clamp
// nested setTimeout(0) gets. One message per scheduled task, taken in order.
const soon = new MessageChannel();
const soonQueue: { task: () => void; cancelled: boolean }[] = [];
soon.port1.onmessage = () => {
  const entry = soonQueue.shift();
  if (entry && !entry.cancelled) entry.task();
};

runEngineWorker({
  post: (message, transfer) => scope.postMessage(message, transfer),
  onMessage: (listener) => scope.addEventListener('message', (event) => listener(event.data)),
  clock: performance,
  schedule: (task, delayMs) => {
    if (delayMs > 0) {
      const handle = setTimeout(task, delayMs);
      return () => clearTimeout(handle);
    }
    const entry = { task, cancelled: false };
    soonQueue.push(entry);
    soon.port2.postMessage(null);
    return () => {
      entry.cancelled = true;
    };
  },
  every: (task, intervalMs) => void setInterval(task, intervalMs),
  debug: scope.name === WEB_ENGINE_DEBUG_NAME
    ? (action) => {
        if (action === 'hang') for (;;);
        setTimeout(() => {
          throw new Error('debug: simulated engine crash');
        });
      }
    : undefined,
});
