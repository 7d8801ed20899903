import { deflateSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { loadDocument, loadDocumentValue } from '../../../shared/model';
import { encodeBase64Url } from '../../../shared/model/base64url';
import { decodeShareCode, encodeShareCode } from '../../../shared/model/shareCode';
import { saveDocument } from '../../../shared/model/save';
import { MAX_FILE_BYTES } from '../../../shared/model/limits';
import { baseFile, expectErrors, expectLoaded, loadObject } from './helpers';

describe('every problem is reported', () => {
  it('including the references of records whose own id is invalid or taken', () => {
    const file = baseFile();
    file.nodes.push({ id: 'a1', kind: 'app', x: 0, y: 0, region: 'nowhere' });
    file.nodes.push({ id: '9', kind: 'lb', x: 0, y: 0, config: { ha: { peer: 'ghost' } } });
    file.links.push({ id: 'bad id', from: 'ghost1', to: 'a1' });
    const paths = expectErrors(loadObject(file)).map((problem) => problem.path);
    const added = file.nodes.length - 2;
    expect(paths).toEqual(
      expect.arrayContaining([
        `nodes[${added}].id`, // duplicate
        `nodes[${added}].region`, // "nowhere"
        `nodes[${added + 1}].id`, // invalid
        `nodes[${added + 1}].config.ha.peer`, // "ghost"
        `links[${file.links.length - 1}].id`,
        `links[${file.links.length - 1}].from`, // "ghost1"
      ]),
    );
  });

  it('including an HA peer named in a set event', () => {
    const file = baseFile();
    file.nodes.push({ id: 'lb2', kind: 'lb', x: 0, y: 0 });
    file.scenario = [
      { atS: 1, action: 'set', target: 'lb1', params: { ha: { peer: 'ghost' } } },
      { atS: 2, action: 'set', target: 'lb1', params: { ha: { peer: 'lb1' } } },
      { atS: 3, action: 'set', target: 'lb1', params: { ha: { peer: 'lb2' } } },
    ];
    expect(expectErrors(loadObject(file))).toEqual([
      { path: 'scenario[0].params.ha.peer', message: expect.stringContaining('"ghost", which does not exist') },
      { path: 'scenario[1].params.ha.peer', message: 'a load balancer cannot be its own peer' },
    ]);
  });

  it('and nothing else: an event that is not an object draws only its own error', () => {
    const file = baseFile();
    file.scenario = [null];
    const result = loadObject(file);
    expect(expectErrors(result)).toEqual([{ path: 'scenario[0]', message: expect.any(String) }]);
    expect(result.warnings).toEqual([]);
  });
});

describe('untrusted input that arrives some other way than a file', () => {
  it('a share code that unpacks to broken UTF-8 is refused, as the same bytes in a file are', () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('{"format":"faultline","version":1,"meta":{"title":"'), 0xff, 0xfe, ...new TextEncoder().encode('"}}')]);
    const result = decodeShareCode(encodeBase64Url(deflateSync(bytes)));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0].message).toContain('not UTF-8');
  });

  it('a parsed value that contains itself is refused (a walk of it used to take 2^64 steps)', () => {
    const looped: Record<string, unknown> = { format: 'faultline', version: 1 };
    looped.a = looped;
    looped.b = looped;
    const result = loadDocumentValue(looped);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors).toEqual([{ path: '', message: expect.stringContaining('contains itself') }]);
  });

  it('a parsed value repeating one object many times over is refused past the value limit', () => {
    // 2^24 leaves reached through 24 levels of one object used twice: 33 million values.
    let shared: unknown = 1;
    for (let level = 0; level < 24; level++) shared = { left: shared, right: shared };
    const result = loadDocumentValue({ format: 'faultline', version: 1, meta: { title: 't', extra: shared } });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors).toEqual([{ path: '', message: expect.stringContaining('more than 5000000 values') }]);
  });

  it('a parsed document may share an object between records (structured clones keep sharing)', () => {
    const config = { workers: 4 };
    const file = baseFile();
    file.nodes.push({ id: 'a2', kind: 'app', x: 0, y: 0, config }, { id: 'a3', kind: 'app', x: 0, y: 0, config });
    expect(loadDocumentValue(file).ok).toBe(true);
  });
});

describe('a document that loads also saves in a form that loads', () => {
  it('past the size limit it is written without indentation', () => {
    // 60k nodes: about 12 MB compact, over 20 MB with two-space indentation.
    const count = 60_000;
    const nodes = Array.from({ length: count }, (_, i) => ({ id: `app${i}`, kind: 'app', x: i, y: i, config: { workers: 4, queueLimit: 50, serviceMs: { dist: 'lognormal', mean: 5 } } }));
    const links = Array.from({ length: count - 1 }, (_, i) => ({ id: `l${i}`, from: `app${i}`, to: `app${i + 1}`, latencyMs: 1.25 }));
    const document = expectLoaded(loadObject({ ...baseFile(), nodes, links }));
    const saved = saveDocument(document);
    expect(saved.length).toBeLessThan(MAX_FILE_BYTES);
    expect(saved.startsWith('{"format":"faultline"')).toBe(true);
    expect(saveDocument(expectLoaded(loadDocument(saved)))).toBe(saved);
    expect(decodeShareCode(encodeShareCode(document)).ok).toBe(true);
    // A small document keeps its readable, diffable form.
    expect(saveDocument(expectLoaded(loadObject(baseFile())))).toContain('\n  "meta"');
  }, 120_000);
});
