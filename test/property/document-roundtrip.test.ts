import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeShareCode, encodeShareCode, loadDocument, resolveLink, resolveNodeConfig, saveDocument, type FaultlineDocument } from '../../shared/model';
import { documentArbitrary } from './arbitraries';

function load(text: string): FaultlineDocument {
  const result = loadDocument(text);
  if (!result.ok) throw new Error(`generated document did not load:\n${result.errors.map((p) => `${p.path}: ${p.message}`).join('\n')}\n${text}`);
  return result.document;
}

/** Rebuilds a JSON value with every object's keys in a random order. */
function shuffleKeys(value: unknown, random: () => number): unknown {
  if (Array.isArray(value)) return value.map((item) => shuffleKeys(item, random));
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value);
  for (let index = entries.length - 1; index > 0; index--) {
    const other = Math.floor(random() * (index + 1));
    [entries[index], entries[other]] = [entries[other], entries[index]];
  }
  return Object.fromEntries(entries.map(([key, inner]) => [key, shuffleKeys(inner, random)]));
}

describe('save and load are inverse', () => {
  it('load(save(doc)) deep-equals doc for documents without explicit defaults', () => {
    fc.assert(
      fc.property(documentArbitrary({ explicitDefaults: false }), (doc) => {
        expect(load(saveDocument(doc))).toEqual(doc);
      }),
    );
  });

  it('save(load(text)) is a fixed point and keeps the meaning of documents with explicit defaults', () => {
    fc.assert(
      fc.property(documentArbitrary({ explicitDefaults: true }), (doc) => {
        const once = saveDocument(doc);
        const reloaded = load(once);
        expect(saveDocument(reloaded)).toBe(once);
        for (const id of Object.keys(doc.nodes)) expect(resolveNodeConfig(reloaded, id)).toEqual(resolveNodeConfig(doc, id));
        for (const id of Object.keys(doc.links)) expect(resolveLink(reloaded, id)).toEqual(resolveLink(doc, id));
        expect(reloaded.scenario).toEqual(doc.scenario.map(({ pause, ...event }) => (pause ? { ...event, pause } : event)));
      }),
    );
  });

  it('the canonical text does not depend on the key order of the file', () => {
    fc.assert(
      fc.property(documentArbitrary({ explicitDefaults: true }), fc.integer(), (doc, seed) => {
        const canonical = saveDocument(doc);
        let state = seed >>> 0 || 1;
        const random = () => {
          // xorshift: reproducible from fast-check's seed
          state ^= state << 13;
          state ^= state >>> 17;
          state ^= state << 5;
          return (state >>> 0) / 2 ** 32;
        };
        const scrambled = JSON.stringify(shuffleKeys(JSON.parse(canonical), random));
        expect(saveDocument(load(scrambled))).toBe(canonical);
      }),
    );
  });

  it('share codes round-trip', () => {
    fc.assert(
      fc.property(documentArbitrary({ explicitDefaults: false }), (doc) => {
        const result = decodeShareCode(encodeShareCode(doc));
        expect(result.ok && result.document).toEqual(doc);
      }),
      { numRuns: 30 },
    );
  });
});
