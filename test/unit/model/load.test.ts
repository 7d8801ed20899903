import { describe, expect, it } from 'vitest';
import { CURRENT_VERSION, getNode, loadDocument, loadDocumentValue, saveDocument } from '../../../shared/model';
import { baseFile, expectErrors, expectLoaded, loadObject } from './helpers';

describe('loadDocument on valid files', () => {
  it('fills in missing top-level parts with their defaults', () => {
    const document = expectLoaded(loadDocument('{"format": "faultline", "version": 1}'));
    expect(document).toEqual({
      format: 'faultline',
      version: CURRENT_VERSION,
      meta: { title: 'Untitled' },
      seed: 1,
      durationS: 60,
      network: { intraRegionMs: 0.5, interRegionMs: 75, matrix: [] },
      regions: {},
      nodes: {},
      links: {},
      scenario: [],
      checks: [],
    });
    expect(document.view).toBeUndefined();
    expect(document.extras).toBeUndefined();
  });

  it('warns about each missing required field, naming the value used', () => {
    const result = loadDocument('{"format": "faultline", "version": 1}');
    expect(result.warnings).toEqual([
      { path: 'meta', message: 'missing; using {"title":"Untitled"}' },
      { path: 'seed', message: 'missing; using 1' },
      { path: 'durationS', message: 'missing; using 60' },
      { path: 'regions', message: 'missing; using []' },
      { path: 'nodes', message: 'missing; using []' },
      { path: 'links', message: 'missing; using []' },
      { path: 'scenario', message: 'missing; using []' },
      { path: 'checks', message: 'missing; using []' },
    ]);
  });

  it('warns about a meta without a title, but not about the optional meta fields', () => {
    const file = baseFile();
    file.meta = {};
    const result = loadObject(file);
    expect(expectLoaded(result).meta.title).toBe('Untitled');
    expect(result.warnings).toEqual([{ path: 'meta.title', message: 'missing; using "Untitled"' }]);
  });

  it('does not warn about the optional network and view sections', () => {
    const file = baseFile();
    delete file.network;
    delete file.view;
    expect(loadObject(file).warnings).toEqual([]);
  });

  it('warns about a duplicate top-level key, naming the value that is used', () => {
    const text = saveDocument(expectLoaded(loadObject(baseFile()))).replace('"seed": 1,', '"seed": 1,\n  "seed": 2,');
    const result = loadDocument(text);
    expect(expectLoaded(result).seed).toBe(2);
    expect(result.warnings).toEqual([{ path: 'seed', message: 'duplicate key; the last value (2) is used' }]);
  });

  it('names the full path of a duplicate key inside a record', () => {
    const file = baseFile();
    const text = JSON.stringify(file).replace(`"id":"${file.nodes[1].id as string}"`, `"id":"first","id":"${file.nodes[1].id as string}"`);
    const result = loadDocument(text);
    expectLoaded(result);
    expect(result.warnings).toEqual([{ path: 'nodes[1].id', message: `duplicate key; the last value ("${file.nodes[1].id as string}") is used` }]);
  });

  it('fills a partly given network section', () => {
    const file = baseFile();
    file.network = { interRegionMs: 120 };
    expect(expectLoaded(loadObject(file)).network).toEqual({ intraRegionMs: 0.5, interRegionMs: 120, matrix: [] });
  });

  it('keys records by id in file order and keeps configs sparse', () => {
    const file = baseFile();
    file.nodes[2].config = { workers: 4 };
    const document = expectLoaded(loadObject(file));
    expect(Object.keys(document.nodes)).toEqual(['c1', 'lb1', 'a1', 'k1']);
    expect(Object.keys(document.links)).toEqual(['l1', 'l2', 'l3']);
    expect(document.nodes.a1.config).toEqual({ workers: 4 });
    expect(document.nodes.c1.config).toEqual({});
    expect(document.links.l1).toEqual({ id: 'l1', from: 'c1', to: 'lb1', kind: 'traffic' });
  });

  it('keeps unknown fields in extras (records) or in place (config) and warns with their paths', () => {
    const file = baseFile();
    file.futureTopLevel = { a: 1 };
    file.meta.subtitle = 'x';
    file.regions[0].colour = 'red';
    file.nodes[0].locked = true;
    file.nodes[0].config = { rps: 5, futureKnob: [1, 2], keys: { count: 10, shape: 'pareto' } };
    file.links[0].style = { dashed: true };
    file.scenario = [{ atS: 1, action: 'note', note: 'hi', voice: 'alto' }];
    file.checks = [{ metric: 'availability', op: '>', value: 0.5, severity: 'high' }];
    file.view = { x: 1, y: 2, zoom: 1.5, grid: false };
    const result = loadObject(file);
    const document = expectLoaded(result);
    expect(document.extras).toEqual({ futureTopLevel: { a: 1 } });
    expect(document.meta.extras).toEqual({ subtitle: 'x' });
    expect(document.regions.r1.extras).toEqual({ colour: 'red' });
    expect(document.nodes.c1.extras).toEqual({ locked: true });
    expect(document.nodes.c1.config).toEqual({ rps: 5, futureKnob: [1, 2], keys: { count: 10, shape: 'pareto' } });
    expect(document.links.l1.extras).toEqual({ style: { dashed: true } });
    expect(document.scenario[0].extras).toEqual({ voice: 'alto' });
    expect(document.checks[0].extras).toEqual({ severity: 'high' });
    expect(document.view).toEqual({ x: 1, y: 2, zoom: 1.5, extras: { grid: false } });
    // Sorted by section and record as in the file; unknown sections come last.
    expect(result.warnings.map((warning) => warning.path)).toEqual([
      'meta.subtitle',
      'regions[0].colour',
      'nodes[0].locked',
      'nodes[0].config.keys.shape',
      'nodes[0].config.futureKnob',
      'links[0].style',
      'scenario[0].voice',
      'checks[0].severity',
      'view.grid',
      'futureTopLevel',
    ]);
    expect(result.warnings.every((warning) => warning.message === 'unknown field, kept but not used')).toBe(true);
  });

  it('suggests the intended field for a wrongly capitalised key', () => {
    const file = baseFile();
    file.nodes[2].config = { Workers: 3 };
    const result = loadObject(file);
    expect(result.warnings).toEqual([{ path: 'nodes[2].config.Workers', message: 'unknown field, kept but not used (did you mean "workers"?)' }]);
  });

  it('accepts a UTF-8 byte order mark', () => {
    expectLoaded(loadDocument(`\uFEFF${JSON.stringify(baseFile())}`));
  });

  it('accepts ids that are names of Object.prototype members without confusion', () => {
    const file = baseFile();
    file.nodes.push({ id: 'constructor', kind: 'app', x: 0, y: 0 }, { id: 'toString', kind: 'cache', x: 0, y: 0 });
    file.links.push({ id: 'hasOwnProperty', from: 'constructor', to: 'toString' });
    const document = expectLoaded(loadObject(file));
    expect(getNode(document, 'constructor')?.kind).toBe('app');
    expect(getNode(document, 'valueOf')).toBeUndefined();
    expect(document.links.hasOwnProperty).toMatchObject({ from: 'constructor' });
  });

  it('reports a dangling reference to an Object.prototype member name', () => {
    const file = baseFile();
    file.links[0].to = 'toString';
    expect(expectErrors(loadObject(file))).toEqual([{ path: 'links[0].to', message: 'refers to node "toString", which does not exist' }]);
  });

  it('warns about events at or after the end of the run and sticky sessions at layer 4', () => {
    const file = baseFile();
    file.durationS = 30;
    file.nodes[1].config = { layer: 4, sticky: true };
    // The run covers [0, durationS): an event at exactly durationS never happens either.
    file.scenario = [
      { atS: 45, action: 'crash', target: 'a1' },
      { atS: 30, action: 'crash', target: 'a1' },
      { atS: 29.9, action: 'crash', target: 'a1' },
    ];
    const result = loadObject(file);
    expectLoaded(result);
    expect(result.warnings).toEqual([
      { path: 'nodes[1].config.sticky', message: expect.stringContaining('need layer 7') },
      { path: 'scenario[0].atS', message: expect.stringContaining('not before the end of the run (durationS 30)') },
      { path: 'scenario[1].atS', message: expect.stringContaining('not before the end of the run (durationS 30)') },
    ]);
  });

  it('an invalid durationS is the one problem reported, not again for every event and check window measured against it', () => {
    const file = baseFile();
    file.durationS = -5;
    file.scenario = [
      { atS: 1, action: 'crash', target: 'a1' },
      { atS: 2, action: 'restart', target: 'a1' },
    ];
    file.checks = [{ metric: 'availability', op: '>=', value: 0.9, fromS: 1 }];
    const result = loadObject(file);
    expect(expectErrors(result)).toEqual([{ path: 'durationS', message: expect.stringContaining('(got -5)') }]);
    expect(result.warnings).toEqual([]);
  });

  it('warns (the Contract allows any number) about a ratio check whose threshold lies outside 0 to 1', () => {
    const file = baseFile();
    file.checks = [
      { metric: 'availability', op: '>=', value: 95 },
      { metric: 'errorRate', op: '<', value: 5 },
      { metric: 'availability', op: '>=', value: 0.95 },
      { metric: 'latency.p99', op: '<', value: 95 },
      { metric: 'errorRate', op: '>', value: -1 },
    ];
    const result = loadObject(file);
    expectLoaded(result);
    expect(result.warnings).toEqual([
      { path: 'checks[0].value', message: 'availability is a ratio from 0 to 1 (95% is 0.95), so this check can never pass' },
      { path: 'checks[1].value', message: 'errorRate is a ratio from 0 to 1 (5% is 0.05), so this check always passes' },
      { path: 'checks[4].value', message: 'errorRate is a ratio from 0 to 1, so this check always passes' },
    ]);
  });

  it('warns (and still loads: the Contract allows any number) about a negative latency, throughput or count threshold', () => {
    const file = baseFile();
    file.checks = [
      { metric: 'latency.p99', op: '<=', value: -5 },
      { metric: 'throughput', op: '>=', value: -1 },
      { metric: 'lostWrites', op: '<=', value: 0 },
      { metric: 'latency.mean', op: '<', value: 200 },
    ];
    const result = loadObject(file);
    expect(expectLoaded(result).checks.map((check) => check.value)).toEqual([-5, -1, 0, 200]);
    expect(result.warnings).toEqual([
      { path: 'checks[0].value', message: 'latency.p99 is never negative, so this check can never pass' },
      { path: 'checks[1].value', message: 'throughput is never negative, so this check always passes' },
    ]);
  });

  it('accepts partitions by region and node ids', () => {
    const file = baseFile();
    file.regions.push({ id: 'r2', name: 'Region 2', x: 500, y: 0, w: 100, h: 100 });
    file.scenario = [
      { atS: 10, action: 'partition', groups: [['r1'], ['r2', 'c1']] },
      { atS: 20, action: 'heal' },
    ];
    // c1 is in r1 and named on the other side too: allowed, the simulation decides precedence.
    expect(expectLoaded(loadObject(file)).scenario).toHaveLength(2);
  });

  it('rejects a member named in two groups', () => {
    const file = baseFile();
    file.scenario = [{ atS: 10, action: 'partition', groups: [['c1'], ['c1', 'a1']] }];
    expect(expectErrors(loadObject(file))).toEqual([{ path: 'scenario[0].groups[1][0]', message: expect.stringContaining('already in group 0') }]);
  });
});

describe('non-finite numbers', () => {
  it.each([
    [Number.NaN, 'must be a finite number (got NaN, not a number)'],
    [Infinity, 'must be a finite number (got a number too large to represent)'],
    [-Infinity, 'must be a finite number (got a negative number too large to represent)'],
  ])('a parsed value (as over IPC) with seed %s is refused saying what it is', (seed, message) => {
    const file = { ...baseFile(), seed };
    expect(expectErrors(loadDocumentValue(file))).toEqual([{ path: 'seed', message }]);
  });

  it.each([
    ['1e400', 'must be a finite number (got a number too large to represent)'],
    ['-1e400', 'must be a finite number (got a negative number too large to represent)'],
  ])('a seed of %s in text is refused as too large', (seed, message) => {
    const text = JSON.stringify(baseFile()).replace('"seed":1', `"seed":${seed}`);
    expect(expectErrors(loadDocument(text))).toEqual([{ path: 'seed', message }]);
  });

  it('a version of NaN is named as such', () => {
    const errors = expectErrors(loadDocumentValue({ ...baseFile(), version: Number.NaN }));
    expect(errors).toEqual([{ path: 'version', message: 'must be a whole number (got NaN, not a number)' }]);
  });
});

describe('values a run could not survive', () => {
  it('refuses a negative seed (the engine needs seed ≥ 0: it used to validate, then fail the run with exit 3)', () => {
    const file = baseFile();
    file.seed = -3;
    expect(expectErrors(loadObject(file))).toEqual([{ path: 'seed', message: expect.stringContaining('from 0 to') }]);
  });

  it('refuses health-check and heartbeat periods under 1 ms (a probe every microsecond stalls the run)', () => {
    const file = baseFile();
    file.nodes[1].config = { healthCheck: { intervalMs: 1e-6 }, ha: { peer: 'a1', heartbeatMs: 0.5 } };
    const paths = expectErrors(loadObject(file)).map((problem) => problem.path);
    expect(paths).toContain('nodes[1].config.healthCheck.intervalMs');
    expect(paths).toContain('nodes[1].config.ha.heartbeatMs');
  });

  it('refuses a duration beyond a simulated day (1e8 s exhausted the page\'s memory instead of running)', () => {
    const file = baseFile();
    file.durationS = 1e8;
    expect(expectErrors(loadObject(file))).toEqual([{ path: 'durationS', message: expect.stringContaining('86,400') }]);
    file.durationS = 86_400;
    expect(loadObject(file).ok).toBe(true);
  });
});

describe('a partition naming a node on one side and its region on the other', () => {
  it('loads (the later group wins, as the run has always done) with a warning saying where the node ends up', () => {
    const file = baseFile();
    file.scenario = [
      { atS: 1, action: 'partition', groups: [['r1'], ['c1']] },
      { atS: 2, action: 'heal' },
      { atS: 3, action: 'partition', groups: [['c1'], ['r1']] },
    ];
    const result = loadObject(file);
    expectLoaded(result);
    expect(result.warnings).toEqual([
      { path: 'scenario[0].groups', message: '"c1" is in group 1 and its region "r1" in group 0: the run puts it in group 1, cut off from the rest of its region' },
      { path: 'scenario[2].groups', message: '"c1" is in group 0 and its region "r1" in group 1: the run puts it with its region in group 1, so naming it in group 0 does nothing' },
    ]);
  });
});

describe('events that would change nothing', () => {
  it('are loaded with a warning saying why', () => {
    const file = baseFile();
    file.nodes.push({ id: 'edge', kind: 'cdn', x: 0, y: 0, config: { mode: 'push' } });
    file.scenario = [
      { atS: 1, action: 'slow', target: 'c1', factor: 3 },
      { atS: 2, action: 'flush', target: 'edge' },
      { atS: 3, action: 'partition', groups: [['c1']] },
      { atS: 4, action: 'slow', target: 'a1', factor: 3 },
      { atS: 5, action: 'flush', target: 'k1' },
      // Another partition does not give the one-group partition an effect: partitions add up.
      { atS: 6, action: 'partition', groups: [['c1'], ['a1']] },
    ];
    const result = loadObject(file);
    expectLoaded(result);
    expect(result.warnings).toEqual([
      { path: 'scenario[0].target', message: 'a client node has no service time, so slow changes nothing' },
      { path: 'scenario[1].target', message: expect.stringContaining('push CDN keeps the content') },
      { path: 'scenario[2].groups', message: expect.stringContaining('one group cuts nothing off') },
    ]);
  });
});
