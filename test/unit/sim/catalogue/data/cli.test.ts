import { describe, expect, it } from 'vitest';
import { faultlineRun } from './loadFixture';

describe('data fixtures through the CLI (JSON report, exit code from the checks)', () => {
  it('failover: the async file loses writes, so its "lostWrites <= 0" check fails (exit 1)', async () => {
    const { exit, report } = await faultlineRun('failover');
    expect(exit).toBe(1);
    expect(report.consistency.lostWrites).toBeGreaterThan(400);
    expect(Object.keys(report.consistency)).toEqual(['reads', 'staleReads', 'writes', 'lostWrites', 'sessionsLost']);
    expect(report.nodes.r1.keys).toBeGreaterThan(0);
  });

  it('publish: the queue never holds more than its capacity (exit 0) and refused publishes are 503s', async () => {
    const { exit, report } = await faultlineRun('publish');
    expect(exit).toBe(0);
    expect(report.nodes.jobs.maxQueue).toBe(50);
    expect(report.requests.rejected).toBeGreaterThan(1500);
  });

  it('shards: the router reports keysMoved, every db its keys', async () => {
    const { report } = await faultlineRun('shards');
    expect(report.nodes.router.keysMoved).toBeGreaterThan(0);
    for (const id of ['s0', 's1', 's2', 's3', 's4']) expect(report.nodes[id].keys).toBeGreaterThan(0);
  });

  it('sessions and replication: the consistency counts reach the checks', async () => {
    const sessions = await faultlineRun('sessions');
    expect(sessions.exit).toBe(1);
    expect(sessions.report.checks[0].actual).toBe(sessions.report.consistency.sessionsLost);
    const replication = await faultlineRun('replication');
    expect(replication.report.checks[0].actual).toBe(replication.report.consistency.staleReads);
  });
});
