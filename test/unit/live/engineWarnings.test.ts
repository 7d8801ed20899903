import { readFileSync } from 'node:fs';
import { produce } from 'immer';
import { describe, expect, it } from 'vitest';
import { loadDocument } from '../../../shared/model/load';
import { saveDocument } from '../../../shared/model/save';
import type { FaultlineDocument } from '../../../shared/model/types';
import { parseEngineMessage } from '../../../shared/sim/session/protocol';
import { Simulation } from '../../../shared/sim/simulation';
import { nodeList, node, warning, warningText } from '../../../shared/sim/warnings';
import { LiveModel, problemText } from '../../../renderer/live/liveModel';
import { nodeNamer } from '../../../renderer/live/nodeNames';
import { createHarness } from '../session/harness';

/**
 * The default sandbox with wiring the engine warns about: app1 ("App A") linked only to a replica,
 * a layer-4 balancer asked for sticky sessions, and a primary that crashes with two replicas not
 * linked to each other.
 */
function warnedAbout(): FaultlineDocument {
  const loaded = loadDocument(readFileSync(new URL('../../../shared/examples/classic-web-stack.faultline', import.meta.url), 'utf8'));
  if (!loaded.ok) throw new Error('the default sandbox does not load');
  return produce(loaded.document, (draft) => {
    draft.nodes.app1.name = 'App A';
    draft.links['app1-db'].to = 'db-replica1';
    draft.nodes.lb.config = { layer: 4, sticky: true };
    draft.scenario.push({ atS: 30, action: 'crash', target: 'db-primary' });
  });
}

const LINKED_ONLY = ': linked only to replicas; its writes have no primary to go to (link the primary too)';

describe('engine warnings', () => {
  it('keep nodes as references: the CLI words them by id, exactly as before', () => {
    const sim = new Simulation(warnedAbout());
    expect(sim.warnings).toEqual(expect.arrayContaining([
      'lb: sticky sessions need layer 7 (a layer-4 balancer never sees the cookie); ignored',
      `app1${LINKED_ONLY}`,
      'db-replica1: if it is promoted, db-replica2 gets no writes from it (no replication link db-replica1 → db-replica2); draw replication links between the replicas too',
    ]));
    expect(sim.warningParts).toContainEqual([{ node: 'app1' }, LINKED_ONLY]);
    expect(sim.warnings).toEqual(sim.warningParts.map((parts) => warningText(parts)));
  });

  it('build from templates with node references and lists, text runs merged', () => {
    expect(warning`${node('a')}: ${2} links to ${nodeList(['b', 'c'])} and ${'more'}`).toEqual([{ node: 'a' }, ': 2 links to ', { node: 'b' }, ', ', { node: 'c' }, ' and more']);
    expect(warningText(warning`${node('a')} → ${node('b')}`, (id) => id.toUpperCase())).toBe('A → B');
  });

  it('reach the live view through the engine protocol and read there with the nodes’ names', () => {
    const doc = warnedAbout();
    const h = createHarness();
    h.session.handle({ type: 'load', documentText: saveDocument(doc) });
    const [loaded] = h.ofType('loaded');
    // What crosses the port is validated on receipt: the parts survive it.
    const parsed = parseEngineMessage(JSON.parse(JSON.stringify(loaded)));
    if (!parsed.ok || parsed.value.type !== 'loaded') throw new Error(`not a loaded message: ${JSON.stringify(parsed)}`);
    const model = new LiveModel();
    model.applyEvent(parsed.value);
    const text = problemText(model.warnings, nodeNamer(doc.nodes, doc.links));
    expect(text).toContain('Load balancer: sticky sessions need layer 7');
    expect(text).toContain(`App A${LINKED_ONLY}`);
    expect(text).toContain('Replica 1: if it is promoted, Replica 2 gets no writes from it (no replication link Replica 1 → Replica 2)');
    expect(text).not.toMatch(/\bapp1\b|db-replica/);
    // Without a namer (no document at hand) they read by id, as the CLI has them.
    expect(problemText(model.warnings)).toContain(`app1${LINKED_ONLY}`);
  });

  it('a refused command reads as what did not happen, then the engine\'s reason as it said it', () => {
    const model = new LiveModel();
    model.applyEvent({ type: 'rejected', command: 'inject', message: 'no node “x”', problems: [] });
    expect(problemText(model.problem!, nodeNamer({}))).toBe('Could not inject the fault: no node “x”');
    // A command the engine did not know (a malformed message) is named as it came.
    model.applyEvent({ type: 'rejected', command: 'launch', message: 'malformed command: type', problems: [] });
    expect(problemText(model.problem!, nodeNamer({}))).toBe('Could not run the command “launch”: malformed command: type');
  });
});
