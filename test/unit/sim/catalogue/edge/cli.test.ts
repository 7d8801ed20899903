import { describe, expect, it } from 'vitest';
import type { Report } from '../../../../../shared/sim/report';
import { cliReport, simFixturePath } from '../../helpers/cliReport';

/** Runs an edge fixture through `faultline run --json` in-process; returns the exit code and report. */
async function cliRun(name: string): Promise<{ code: number; report: Report }> {
  const { exit, report } = await cliReport(simFixturePath(`edge/${name}.faultline`));
  return { code: exit, report };
}

describe('edge fixtures through the CLI', () => {
  it('every fixture runs, passes its checks (exit 0) and balances its books', async () => {
    for (const name of ['dns-ttl', 'cdn', 'proxy', 'lb-ha']) {
      const { code, report } = await cliRun(name);
      expect(code, name).toBe(0);
      expect(report.checks.length, name).toBeGreaterThan(0);
      const { total, ok, error, timeout, rejected, dropped } = report.requests;
      expect(ok + error + timeout + rejected + dropped, name).toBe(total);
    }
  });

  it('is deterministic: the same fixture gives the same report, byte for byte', async () => {
    for (const name of ['dns-ttl', 'cdn', 'proxy', 'lb-ha']) {
      const first = await cliRun(name);
      const second = await cliRun(name);
      expect(JSON.stringify(second.report), name).toBe(JSON.stringify(first.report));
    }
  });

  it('the report carries the cache fields of a CDN and a caching proxy (DESIGN §5)', async () => {
    const { report } = await cliRun('cdn');
    const edge = report.nodes.edge;
    expect(edge.kind).toBe('cdn');
    expect(edge.hitRatio).toBeCloseTo(edge.hits! / (edge.hits! + edge.misses!), 4); // the JSON keeps 5 digits
    expect(edge.keys).toBeGreaterThan(0);
    const proxy = (await cliRun('proxy')).report.nodes.proxy;
    expect(proxy.hitRatio).toBeCloseTo(proxy.hits! / (proxy.hits! + proxy.misses!), 4);
    expect(proxy.keys).toBeLessThanOrEqual(500);
    expect(proxy.rejected).toBeGreaterThan(0);
  });

  it('cut-on-the-wire: the messages on a 75 ms link when it is cut are dropped (exit 0: its checks pass)', async () => {
    const { code, report } = await cliRun('cut-on-the-wire');
    // 8 requests and 7 answers on the wire at the cut, 5 requests sent during it.
    expect(report.requests.dropped).toBe(20);
    expect(report.requests.ok).toBe(report.requests.total - 20);
    expect(report.timeline.map((row) => row.failed)).toEqual([0, 14, 6, 0]);
    expect(report.nodes.app.arrivals).toBe(report.requests.total - 13);
    expect(report.checks.map((check) => [check.id, check.actual, check.pass])).toEqual([
      ['lost', 0.9, true],
      ['only-those', 0.9, true],
      ['after', 1, true],
    ]);
    expect(code).toBe(0);
  });
});
