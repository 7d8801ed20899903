import type { Speed } from './protocol';

/** Real time in milliseconds (monotonic). Injected so tests drive time by hand. */
export interface RealClock {
  now(): number;
}

/** Runs `task` after `delayMs` real ms (0 = as soon as pending messages are handled); returns a cancel. */
export type ScheduleTask = (task: () => void, delayMs: number) => () => void;

/** What the pacer drives: a simulation that can be advanced and shown. */
export interface PacedRun {
  readonly simNowMs: number;
  /** Simulates towards `targetMs`; false when playing must stop there (end of run, a scenario pause). */
  advance(targetMs: number): boolean;
  /** Shows the current state; `achievedSpeed` is simulated ms per real ms since the last frame. */
  frame(achievedSpeed: number): void;
  /** Playing stopped by itself (advance returned false). */
  stopped(): void;
}

export interface PacerOptions {
  /** Real ms between frames (display rate). */
  frameIntervalMs?: number;
  /** Real ms of simulation per turn before yielding to the message loop. */
  sliceBudgetMs?: number;
}

const DEFAULT_FRAME_INTERVAL_MS = 1000 / 60;
const DEFAULT_SLICE_BUDGET_MS = 10;

/**
 * Real time × speed (DESIGN §3 visual time): from slow motion (0.01: 1 simulated second per 100
 * real seconds) through 1× to 'max'. Each turn simulates in small chunks, checking the clock
 * between them, and gives the message loop back after a slice budget, so commands and heartbeats
 * always get through; frames go out at the display rate whatever the speed. When the simulation
 * cannot keep up with the requested speed the anchor moves (it falls behind gracefully instead of
 * trying to catch up a backlog), and the frame reports the speed actually achieved.
 */
export class Pacer {
  private speedValue: Speed = 1;
  private playingValue = false;
  private cancelTurn: (() => void) | null = null;
  private anchorReal = 0;
  private anchorSim = 0;
  private lastFrameReal = 0;
  private lastFrameSim = 0;
  /** Simulated ms per clock check; adapts so a check happens about every millisecond of work. */
  private chunkMs = 1;
  private readonly frameIntervalMs: number;
  private readonly sliceBudgetMs: number;

  constructor(
    private readonly run: PacedRun,
    private readonly clock: RealClock,
    private readonly schedule: ScheduleTask,
    options: PacerOptions = {},
  ) {
    this.frameIntervalMs = options.frameIntervalMs ?? DEFAULT_FRAME_INTERVAL_MS;
    this.sliceBudgetMs = options.sliceBudgetMs ?? DEFAULT_SLICE_BUDGET_MS;
  }

  get playing(): boolean {
    return this.playingValue;
  }

  get speed(): Speed {
    return this.speedValue;
  }

  play(): void {
    if (this.playingValue) return;
    this.playingValue = true;
    this.resync();
    this.queueTurn(0);
  }

  pause(): void {
    this.playingValue = false;
    this.cancelTurn?.();
    this.cancelTurn = null;
  }

  setSpeed(speed: Speed): void {
    this.speedValue = speed;
    this.resync();
  }

  /** The simulated time jumped (seek, step, edit) or speed changed: measure from here. */
  resync(): void {
    const now = this.clock.now();
    this.anchorReal = now;
    this.anchorSim = this.run.simNowMs;
    this.lastFrameReal = now;
    this.lastFrameSim = this.anchorSim;
  }

  private queueTurn(delayMs: number): void {
    this.cancelTurn = this.schedule(() => this.turn(), delayMs);
  }

  private turn(): void {
    this.cancelTurn = null;
    if (!this.playingValue) return;
    const start = this.clock.now();
    const target = this.speedValue === 'max' ? Number.POSITIVE_INFINITY : this.anchorSim + (start - this.anchorReal) * this.speedValue;
    let keepGoing = true;
    let behind = false;
    let now = start;
    while (this.run.simNowMs < target) {
      const chunkStart = now;
      keepGoing = this.run.advance(Math.min(target, this.run.simNowMs + this.chunkMs));
      now = this.clock.now();
      const took = now - chunkStart;
      if (took < 0.5) this.chunkMs = Math.min(this.chunkMs * 2, 60_000);
      else if (took > 2) this.chunkMs = Math.max(this.chunkMs / 2, 0.001);
      if (!keepGoing) break;
      if (now - start >= this.sliceBudgetMs) {
        // Behind the requested speed: drop the backlog beyond one frame's worth rather than chase it
        // (so the engine runs flat out at the speed it can manage, and catches up no bursts later).
        if (this.speedValue !== 'max' && this.run.simNowMs < target) {
          this.anchorReal = now - this.frameIntervalMs;
          this.anchorSim = this.run.simNowMs;
          behind = true;
        }
        break;
      }
    }
    if (!keepGoing) {
      this.playingValue = false;
      this.emitFrame(now);
      this.run.stopped();
      return;
    }
    if (now - this.lastFrameReal >= this.frameIntervalMs - 0.5) this.emitFrame(now);
    // Behind or as fast as possible: carry on as soon as pending messages are handled.
    const waitMs = this.speedValue === 'max' || behind ? 0 : Math.max(0, this.lastFrameReal + this.frameIntervalMs - this.clock.now());
    this.queueTurn(waitMs);
  }

  private emitFrame(now: number): void {
    const elapsed = now - this.lastFrameReal;
    const achieved = elapsed > 0 ? (this.run.simNowMs - this.lastFrameSim) / elapsed : 0;
    this.lastFrameReal = now;
    this.lastFrameSim = this.run.simNowMs;
    this.run.frame(Math.max(0, achieved));
  }
}
