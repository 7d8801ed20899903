import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { EngineMessage, Frame } from '../../../shared/sim/session/protocol';
import { Session } from '../../../shared/sim/session/session';

export const exampleText = readFileSync(fileURLToPath(new URL('../../../shared/examples/classic-web-stack.faultline', import.meta.url)), 'utf8');

/**
 * Real time under the test's control: each reading moves it on by `costMs`, standing in for the
 * time the simulation work between two readings takes.
 */
export class ManualClock {
  time = 0;
  constructor(public costMs = 0) {}
  now(): number {
    this.time += this.costMs;
    return this.time;
  }
}

/** A task queue in place of setTimeout: tasks run when the test says so, in due-time order. */
export class ManualScheduler {
  private tasks: { due: number; order: number; task: () => void }[] = [];
  private order = 0;
  constructor(private readonly clock: ManualClock) {}
  schedule = (task: () => void, delayMs: number): (() => void) => {
    const entry = { due: this.clock.time + delayMs, order: this.order++, task };
    this.tasks.push(entry);
    return () => {
      this.tasks = this.tasks.filter((candidate) => candidate !== entry);
    };
  };
  get pending(): number {
    return this.tasks.length;
  }
  /** Runs the next task, first moving the clock to its due time. */
  runNext(): boolean {
    if (this.tasks.length === 0) return false;
    this.tasks.sort((a, b) => a.due - b.due || a.order - b.order);
    const next = this.tasks.shift()!;
    if (next.due > this.clock.time) this.clock.time = next.due;
    next.task();
    return true;
  }
  /** Runs tasks until none is left or `limit` ran. */
  drain(limit = 100_000): number {
    let ran = 0;
    while (ran < limit && this.runNext()) ran++;
    return ran;
  }
}

/** A Session wired to a manual clock and scheduler, recording everything it posts. */
export function createHarness(costMs = 0.05) {
  const clock = new ManualClock(costMs);
  const scheduler = new ManualScheduler(clock);
  const messages: EngineMessage[] = [];
  const transfers: ArrayBuffer[][] = [];
  const session = new Session({
    clock,
    schedule: scheduler.schedule,
    post: (message, transfer) => {
      messages.push(message);
      transfers.push(transfer);
    },
  });
  const frames = () => messages.filter((message): message is Frame => message.type === 'frame');
  const lastFrame = () => frames().at(-1)!;
  const ofType = <T extends EngineMessage['type']>(type: T) => messages.filter((message): message is Extract<EngineMessage, { type: T }> => message.type === type);
  return { clock, scheduler, session, messages, transfers, frames, lastFrame, ofType };
}
