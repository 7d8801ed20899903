import { describe, expect, it } from 'vitest';
import { createEmptyDocument, loadDocument, saveDocument, type FaultlineDocument } from '../../../shared/model';
import { baseFile, expectLoaded, loadObject } from './helpers';

function loadFile(file: unknown): FaultlineDocument {
  return expectLoaded(loadObject(file));
}

describe('saveDocument', () => {
  it('writes the canonical form of an empty document', () => {
    expect(saveDocument(createEmptyDocument('Blank'))).toBe(
      [
        '{',
        '  "format": "faultline",',
        '  "version": 1,',
        '  "meta": {',
        '    "title": "Blank"',
        '  },',
        '  "seed": 1,',
        '  "durationS": 60,',
        '  "regions": [],',
        '  "nodes": [],',
        '  "links": [],',
        '  "scenario": [],',
        '  "checks": []',
        '}',
        '',
      ].join('\n'),
    );
  });

  it('orders keys as DESIGN §4 lists them, whatever order the file used', () => {
    const scrambled = {
      checks: [{ value: 0.9, op: '>', metric: 'availability', id: 'av' }],
      view: { zoom: 2, y: 1, x: 0 },
      links: [{ weight: 2, to: 'b', from: 'a', id: 'ab' }],
      nodes: [
        { config: { serviceMs: 3, workers: 2 }, y: 5, x: 4, kind: 'app', id: 'a' },
        { y: 0, x: 0, region: 'r', name: 'Bee', kind: 'app', id: 'b' },
      ],
      regions: [{ h: 4, w: 3, y: 2, x: 1, name: 'R', id: 'r' }],
      scenario: [{ pause: true, note: 'n', target: 'a', action: 'crash', atS: 1 }],
      network: { matrix: [], interRegionMs: 10 },
      durationS: 30,
      seed: 7,
      meta: { tags: ['t'], author: 'me', description: 'd', title: 'T' },
      version: 1,
      format: 'faultline',
    };
    const saved = JSON.parse(saveDocument(loadFile(scrambled)));
    expect(Object.keys(saved)).toEqual(['format', 'version', 'meta', 'seed', 'durationS', 'network', 'regions', 'nodes', 'links', 'scenario', 'checks', 'view']);
    expect(Object.keys(saved.meta)).toEqual(['title', 'description', 'author', 'tags']);
    expect(saved.network).toEqual({ interRegionMs: 10 });
    expect(Object.keys(saved.regions[0])).toEqual(['id', 'name', 'x', 'y', 'w', 'h']);
    expect(Object.keys(saved.nodes[0])).toEqual(['id', 'kind', 'x', 'y', 'config']);
    expect(Object.keys(saved.nodes[0].config)).toEqual(['workers', 'serviceMs']);
    expect(Object.keys(saved.nodes[1])).toEqual(['id', 'kind', 'name', 'region', 'x', 'y']);
    expect(Object.keys(saved.links[0])).toEqual(['id', 'from', 'to', 'weight']);
    expect(Object.keys(saved.scenario[0])).toEqual(['atS', 'action', 'target', 'note', 'pause']);
    expect(Object.keys(saved.checks[0])).toEqual(['id', 'metric', 'op', 'value']);
    expect(Object.keys(saved.view)).toEqual(['x', 'y', 'zoom']);
  });

  it('omits config values equal to their defaults, nested objects left empty, and default link fields', () => {
    const file = baseFile();
    file.nodes[0].config = { rps: 100, users: 5, keys: { count: 1000, distribution: 'uniform' }, arrival: 'poisson' };
    file.nodes[1].config = { healthCheck: { enabled: true, intervalMs: 250 }, serviceMs: { dist: 'const', mean: 0.5 } };
    file.nodes[2].config = { serviceMs: { dist: 'exp', mean: 5 }, workers: 8, queueLimit: 10 };
    file.nodes[3].config = { serviceMs: 0.5 };
    file.links[0] = { id: 'l1', from: 'c1', to: 'lb1', kind: 'traffic', jitterMs: 0, lossRate: 0, weight: 1, latencyMs: 0.5 };
    file.scenario = [{ atS: 1, action: 'note', note: 'x', pause: false }];
    const saved = JSON.parse(saveDocument(loadFile(file)));
    expect(saved.nodes[0].config).toEqual({ users: 5 });
    // lb serviceMs depends on the layer, so an explicit value is kept even when it matches today's default.
    expect(saved.nodes[1].config).toEqual({ serviceMs: { dist: 'const', mean: 0.5 }, healthCheck: { intervalMs: 250 } });
    expect(saved.nodes[2].config).toEqual({ queueLimit: 10 });
    expect(saved.nodes[3].config).toBeUndefined();
    // latencyMs is context-dependent too: kept.
    expect(saved.links[0]).toEqual({ id: 'l1', from: 'c1', to: 'lb1', latencyMs: 0.5 });
    expect(saved.scenario[0]).toEqual({ atS: 1, action: 'note', note: 'x' });
  });

  it('keeps replication kind and a non-default distribution written as shorthand', () => {
    const file = baseFile();
    file.nodes.push({ id: 'd1', kind: 'db', x: 0, y: 0 }, { id: 'd2', kind: 'db', x: 0, y: 0, config: { role: 'replica', readMs: 5 } });
    file.links.push({ id: 'rep', from: 'd1', to: 'd2', kind: 'replication' });
    const saved = JSON.parse(saveDocument(loadFile(file)));
    expect(saved.links[3]).toEqual({ id: 'rep', from: 'd1', to: 'd2', kind: 'replication' });
    // 5 means const 5, not the default exp 5.
    expect(saved.nodes[5].config).toEqual({ role: 'replica', readMs: 5 });
  });

  it('writes extras after the known keys, sorted, in config and on records', () => {
    const file = baseFile();
    file.zeta = 1;
    file.alpha = 2;
    file.nodes[0].zz = true;
    file.nodes[0].aa = false;
    file.nodes[0].config = { zKnob: 1, rps: 5, aKnob: 2, keys: { zipfS: 2, zExtra: 1, count: 5 } };
    const saved = JSON.parse(saveDocument(loadFile(file)));
    expect(Object.keys(saved).slice(-2)).toEqual(['alpha', 'zeta']);
    expect(Object.keys(saved.nodes[0]).slice(-3)).toEqual(['config', 'aa', 'zz']);
    expect(Object.keys(saved.nodes[0].config)).toEqual(['rps', 'keys', 'aKnob', 'zKnob']);
    expect(Object.keys(saved.nodes[0].config.keys)).toEqual(['count', 'zipfS', 'zExtra']);
  });

  it('keeps a set patch whole, in the target kind order, even values equal to defaults', () => {
    const file = baseFile();
    file.scenario = [{ atS: 3, action: 'set', target: 'c1', params: { zz: 1, writeRatio: 0.1, rps: 800 } }];
    const saved = JSON.parse(saveDocument(loadFile(file)));
    expect(saved.scenario[0].params).toEqual({ rps: 800, writeRatio: 0.1, zz: 1 });
    expect(Object.keys(saved.scenario[0].params)).toEqual(['rps', 'writeRatio', 'zz']);
  });

  it('omits an empty tag list and a default network, keeps a network with extras', () => {
    const file = baseFile();
    file.meta.tags = [];
    file.network = { intraRegionMs: 0.5, interRegionMs: 75, matrix: [] };
    let saved = JSON.parse(saveDocument(loadFile(file)));
    expect(saved.meta).toEqual({ title: 'Fixture' });
    expect(saved.network).toBeUndefined();
    file.network = { note: 'lab' };
    saved = JSON.parse(saveDocument(loadFile(file)));
    expect(saved.network).toEqual({ note: 'lab' });
  });

  it('ends with exactly one newline and indents by two spaces', () => {
    const text = saveDocument(loadFile(baseFile()));
    expect(text.endsWith('}\n')).toBe(true);
    expect(text.endsWith('\n\n')).toBe(false);
    expect(text.split('\n')[1]).toBe('  "format": "faultline",');
  });

  it('is a fixed point: saving what it loads gives the same text', () => {
    const file = baseFile();
    file.nodes[0].config = { keys: { distribution: 'zipf', count: 10 }, rps: 3, odd: { b: 1, a: [1, { y: 2, x: 1 }] } };
    const once = saveDocument(loadFile(file));
    const twice = saveDocument(expectLoaded(loadDocument(once)));
    expect(twice).toBe(once);
  });
});
