import { Session } from './session';
import type { EngineMessage } from './protocol';
import type { RealClock, ScheduleTask } from './pacer';
import { DEBUG_COMMAND, type DebugAction } from './debugCommand';

/** Test-only commands a host may accept (never on by default): make the worker crash or hang. */
export { DEBUG_COMMAND, type DebugAction } from './debugCommand';

/** How often a worker says it is alive. The supervisor gives up after several missed beats. */
export const HEARTBEAT_INTERVAL_MS = 500;

/** The few things a worker environment provides; each host adapter fills these in. */
export interface WorkerEnvironment {
  post(message: EngineMessage, transfer: ArrayBuffer[]): void;
  onMessage(listener: (data: unknown) => void): void;
  clock: RealClock;
  schedule: ScheduleTask;
  every(task: () => void, intervalMs: number): void;
  /** Handles `{ type: 'debug', action }` (tests only); absent: such messages are ordinary bad input. */
  debug?: (action: DebugAction) => void;
}

function debugAction(data: unknown): DebugAction | null {
  if (typeof data !== 'object' || data === null) return null;
  const { type, action } = data as { type?: unknown; action?: unknown };
  return type === DEBUG_COMMAND && (action === 'crash' || action === 'hang') ? action : null;
}

/**
 * The body of every engine worker (worker_thread or Web Worker): one Session, messages in, frames
 * out, and a heartbeat from a timer — a session stuck in a loop starves the timer, which is how the
 * supervisor tells a hang from a long computation that still yields.
 */
export function runEngineWorker(environment: WorkerEnvironment): Session {
  const session = new Session({ post: environment.post, clock: environment.clock, schedule: environment.schedule });
  environment.onMessage((data) => {
    const action = environment.debug ? debugAction(data) : null;
    if (action !== null) environment.debug!(action);
    else session.handle(data);
  });
  const beat = () => environment.post({ type: 'heartbeat' }, []);
  beat();
  environment.every(beat, HEARTBEAT_INTERVAL_MS);
  return session;
}
