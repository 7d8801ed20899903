import { describe, expect, it } from 'vitest';
import type { QueueModel } from '../../../../../shared/sim/nodes/queue';
import { Simulation } from '../../../../../shared/sim/simulation';
import { loadDataFixture, runDataFixture } from './loadFixture';

function queueOf(sim: { world: { nodeIds: readonly string[]; models: unknown[] } }, id = 'jobs'): QueueModel {
  return sim.world.models[sim.world.nodeIds.indexOf(id)] as QueueModel;
}

describe('queue + worker: at-least-once', () => {
  // jobs.faultline: 200 jobs/s, 16 workers × exp(20 ms) (capacity 800/s), 30 % of runs fail,
  // visibility 500 ms, maxReceives 3.
  const { sim, report } = runDataFixture('jobs');
  const jobs = report.nodes.jobs;

  it('failed runs are redelivered; a job is dead-lettered after 3 failed receives (share 0.3³)', () => {
    const resolved = jobs.completed + jobs.errors; // acknowledged or dead-lettered by the end
    // Dead letters: Binomial(≈5700, 0.027): SD ≈ 12 (≈ 8 %); ±25 %.
    expect(jobs.errors).toBeGreaterThan(resolved * 0.027 * 0.75);
    expect(jobs.errors).toBeLessThan(resolved * 0.027 * 1.25);
    // Every resolved job was received 1 + (failed receives) times: 1/(1−0.3) minus the cut at 3.
    const expectedRuns = resolved * (1 + 0.3 + 0.09);
    expect(report.nodes.worker.arrivals).toBeGreaterThan(expectedRuns * 0.95);
    expect(report.nodes.worker.arrivals).toBeLessThan(expectedRuns * 1.05 + 200);
    expect(queueOf(sim).redeliveries).toBeGreaterThan(0);
  });

  it('only acknowledged jobs write to the database (one write per completion)', () => {
    // Equal up to the jobs still between their db write and their ack when the run stops: at most
    // one per worker slot (16). Failed runs never reach the db.
    const worker = report.nodes.worker;
    expect(report.nodes.db.arrivals - worker.completed).toBeGreaterThanOrEqual(0);
    expect(report.nodes.db.arrivals - worker.completed).toBeLessThanOrEqual(16);
    expect(worker.completed - jobs.completed).toBeGreaterThanOrEqual(0);
    expect(worker.completed - jobs.completed).toBeLessThanOrEqual(16);
    expect(worker.errors).toBeGreaterThan(worker.arrivals * 0.3 * 0.9);
  });

  it('a visibility timeout shorter than some jobs makes them run twice (duplicates)', () => {
    // exp(150 ms) service vs 500 ms visibility: P(run > 500 ms) = e^(−10/3) ≈ 3.6 %.
    const slow = runDataFixture('jobs', { worker: { failureRate: 0, workers: 64, serviceMs: { dist: 'exp', mean: 150 } } }).report;
    const duplicates = slow.nodes.worker.completed - slow.nodes.jobs.completed;
    expect(duplicates).toBeGreaterThan(slow.nodes.jobs.arrivals * 0.036 * 0.6);
    expect(duplicates).toBeLessThan(slow.nodes.jobs.arrivals * 0.036 * 1.4);
  });
});

describe('queue crash: durable vs not', () => {
  // durable.faultline: 50 jobs/s in, 10/s out; the queue crashes at 10 s (≈ 400 jobs held), back at 11 s.
  const durable = runDataFixture('durable');
  const volatile = runDataFixture('durable', { jobs: { durable: false } });

  it('a durable queue still holds its backlog after the restart; a non-durable one starts from empty', () => {
    expect(durable.report.checks[0].pass).toBe(true);
    expect(durable.report.checks[0].actual!).toBeGreaterThan(400);
    expect(volatile.report.checks[0].pass).toBe(false);
    expect(volatile.report.checks[0].actual!).toBeLessThan(100); // ≈ 40/s refill after 11 s
    expect(queueOf(durable.sim).lostOnCrash).toBe(0);
    // What the non-durable queue lost is what it held: ≈ 40/s × 10 s.
    expect(queueOf(volatile.sim).lostOnCrash).toBeGreaterThan(320);
    expect(queueOf(volatile.sim).lostOnCrash).toBeLessThan(480);
    expect(queueOf(volatile.sim).lostOnCrash).toBe(volatile.report.nodes.jobs.maxQueue);
  });

  it('the messages a non-durable queue lost are its errors in the report, and its books balance', () => {
    // Nothing is dead-lettered here (the worker never fails), so errors are the crash's losses.
    expect(durable.report.nodes.jobs.errors).toBe(0);
    expect(volatile.report.nodes.jobs.errors).toBe(queueOf(volatile.sim).lostOnCrash);
    for (const { sim, report } of [durable, volatile]) {
      const jobs = report.nodes.jobs;
      // Every publish is refused, acknowledged by a worker, never processed, or still held.
      expect(jobs.arrivals).toBe(jobs.completed + jobs.errors + jobs.rejected + queueOf(sim).depth);
    }
  });
});

describe('queue consumers: a crashed worker, a job longer than its visibility timeout', () => {
  // consumers.faultline: 20 jobs/s (constant), two workers × 4 slots × 10 ms, visibility 1 s,
  // maxReceives 3; w1 crashes at 5 s and stays down.
  it('nothing is delivered to a crashed worker: w2 does the work, nothing is dead-lettered', () => {
    const { report } = runDataFixture('consumers');
    const { q, w1, w2 } = report.nodes;
    expect(q.errors).toBe(0); // was 32: deliveries to the dead w1 timed out until dead-lettered
    expect(q.completed).toBe(q.arrivals);
    expect(w1.arrivals).toBeLessThanOrEqual(51); // only before 5 s (half of 5 s × 20/s)
    expect(w2.completed).toBe(q.arrivals - w1.completed);
  });

  it('a job the worker held when it crashed comes back after the visibility timeout and goes to the live worker', () => {
    // 150 ms jobs: w1 has one running at 5 s.
    const { sim, report } = runDataFixture('consumers', { w1: { serviceMs: 150 }, w2: { serviceMs: 150 } });
    const { q, w1, w2 } = report.nodes;
    expect(w1.arrivals - w1.completed).toBe(1);
    expect(q.errors).toBe(0);
    expect(queueOf(sim, 'q').redeliveries).toBe(1);
    expect(w2.arrivals).toBe(q.arrivals - w1.completed);
    // Everything published is acknowledged, up to the jobs running when the run stops (≤ 4 slots).
    expect(q.arrivals - q.completed).toBeLessThanOrEqual(4);
  });

  it('a job longer than the visibility timeout keeps its worker slot; its late ok still acknowledges it', () => {
    // w1 alone, 1 slot, 10 ms jobs, visibility 5 ms: each job outlives its visibility timeout. It
    // was: the slot came back at the timeout, the worker piled up redeliveries (3000 runs of 600
    // jobs) and the queue acknowledged none (every answer "too late") and dead-lettered all 600.
    const doc = loadDataFixture('consumers', { q: { visibilityTimeoutMs: 5, maxReceives: 5 }, w1: { workers: 1 } });
    delete doc.nodes.w2;
    delete doc.links['q-w2'];
    doc.scenario = [];
    const sim = new Simulation(doc);
    const { q, w1 } = sim.finish().nodes;
    expect(w1.maxQueue).toBe(0); // never more jobs than slots: no local backlog
    expect(q.errors).toBe(0);
    expect(q.completed).toBe(q.arrivals);
    // Each job ran once: made visible again, it waits for the only slot, and the late ack deletes it first.
    expect(w1.completed).toBe(q.completed);
    expect(queueOf(sim, 'q').redeliveries).toBe(0);
  });

  it('with a second worker free, a job past its visibility timeout runs again there; the first ok acknowledges it', () => {
    const { sim, report } = runDataFixture('consumers', { q: { visibilityTimeoutMs: 5, maxReceives: 5 }, w1: { workers: 1 }, w2: { workers: 1 } });
    const { q, w1, w2 } = report.nodes;
    expect(w1.maxQueue).toBe(0);
    expect(w2.maxQueue).toBe(0);
    expect(q.errors).toBe(0);
    expect(q.completed).toBe(q.arrivals);
    const duplicates = w1.completed + w2.completed - q.completed;
    expect(duplicates).toBeGreaterThan(0);
    expect(duplicates).toBe(queueOf(sim, 'q').redeliveries);
  });
});
