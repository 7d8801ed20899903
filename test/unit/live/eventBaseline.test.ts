import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadDocument } from '../../../shared/model/load';
import type { FaultlineDocument, ScenarioEvent } from '../../../shared/model/types';
import { configBeforeSet, linkBeforeDegrade } from '../../../renderer/live/eventBaseline';

function classicStackWith(scenario: ScenarioEvent[]): FaultlineDocument {
  const loaded = loadDocument(readFileSync(new URL('../../../shared/examples/classic-web-stack.faultline', import.meta.url), 'utf8'));
  if (!loaded.ok) throw new Error('the default sandbox does not load');
  return { ...loaded.document, scenario };
}

describe('what a set or degrade event changes from', () => {
  it('a set starts from the node as designed, patched by the sets the run applies before it (time, then file order)', () => {
    const doc = classicStackWith([
      { atS: 20, action: 'set', target: 'lb', params: { healthCheck: { timeoutMs: 100 } } },
      { atS: 10, action: 'set', target: 'lb', params: { algorithm: 'random', healthCheck: { intervalMs: 250 } } },
      { atS: 10, action: 'set', target: 'lb', params: { algorithm: 'least-connections' } },
      { atS: 15, action: 'set', target: 'app1', params: { workers: 2 } },
      { atS: 5, action: 'set', target: 'lb', params: {} },
    ]);
    // The one at 5 s runs first: the lb as designed, every field resolved.
    expect(configBeforeSet(doc, 4)).toMatchObject({ algorithm: 'round-robin', layer: 7, healthCheck: { enabled: true, intervalMs: 1000, timeoutMs: 500 } });
    // Two at 10 s: the later in the file sees the earlier's patch, merged one level deep.
    expect(configBeforeSet(doc, 2)).toMatchObject({ algorithm: 'random', healthCheck: { intervalMs: 250, timeoutMs: 500 } });
    expect(configBeforeSet(doc, 1)).toMatchObject({ algorithm: 'round-robin', healthCheck: { intervalMs: 1000 } });
    // The one at 20 s, first in the file, comes after both; app1's set does not touch the lb.
    expect(configBeforeSet(doc, 0)).toMatchObject({ algorithm: 'least-connections', healthCheck: { intervalMs: 250, timeoutMs: 500 } });
    // The node's own config counts (the apps do not read from replicas), and context defaults resolve.
    expect(configBeforeSet(doc, 3)).toMatchObject({ workers: 8, readFromReplicas: false, cachePolicy: 'cache-aside' });
  });

  it('a degrade starts from the link as designed, changed by earlier degrades and put back by a restore', () => {
    const base = classicStackWith([]);
    const link = Object.keys(base.links)[0];
    const designed = linkBeforeDegrade({ ...base, scenario: [{ atS: 1, action: 'degrade', target: link, params: {} }] }, 0);
    expect(designed).toEqual({ latencyMs: expect.any(Number), jitterMs: 0, lossRate: 0 });
    const doc = classicStackWith([
      { atS: 5, action: 'degrade', target: link, params: { latencyMs: 200, lossRate: 0.1 } },
      { atS: 8, action: 'degrade', target: link, params: { jitterMs: 20 } },
      { atS: 12, action: 'restore', target: link },
      { atS: 15, action: 'degrade', target: link, params: { latencyMs: 50 } },
    ]);
    expect(linkBeforeDegrade(doc, 1)).toEqual({ latencyMs: 200, jitterMs: 0, lossRate: 0.1 });
    expect(linkBeforeDegrade(doc, 3)).toEqual(designed);
  });

  it('names nothing for other actions or a target the document lacks', () => {
    const doc = classicStackWith([
      { atS: 1, action: 'crash', target: 'lb' },
      { atS: 1, action: 'set', target: 'gone', params: {} },
    ]);
    expect(configBeforeSet(doc, 0)).toBeUndefined();
    expect(configBeforeSet(doc, 1)).toBeUndefined();
    expect(linkBeforeDegrade(doc, 0)).toBeUndefined();
  });
});
