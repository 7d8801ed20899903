// The loader sees untrusted text: whatever it is given, it must answer with a result — ok with a
// document, or not ok with at least one problem — and never throw.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeShareCode, loadDocument, loadDocumentValue, saveDocument, type LoadResult } from '../../shared/model';
import { documentArbitrary, safeJsonValue } from './arbitraries';

function expectWellFormed(result: LoadResult): void {
  expect(typeof result.ok).toBe('boolean');
  for (const problem of [...(result.ok ? [] : result.errors), ...result.warnings]) {
    expect(typeof problem.path).toBe('string');
    expect(typeof problem.message).toBe('string');
    expect(problem.message.length).toBeGreaterThan(0);
  }
  if (!result.ok) expect(result.errors.length).toBeGreaterThan(0);
  else expect(saveDocument(loadOk(saveDocument(result.document)))).toBe(saveDocument(result.document));
}

function loadOk(text: string) {
  const result = loadDocument(text);
  if (!result.ok) throw new Error(`saved text did not load: ${JSON.stringify(result.errors)}`);
  return result.document;
}

const SECTIONS = ['meta', 'seed', 'durationS', 'network', 'regions', 'nodes', 'links', 'scenario', 'checks', 'view'];

/** A path to some value inside a JSON value, chosen with `pick`. */
function pickPath(value: unknown, pick: (count: number) => number): (string | number)[] {
  const path: (string | number)[] = [];
  let current = value;
  for (;;) {
    const keys: (string | number)[] = Array.isArray(current) ? current.map((_, index) => index) : current && typeof current === 'object' ? Object.keys(current) : [];
    // Stop here with probability 1/(keys + 1), so shallow and deep paths both come up.
    const choice = pick(keys.length + 1);
    if (choice === keys.length) return path;
    path.push(keys[choice]);
    current = (current as Record<string | number, unknown>)[keys[choice]];
  }
}

type Mutation = { kind: 'replace'; value: unknown } | { kind: 'delete' } | { kind: 'duplicate' } | { kind: 'huge' } | { kind: 'poison' };

const mutationArbitrary: fc.Arbitrary<Mutation> = fc.oneof(
  safeJsonValue.map((value): Mutation => ({ kind: 'replace', value })),
  fc.constant<Mutation>({ kind: 'delete' }),
  fc.constant<Mutation>({ kind: 'duplicate' }),
  fc.constant<Mutation>({ kind: 'huge' }),
  fc.constant<Mutation>({ kind: 'poison' }),
);

/** Applies a mutation at a path; returns JSON text (so `1e400` and `__proto__` can be written). */
function mutate(json: unknown, path: (string | number)[], mutation: Mutation): string {
  const root = structuredClone(json) as Record<string, unknown>;
  if (path.length === 0) return mutation.kind === 'replace' ? JSON.stringify(mutation.value) : JSON.stringify(root);
  type Container = Record<string | number, unknown> & unknown[];
  const parent = path.slice(0, -1).reduce((node, key) => node[key] as Container, root as Container);
  const key = path[path.length - 1];
  const marker = '"__MUTATION_MARKER__"';
  switch (mutation.kind) {
    case 'replace':
      parent[key] = mutation.value;
      return JSON.stringify(root);
    case 'delete':
      if (Array.isArray(parent)) parent.splice(key as number, 1);
      else delete parent[key];
      return JSON.stringify(root);
    case 'duplicate':
      if (Array.isArray(parent)) parent.push(structuredClone(parent[key as number]));
      else parent[`${String(key)}Copy`] = parent[key];
      return JSON.stringify(root);
    case 'huge':
      parent[key] = '__MUTATION_MARKER__';
      return JSON.stringify(root).replace(marker, '1e400');
    case 'poison':
      parent[key] = '__MUTATION_MARKER__';
      return JSON.stringify(root).replace(marker, '{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}');
  }
}

describe('loadDocument never throws', () => {
  it('on arbitrary text', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (text) => expectWellFormed(loadDocument(text))));
  });

  it('on arbitrary JSON', () => {
    fc.assert(fc.property(fc.jsonValue(), (value) => expectWellFormed(loadDocument(JSON.stringify(value)))));
  });

  it('on Faultline-looking objects with arbitrary sections', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...SECTIONS), fc.jsonValue({ maxDepth: 4 })), (sections) => {
        expectWellFormed(loadDocument(JSON.stringify({ format: 'faultline', version: 1, ...sections })));
      }),
    );
  });

  it('on valid documents with one random mutation', () => {
    fc.assert(
      fc.property(documentArbitrary({ explicitDefaults: true }), mutationArbitrary, fc.infiniteStream(fc.nat()), (doc, mutation, choices) => {
        const json = JSON.parse(saveDocument(doc));
        const iterator = choices[Symbol.iterator]();
        const path = pickPath(json, (count) => iterator.next().value % count);
        const text = mutate(json, path, mutation);
        expectWellFormed(loadDocument(text));
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      }),
      { numRuns: 300 },
    );
  });

  it('on truncated valid documents', () => {
    fc.assert(
      fc.property(documentArbitrary({ explicitDefaults: true }), fc.double({ min: 0, max: 1, noNaN: true }), (doc, fraction) => {
        const text = saveDocument(doc);
        const cut = Math.floor(text.length * fraction);
        const result = loadDocument(text.slice(0, cut));
        expectWellFormed(result);
        if (cut < text.trimEnd().length) expect(result.ok).toBe(false);
      }),
    );
  });

  it('on arbitrary values handed over without text (IPC)', () => {
    const cyclic: Record<string, unknown> = { format: 'faultline', version: 1 };
    cyclic.meta = cyclic;
    expectWellFormed(loadDocumentValue(cyclic));
    fc.assert(fc.property(fc.anything(), (value) => expectWellFormed(loadDocumentValue(value))));
  });

  it('on arbitrary share codes', () => {
    fc.assert(fc.property(fc.string(), (code) => expectWellFormed(decodeShareCode(code))));
  });
});
