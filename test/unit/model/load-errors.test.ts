// One fixture per class of error DESIGN §4 names: each must be reported at the right path with a
// plain sentence. The fixtures differ from `valid/minimal.faultline` in one place only.
import { describe, expect, it } from 'vitest';
import { loadDocument, MAX_FILE_BYTES } from '../../../shared/model';
import { MAX_LINKS, MAX_NODES } from '../../../shared/model/limits';
import { baseFile, expectErrors, expectLoaded, loadObject, readFixture } from './helpers';

const CASES: { fixture: string; path: string; message: string }[] = [
  { fixture: 'invalid-json', path: '', message: 'trailing comma before "]" at line 4, column 18' },
  { fixture: 'wrong-format', path: 'format', message: 'must be "faultline" (got "excalidraw"); this is not a Faultline file' },
  { fixture: 'newer-version', path: 'version', message: 'made with a newer version of Faultline (file version 99, this app reads up to 1)' },
  { fixture: 'unknown-kind', path: 'nodes[1].kind', message: 'unknown node kind "firewall"' },
  { fixture: 'dangling-link', path: 'links[2].to', message: 'refers to node "db9", which does not exist' },
  { fixture: 'dangling-region', path: 'nodes[0].region', message: 'refers to region "mars", which does not exist' },
  { fixture: 'node-action-targets-link', path: 'scenario[0].target', message: 'refers to node "l2", which does not exist ("l2" is a link)' },
  { fixture: 'link-action-targets-node', path: 'scenario[0].target', message: 'refers to link "a1", which does not exist ("a1" is a node)' },
  { fixture: 'dangling-partition-group', path: 'scenario[0].groups[1][0]', message: 'refers to "moon", which is neither a node nor a region' },
  { fixture: 'dangling-check-node', path: 'checks[0].node', message: 'refers to node "ghost", which does not exist' },
  { fixture: 'missing-check-node', path: 'checks[0].node', message: 'the metric queue.maxDepth needs a node' },
  { fixture: 'missing-target', path: 'scenario[0].target', message: 'a restart event needs a target node' },
  { fixture: 'missing-groups', path: 'scenario[0].groups', message: 'a partition event needs groups' },
  { fixture: 'duplicate-ids', path: 'nodes[4].id', message: 'duplicate id "a1" (already used by nodes[2])' },
  { fixture: 'invalid-id', path: 'nodes[0].id', message: 'must be an id: a letter followed by up to 63 letters, digits, "_" or "-"' },
  { fixture: 'non-finite-number', path: 'nodes[2].config.workers', message: 'must be a finite number' },
  { fixture: 'out-of-range-integer', path: 'nodes[2].config.workers', message: 'must be a whole number from 1 to 100,000 (got 0)' },
  { fixture: 'out-of-range-ratio', path: 'nodes[0].config.writeRatio', message: 'must be a number from 0 to 1 (got 1.5)' },
  { fixture: 'wrong-type', path: 'nodes[2].config.workers', message: 'must be a whole number from 1 to 100,000 (got "8")' },
  { fixture: 'non-integer', path: 'nodes[0].config.keys.count', message: 'must be a whole number' },
  { fixture: 'bad-enum', path: 'nodes[1].config.algorithm', message: 'must be one of "round-robin", "weighted", "least-connections", "random", "ip-hash", "consistent-hash" (got "fastest")' },
  { fixture: 'bad-distribution', path: 'nodes[2].config.serviceMs.dist', message: 'must be one of "exp", "const", "uniform", "lognormal"' },
  { fixture: 'self-link', path: 'links[3].to', message: 'a link cannot connect node "a1" to itself' },
  { fixture: 'replication-not-db', path: 'links[3].from', message: 'replication links join databases; "a1" is an app' },
  { fixture: 'too-deep', path: '', message: 'nested more than 64 levels deep' },
  { fixture: 'missing-required', path: 'nodes[3].x', message: 'is required' },
];

describe('loadDocument rejects each class of error', () => {
  it('accepts the unmodified base fixture', () => {
    expectLoaded(loadDocument(readFixture('valid/minimal.faultline')));
  });

  it.each(CASES)('$fixture → $path', ({ fixture, path, message }) => {
    const errors = expectErrors(loadDocument(readFixture(`errors/${fixture}.faultline`)));
    const atPath = errors.filter((problem) => problem.path === path);
    expect(atPath, `errors were: ${JSON.stringify(errors)}`).toHaveLength(1);
    expect(atPath[0].message).toContain(message);
    // Messages are sentences for people, never stack traces or zod dumps.
    for (const problem of errors) expect(problem.message).not.toMatch(/\n\s+at |ZodError|invalid_type/);
  });

  it('reports the line and column of a syntax error as fields too', () => {
    const [error] = expectErrors(loadDocument(readFixture('errors/invalid-json.faultline')));
    expect(error).toMatchObject({ line: 4, column: 18 });
  });

  it('reports every problem of a file, not just the first', () => {
    const errors = expectErrors(loadDocument(readFixture('errors/many-problems.faultline')));
    expect(errors.map((problem) => problem.path)).toEqual([
      'nodes[0].config.rps',
      'nodes[4].id',
      'links[0].to',
      'scenario[0].atS',
      'scenario[0].action',
      'checks[0].op',
    ]);
  });

  it('rejects text over 20 MB before parsing it', () => {
    const padding = ' '.repeat(MAX_FILE_BYTES);
    const errors = expectErrors(loadDocument(`{"format":"faultline","version":1}${padding}`));
    expect(errors).toEqual([{ path: '', message: expect.stringContaining('Faultline reads files up to 20.0 MB') }]);
  });

  it('measures the size in UTF-8 bytes, not characters', () => {
    // 7 M three-byte characters: 7 M UTF-16 units (under the limit) but 21 M bytes (over it).
    const text = `{"format":"faultline","version":1,"meta":{"title":"${'€'.repeat(7 * 1024 * 1024)}"}}`;
    expect(text.length).toBeLessThan(MAX_FILE_BYTES);
    const errors = expectErrors(loadDocument(text));
    expect(errors[0].message).toContain('reads files up to 20.0 MB');
  });

  it('survives nesting far deeper than any stack allows', () => {
    const deep = `${'['.repeat(1_000_000)}${']'.repeat(1_000_000)}`;
    expect(expectErrors(loadDocument(deep))[0].message).toContain('nested more than 64 levels deep at line 1, column 65');
  });

  it('says when the root is not an object', () => {
    expect(expectErrors(loadDocument('[1, 2]'))[0]).toEqual({ path: '', message: 'a Faultline file must contain a JSON object (this one contains a list)' });
  });

  it('says when format is missing', () => {
    const file = baseFile();
    delete file.format;
    expect(expectErrors(loadObject(file))[0]).toEqual({ path: 'format', message: expect.stringContaining('is missing; this is not a Faultline file') });
  });

  it('rejects an empty text and text that is not a string', () => {
    expect(expectErrors(loadDocument(''))[0].message).toContain('the file is empty');
    // Said once, without a place: the open dialog showed "… at line 1, column 1" and then
    // "line 1, column 1" again from the problem's position.
    for (const text of ['', ' \n\t ']) expect(expectErrors(loadDocument(text))).toEqual([{ path: '', message: 'not valid JSON: the file is empty' }]);
    expect(expectErrors(loadDocument(undefined as unknown as string))[0].message).toContain('must be text');
  });

  it('names common JSON mistakes', () => {
    expect(expectErrors(loadDocument('{\n  // comment\n  "a": 1\n}'))[0].message).toContain('comments are not allowed in JSON at line 2, column 3');
    expect(expectErrors(loadDocument("{'a': 1}"))[0].message).toContain('strings must use double quotes');
    expect(expectErrors(loadDocument('{"a": 1'))[0].message).toContain('unexpected end of text');
  });

  it('requires a whole-number version', () => {
    const file = baseFile();
    file.version = '1';
    expect(expectErrors(loadObject(file))[0]).toEqual({ path: 'version', message: 'must be a whole number (got "1")' });
    delete file.version;
    expect(expectErrors(loadObject(file))[0].path).toBe('version');
  });

  it('refuses more nodes or links than the engine can index', () => {
    // The engine keeps node and link indices in 16 bits per request and message in flight.
    const node = (i: number) => ({ id: `n${i}`, kind: 'app', x: 0, y: 0 });
    const file = baseFile();
    file.nodes = Array.from({ length: MAX_NODES + 1 }, (_, i) => node(i));
    expect(expectErrors(loadObject(file)).filter((problem) => problem.path === 'nodes')).toEqual([{ path: 'nodes', message: `has ${MAX_NODES + 1} entries; a design can have at most ${MAX_NODES}` }]);
    const links = baseFile();
    links.nodes = [node(0), node(1)];
    links.links = Array.from({ length: MAX_LINKS + 1 }, (_, i) => ({ id: `l${i}`, from: 'n0', to: 'n1' }));
    expect(expectErrors(loadObject(links)).filter((problem) => problem.path === 'links')).toEqual([{ path: 'links', message: `has ${MAX_LINKS + 1} entries; a design can have at most ${MAX_LINKS}` }]);
    file.nodes = file.nodes.slice(0, MAX_NODES);
    expect(expectErrors(loadObject(file)).filter((problem) => problem.path === 'nodes')).toEqual([]);
  });

  it('rejects a flush aimed at something that is not a cache', () => {
    const file = baseFile();
    file.scenario = [{ atS: 1, action: 'flush', target: 'a1' }];
    expect(expectErrors(loadObject(file))).toEqual([{ path: 'scenario[0].target', message: 'the target of flush must be a cache or cdn node; "a1" is an app' }]);
  });

  it('validates a set patch against the target kind', () => {
    const file = baseFile();
    file.scenario = [{ atS: 1, action: 'set', target: 'c1', params: { rps: -1, bogus: 1 } }];
    const result = loadObject(file);
    expect(expectErrors(result)).toEqual([{ path: 'scenario[0].params.rps', message: 'must be a number from 0 to 1,000,000 (got -1)' }]);
    expect(result.warnings).toEqual([{ path: 'scenario[0].params.bogus', message: 'unknown field, kept but not used' }]);
  });

  it('rejects a slow event without a factor and a check whose window ends before it starts', () => {
    const file = baseFile();
    file.scenario = [{ atS: 1, action: 'slow', target: 'a1' }];
    file.checks = [{ metric: 'availability', op: '>', value: 0.9, fromS: 30, toS: 10 }];
    expect(expectErrors(loadObject(file)).map((problem) => problem.path)).toEqual(['scenario[0].factor', 'checks[0].toS']);
  });

  it('rejects duplicate latency matrix entries in either direction and dangling matrix regions', () => {
    const file = baseFile();
    file.regions.push({ id: 'r2', name: 'Region 2', x: 500, y: 0, w: 100, h: 100 });
    file.network = { matrix: [{ from: 'r1', to: 'r2', ms: 80 }, { from: 'r2', to: 'r1', ms: 90 }, { from: 'r1', to: 'r3', ms: 5 }] };
    expect(expectErrors(loadObject(file))).toEqual([
      { path: 'network.matrix[1]', message: expect.stringContaining('a second delay between "r2" and "r1"') },
      { path: 'network.matrix[2].to', message: 'refers to region "r3", which does not exist' },
    ]);
  });

  it('checks an lb peer exists and is a load balancer', () => {
    const file = baseFile();
    file.nodes[1].config = { ha: { peer: 'a1' } };
    expect(expectErrors(loadObject(file))).toEqual([{ path: 'nodes[1].config.ha.peer', message: 'the peer must be an lb node; "a1" is an app' }]);
  });

  it('rejects duplicate ids within checks, regions and links', () => {
    const file = baseFile();
    file.regions.push({ ...file.regions[0] });
    file.links.push({ ...file.links[0] });
    file.checks = [
      { id: 'c', metric: 'availability', op: '>', value: 0.9 },
      { id: 'c', metric: 'errorRate', op: '<', value: 0.1 },
    ];
    expect(expectErrors(loadObject(file)).map((problem) => problem.path)).toEqual(['regions[1].id', 'links[3].id', 'checks[1].id']);
  });

  it('lets lists of different kinds share an id', () => {
    const file = baseFile();
    file.links[0].id = 'a1'; // a link named like a node is allowed: ids are unique per list
    expectLoaded(loadObject(file));
  });
});
