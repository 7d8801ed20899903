import { describe, expect, it } from 'vitest';
import { Pacer, type PacedRun } from '../../../shared/sim/session/pacer';
import { ManualClock, ManualScheduler } from './harness';

/** A stand-in simulation: time moves where it is told; each advance costs `costMs` of real time. */
class FakeRun implements PacedRun {
  simNowMs = 0;
  frames: { simMs: number; realMs: number; achieved: number }[] = [];
  advances = 0;
  stopAtMs = Number.POSITIVE_INFINITY;
  stops = 0;
  constructor(
    private readonly clock: ManualClock,
    private readonly costPerSimMs = 0,
  ) {}
  advance(targetMs: number): boolean {
    this.advances++;
    const to = Math.min(targetMs, this.stopAtMs);
    this.clock.time += (to - this.simNowMs) * this.costPerSimMs;
    this.simNowMs = to;
    return to < this.stopAtMs;
  }
  frame(achieved: number): void {
    this.frames.push({ simMs: this.simNowMs, realMs: this.clock.time, achieved });
  }
  stopped(): void {
    this.stops++;
  }
}

function setUp(costPerSimMs = 0) {
  const clock = new ManualClock(0);
  const scheduler = new ManualScheduler(clock);
  const run = new FakeRun(clock, costPerSimMs);
  const pacer = new Pacer(run, clock, scheduler.schedule);
  return { clock, scheduler, run, pacer };
}

function runFor(s: ReturnType<typeof setUp>, realMs: number): void {
  const end = s.clock.time + realMs;
  while (s.clock.time < end && s.scheduler.runNext());
}

describe('Pacer', () => {
  it('slow motion: 1 simulated second takes 100 real seconds, at display rate', () => {
    const s = setUp();
    s.pacer.setSpeed(0.01);
    s.pacer.play();
    runFor(s, 100_000);
    expect(s.run.simNowMs).toBeCloseTo(1_000, 0);
    // 60 frames a real second; the ManualScheduler runs each turn exactly when due.
    expect(s.run.frames.length).toBeGreaterThanOrEqual(5_990);
    expect(s.run.frames.length).toBeLessThanOrEqual(6_001);
    expect(s.run.frames.at(-1)!.achieved).toBeCloseTo(0.01, 6);
  });

  it('1×: simulated time follows real time; changing speed takes effect from then on', () => {
    const s = setUp();
    s.pacer.play();
    runFor(s, 2_000);
    expect(s.run.simNowMs).toBeCloseTo(s.clock.time, 6);
    const [changedAtReal, changedAtSim] = [s.clock.time, s.run.simNowMs];
    s.pacer.setSpeed(5);
    runFor(s, 1_000);
    expect(s.run.simNowMs).toBeCloseTo(changedAtSim + 5 * (s.clock.time - changedAtReal), 6);
  });

  it('as fast as possible: bounded slices, yielding to the message loop between them', () => {
    const s = setUp(0.001); // 1 real ms per simulated second
    s.pacer.setSpeed('max');
    s.pacer.play();
    let otherTasks = 0;
    const other = () => {
      otherTasks++;
      if (otherTasks < 50) s.scheduler.schedule(other, 0);
    };
    s.scheduler.schedule(other, 0);
    runFor(s, 1_000);
    expect(otherTasks).toBe(50); // a message queued meanwhile is never starved
    expect(s.run.simNowMs).toBeGreaterThan(500_000); // ~1000 real ms of work at 1 ms per simulated s, minus chunk ramp-up
    const gaps = s.run.frames.slice(1).map((f, i) => f.realMs - s.run.frames[i].realMs);
    expect(Math.max(...gaps)).toBeLessThan(1000 / 60 + 11); // a frame per display interval, give or take one slice
  });

  it('falls behind gracefully when the simulation cannot keep up, and reports the speed achieved', () => {
    const s = setUp(2); // 2 real ms per simulated ms: at most 0.5× possible
    s.pacer.play();
    runFor(s, 3_000);
    const last = s.run.frames.at(-1)!;
    expect(last.achieved).toBeGreaterThan(0.3);
    expect(last.achieved).toBeLessThan(0.55);
    // No backlog: asked for 1×, it does not try to catch up the lost time in a burst.
    expect(s.run.simNowMs).toBeLessThan(1_700);
  });

  it('stops where the run says to, with a last frame, and pause stops turns', () => {
    const s = setUp();
    s.run.stopAtMs = 1_500;
    s.pacer.play();
    runFor(s, 5_000);
    expect(s.pacer.playing).toBe(false);
    expect(s.run.stops).toBe(1);
    expect(s.run.frames.at(-1)!.simMs).toBe(1_500);
    s.run.stopAtMs = Number.POSITIVE_INFINITY;
    s.pacer.play();
    runFor(s, 100);
    s.pacer.pause();
    const at = s.run.simNowMs;
    expect(s.scheduler.pending).toBe(0);
    runFor(s, 1_000);
    expect(s.run.simNowMs).toBe(at);
  });
});
