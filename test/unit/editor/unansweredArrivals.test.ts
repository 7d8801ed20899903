import { describe, expect, it } from 'vitest';
import { reportFieldLabel, unansweredArrivals } from '../../../renderer/app/editor/NodeLiveStats';
import { Simulation } from '../../../shared/sim/simulation';
import { lessonDocument } from '../lessons/helpers';

describe("a node's requests with no answer (inspector, Whole run)", () => {
  it('in lesson 1, the load balancer has exactly the requests the crashed app server lost', () => {
    const document = lessonDocument('load-balancing-and-health-checks');
    const report = new Simulation(document).finish();
    const lb = Object.entries(report.nodes).find(([, line]) => line.kind === 'lb');
    expect(lb).toBeDefined();
    // Every user request goes through the one load balancer, and each one that did not end with
    // an answer from it was dropped or timed out on the way to app2.
    const lost = report.requests.dropped + report.requests.timeout;
    expect(lost).toBeGreaterThan(0);
    expect(unansweredArrivals('lb', lb![1] as unknown as Record<string, unknown>)).toBe(lost);
    // The app servers answered everything that reached them.
    for (const [, line] of Object.entries(report.nodes).filter(([, line]) => line.kind === 'app')) {
      expect(unansweredArrivals('app', line as unknown as Record<string, unknown>)).toBeNull();
    }
  });

  it('is nothing for a queue or a client, for a line without the counts, and for none missing', () => {
    const line = { arrivals: 10, completed: 4, errors: 1, rejected: 2 };
    expect(unansweredArrivals('lb', line)).toBe(3);
    expect(unansweredArrivals('queue', line)).toBeNull();
    expect(unansweredArrivals('client', line)).toBeNull();
    expect(unansweredArrivals('lb', { arrivals: 10, completed: 10, errors: 0, rejected: 0 })).toBeNull();
    expect(unansweredArrivals('lb', { arrivals: 10 })).toBeNull();
  });
});

describe("a queue's errors in the inspector", () => {
  const errors = { key: 'errors', label: 'Errors' };
  it('are named as messages never processed (its refused publishes are Rejected), other kinds keep Errors', () => {
    expect(reportFieldLabel('queue', errors).label).toBe('Never processed');
    expect(reportFieldLabel('queue', errors).title).toMatch(/dead-lettered.*lost when the queue crashed/);
    expect(reportFieldLabel('app', errors).label).toBe('Errors');
    expect(reportFieldLabel('queue', { key: 'rejected', label: 'Rejected' }).label).toBe('Rejected');
  });
});
