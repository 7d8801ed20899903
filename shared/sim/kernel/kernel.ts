import { EventQueue, MAX_EVENT_TYPES } from './eventQueue';
import { TraceHash } from './traceHash';

/** Handles one event. `a` and `b` are the integer payloads given when it was scheduled. */
export type EventHandler = (a: number, b: number) => void;

export interface KernelOptions {
  /** Initial event-queue capacity; it doubles as needed. */
  initialCapacity?: number;
  /**
   * Record a fingerprint of the event trace (`fingerprint()`), for regression and determinism
   * tests. Off by default: a run's results never depend on it, and hashing every event costs
   * about 3 % of a busy run.
   */
  trace?: boolean;
}

/**
 * The discrete-event kernel: simulated clock, pending events, dispatch to registered handlers,
 * and (when asked for) a fingerprint of everything processed. Events run in (time, insertion order) order, so
 * ties are first-in first-out and a run is fully determined by what the handlers schedule.
 *
 * There is no cancellation: models cancel lazily (an event carries a generation number in a
 * payload and its handler ignores it if the entity has moved on), which keeps the queue a
 * plain heap with no per-event handles.
 *
 * Time is simulated milliseconds (float64). Scheduling in the past, at a non-finite time, with
 * an unregistered type or with non-int32 payloads throws: each of those is a model bug that
 * would otherwise silently reorder or corrupt the run.
 */
export class Kernel {
  /** Current simulated time in ms: the time of the event being handled, or the last runUntil target. */
  now = 0;
  eventsProcessed = 0;

  private readonly queue: EventQueue;
  private readonly handlers: EventHandler[] = [];
  private readonly handlerNames: string[] = [];
  /** The trace fingerprint, when it is recorded. */
  private readonly trace: TraceHash | null;

  constructor(options: KernelOptions = {}) {
    this.queue = new EventQueue(options.initialCapacity ?? 1024);
    this.trace = options.trace === true ? new TraceHash() : null;
  }

  /** Registers a handler and returns its event type id (0, 1, 2, … in registration order). */
  register(handler: EventHandler, name?: string): number {
    const type = this.handlers.length;
    if (type >= MAX_EVENT_TYPES) throw new RangeError(`cannot register more than ${MAX_EVENT_TYPES} event types`);
    this.handlers.push(handler);
    this.handlerNames.push(name ?? `event${type}`);
    return type;
  }

  /** The name given to `register` for this type (for error messages and event logs). */
  handlerName(type: number): string {
    return this.handlerNames[type] ?? `unregistered event type ${type}`;
  }

  /** Schedules an event `delayMs` (≥ 0) after now. */
  schedule(delayMs: number, type: number, a = 0, b = 0): void {
    this.scheduleAt(this.now + delayMs, type, a, b);
  }

  /** Schedules an event at absolute simulated time `timeMs` (≥ now). */
  scheduleAt(timeMs: number, type: number, a = 0, b = 0): void {
    if (!(timeMs >= this.now && timeMs <= Number.MAX_VALUE)) this.rejectTime(timeMs, type);
    if (!(type >= 0 && type < this.handlers.length) || (type | 0) !== type || (a | 0) !== a || (b | 0) !== b) {
      this.rejectEvent(type, a, b);
    }
    this.queue.push(timeMs, type, a, b);
  }

  /** Processes the earliest pending event. Returns false (and does nothing) when none is pending. */
  step(): boolean {
    if (this.queue.size === 0) return false;
    this.dispatchNext();
    return true;
  }

  /**
   * Processes every event with time ≤ `timeMs`, in order (including ones scheduled meanwhile),
   * then advances the clock to `timeMs`. Moving the clock backwards, or to a non-finite time
   * (after which nothing could be scheduled), throws.
   */
  runUntil(timeMs: number): void {
    if (!(timeMs >= this.now && timeMs <= Number.MAX_VALUE)) {
      throw new RangeError(`Kernel.runUntil(${timeMs}): time must be finite and not before now (${this.now} ms)`);
    }
    const queue = this.queue;
    while (queue.peekTime() <= timeMs) this.dispatchNext();
    this.now = timeMs;
  }

  /** Number of events waiting to be processed. */
  get pending(): number {
    return this.queue.size;
  }

  /** Time of the earliest pending event, or Infinity when none. */
  peekTime(): number {
    return this.queue.peekTime();
  }

  /** 16 hex digits hashing (time, type, a, b) of every event processed so far, in order (needs `trace: true`). */
  fingerprint(): string {
    if (this.trace === null) throw new Error('the event trace is not recorded: create the kernel (or simulation) with { trace: true }');
    return this.trace.hex();
  }

  /** Takes the earliest event off the queue *before* its handler runs, so a throwing handler leaves the kernel consistent. */
  private dispatchNext(): void {
    const queue = this.queue;
    const time = queue.peekTime();
    const type = queue.peekType();
    const a = queue.peekA();
    const b = queue.peekB();
    queue.pop();
    this.now = time;
    this.eventsProcessed++;
    if (this.trace !== null) this.trace.addEvent(time, type, a, b);
    this.handlers[type](a, b);
  }

  private rejectTime(timeMs: number, type: number): never {
    throw new RangeError(
      `cannot schedule ${this.handlerName(type)} at ${timeMs} ms: time must be finite and not before now (${this.now} ms)`,
    );
  }

  private rejectEvent(type: number, a: number, b: number): never {
    if (!(type >= 0 && type < this.handlers.length) || (type | 0) !== type) {
      throw new RangeError(`cannot schedule event type ${type}: not registered (${this.handlers.length} types registered)`);
    }
    throw new RangeError(`cannot schedule ${this.handlerName(type)} with payload (${a}, ${b}): payloads must be 32-bit integers`);
  }
}
