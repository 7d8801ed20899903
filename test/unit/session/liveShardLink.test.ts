import { describe, expect, it } from 'vitest';
import { saveDocument } from '../../../shared/model';
import { Simulation } from '../../../shared/sim/simulation';
import { loadDataFixture } from '../sim/catalogue/data/loadFixture';
import { createHarness } from './harness';

/*
 * DESIGN §3: "linking a shard during a live run shows the actual count" of keys that move. The
 * shards fixture (an app → a router over shards s0..s4) is loaded without router → s4; at 10 s
 * the edit that links it arrives while the run plays.
 */
const LINK = 'router-s4';

function designs(scheme: string) {
  const withShard = loadDataFixture('shards', { router: { scheme } });
  const { [LINK]: _link, ...links } = withShard.links;
  return { withShard, withoutShard: { ...withShard, links } };
}

/** A session playing the design without s4 to 10 s, where the edit linking it arrives. */
function linkedAt10s(scheme: string) {
  const { withShard, withoutShard } = designs(scheme);
  const h = createHarness();
  h.session.handle({ type: 'load', documentText: saveDocument(withoutShard) });
  h.session.handle({ type: 'seek', timeMs: 10_000 });
  h.scheduler.drain();
  h.session.handle({ type: 'edit', documentText: saveDocument(withShard) });
  h.scheduler.drain();
  return h;
}

/** The router's keysMoved when s4 joins at `timeMs`, straight from the engine. */
function keysMovedJoiningAt(timeMs: number, scheme: string): number {
  const sim = new Simulation(designs(scheme).withShard, { inactiveLinks: [LINK] });
  sim.runUntil(timeMs);
  sim.activateLink(LINK);
  return sim.finish().nodes.router.keysMoved!;
}

describe('a shard linked while the run plays', () => {
  for (const scheme of ['consistent-hash', 'hash']) {
    it(`joins from that moment, not from 0 s, and says how many keys moved (${scheme})`, () => {
      const { withShard } = designs(scheme);
      const h = linkedAt10s(scheme);
      expect(h.ofType('loaded').at(-1)!.linkIds).toContain(LINK);
      expect(h.lastFrame().timeMs).toBe(10_000);
      const moved = keysMovedJoiningAt(10_000, scheme);
      // Not the what-if count for one more shard, which a run with s4 linked from 0 s reports.
      const fromStart = new Simulation(withShard).finish().nodes.router.keysMoved!;
      expect(moved).not.toBe(fromStart);
      expect(h.ofType('notice').at(-1)!.message).toBe(`s4 joined router as a shard at 10.0 s: ${moved.toLocaleString('en-US')} keys moved to it.`);
      // The run goes on with the shard from 10 s: its report is the engine's for that run.
      h.session.handle({ type: 'seek', timeMs: 60_000 });
      h.scheduler.drain();
      const report = h.ofType('finished').at(-1)!.report as { nodes: Record<string, { keysMoved?: number; arrivals: number }> };
      expect(report.nodes.router.keysMoved).toBe(moved);
      expect(report.nodes.s4.arrivals).toBeGreaterThan(0);
    });
  }

  it('seeking back before the link and forward again lands on the same state as playing through it', () => {
    const h = linkedAt10s('consistent-hash');
    h.session.handle({ type: 'seek', timeMs: 20_000 });
    h.scheduler.drain();
    const through = h.lastFrame();
    h.session.handle({ type: 'seek', timeMs: 5_000 });
    h.scheduler.drain();
    h.session.handle({ type: 'seek', timeMs: 20_000 });
    h.scheduler.drain();
    const again = h.lastFrame();
    expect([...again.utilization]).toEqual([...through.utilization]);
    expect([...again.nodeStatus]).toEqual([...through.nodeStatus]);
  });
});
