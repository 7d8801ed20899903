import { describe, expect, it } from 'vitest';
import { saveDocument } from '../../../shared/model';
import { warningText } from '../../../shared/sim/warnings';
import { createHarness } from './harness';
import { makeDocument } from '../sim/helpers/documents';

/**
 * Some engine warnings depend on the scenario (a primary that crashes and comes back, with no
 * replication link back to it from the replica promoted meanwhile). A fault injected from the
 * canvas adds to the scenario, so the warnings are asked again: they stayed as at load, even
 * after Reset, while the CLI warned about the file the live run left behind.
 */
describe('warnings after faults injected live', () => {
  it('a primary crashed and restarted from the fault menu brings the note its saved file gets', () => {
    const document = makeDocument({
      nodes: [
        { id: 'c', kind: 'client' },
        { id: 'app', kind: 'app' },
        { id: 'db', kind: 'db' },
        { id: 'db2', kind: 'db', config: { role: 'replica' } },
      ],
      links: [
        { from: 'c', to: 'app' },
        { from: 'app', to: 'db' },
        { from: 'app', to: 'db2' },
        { from: 'db', to: 'db2', kind: 'replication' },
      ],
    });
    const h = createHarness();
    h.session.handle({ type: 'load', documentText: saveDocument(document) });
    const deposed = (parts: readonly (readonly (string | { node: string })[])[]) => parts.map((part) => warningText(part)).filter((text) => text.includes('comes back from its crash'));
    expect(deposed(h.ofType('loaded')[0].warnings)).toEqual([]);
    h.session.handle({ type: 'step', deltaMs: 1000 });
    h.session.handle({ type: 'inject', event: { action: 'crash', target: 'db' } });
    h.session.handle({ type: 'step', deltaMs: 1000 });
    h.session.handle({ type: 'inject', event: { action: 'restart', target: 'db' } });
    const told = h.ofType('warnings');
    expect(told.length).toBeGreaterThan(0);
    expect(deposed(told.at(-1)!.warnings)).toEqual([expect.stringMatching(/^db2: if it is promoted, db comes back from its crash as a replica/)]);
  });
});
