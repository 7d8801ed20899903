import { describe, expect, it } from 'vitest';
import { loadDocumentValue } from '../../../shared/model/load';
import { CHECK_METRICS, NODE_KINDS, SCENARIO_ACTIONS } from '../../../shared/model/types';
import { actionRows, kindReferences, metricRows } from '../../../renderer/app/help/referenceRows';

/** Help → Documentation's reference is read from the schema: it lists what a file may hold, no more, no less. */
describe('the help reference', () => {
  it('lists every node kind with each config field under its file name, objects flattened with dots', () => {
    const kinds = kindReferences();
    expect(kinds.map((kind) => kind.kind)).toEqual([...NODE_KINDS]);
    const lb = kinds.find((kind) => kind.kind === 'lb')!;
    const byName = new Map(lb.fields.map((row) => [row.name, row]));
    expect([...byName.keys()]).toEqual(expect.arrayContaining(['algorithm', 'layer', 'sticky', 'serviceMs', 'maxConnections', 'healthCheck', 'healthCheck.intervalMs', 'ha', 'ha.peer', 'ha.heartbeatMs', 'ha.deadAfter', 'mtbfS', 'mttrS']));
    expect(byName.get('ha.heartbeatMs')).toMatchObject({ defaultText: '500 ms', rule: 'a number ≥ 1' });
    expect(byName.get('ha')!.defaultText).toBe('off (left out)');
    expect(byName.get('ha.peer')!.defaultText).toBe('required');
    expect(byName.get('serviceMs')!.defaultText).toBe('0.05 ms at layer 4, 0.5 ms at layer 7');
    expect(byName.get('algorithm')!.rule).toContain('"consistent-hash"');
    expect(byName.get('maxConnections')!.defaultText).toBe('10000');
  });

  it('names only fields the loader knows: a wrong value under each listed name is an error at that path, not an ignored extra', () => {
    for (const kind of kindReferences()) {
      const names = kind.fields.filter((row) => !row.name.includes('.')).map((row) => row.name);
      const result = loadDocumentValue({ format: 'faultline', version: 1, meta: { title: 't' }, seed: 1, durationS: 1, regions: [], nodes: [{ id: 'n', kind: kind.kind, x: 0, y: 0, config: {} }], links: [], scenario: [], checks: [] });
      expect(result.ok, kind.kind).toBe(true);
      for (const name of names) {
        // A list of lists: no field of any type takes it.
        const bad = loadDocumentValue({ format: 'faultline', version: 1, meta: { title: 't' }, seed: 1, durationS: 1, regions: [], nodes: [{ id: 'n', kind: kind.kind, x: 0, y: 0, config: { [name]: [[null]] } }], links: [], scenario: [], checks: [] });
        expect(bad.ok, `${kind.kind}.${name}`).toBe(false);
        if (!bad.ok) expect(bad.errors.map((problem) => problem.path).join(' '), `${kind.kind}.${name}`).toContain(`nodes[0].config.${name}`);
      }
    }
  });

  it('lists every scenario action with what it needs, and every check metric with its unit and node', () => {
    const actions = actionRows();
    expect(actions.map((row) => row.action)).toEqual([...SCENARIO_ACTIONS]);
    expect(actions.find((row) => row.action === 'flush')!.needs).toBe('target: a cache or cdn node');
    expect(actions.find((row) => row.action === 'partition')!.needs).toBe('groups of node or region ids');
    expect(actions.find((row) => row.action === 'note')!.needs).toBe('nothing else');
    const metrics = metricRows();
    expect(metrics.map((row) => row.metric)).toEqual([...CHECK_METRICS]);
    expect(metrics.find((row) => row.metric === 'latency.p99')).toMatchObject({ unit: 'ms', node: '—' });
    expect(metrics.find((row) => row.metric === 'queue.maxDepth')).toMatchObject({ unit: 'count', node: 'needed: a queue' });
    expect(metrics.find((row) => row.metric === 'throughput')!.unit).toBe('req/s');
  });
});
