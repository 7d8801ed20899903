// Keys that reach Object.prototype when a parsed object is copied or merged carelessly must do
// nothing: not pollute, not change a record's prototype, not survive into saved files.
import { afterEach, describe, expect, it } from 'vitest';
import { decodeShareCode, encodeShareCode, loadDocument, mergeConfigPatch, resolveNodeConfig, saveDocument } from '../../../shared/model';
import { baseFile, expectLoaded } from './helpers';

const POISON = { polluted: 'yes' };

function fileWithPoison(): string {
  const file = baseFile();
  const poisoned = JSON.stringify(file)
    // JSON.parse turns each of these into an own property; careless copying turns them into trouble.
    .replace('"format":', `"__proto__": ${JSON.stringify(POISON)}, "constructor": {"prototype": ${JSON.stringify(POISON)}}, "format":`)
    .replace('"title":"Fixture"', `"title":"Fixture","__proto__": ${JSON.stringify(POISON)}`)
    .replace('{"id":"a1","kind":"app"', `{"id":"a1","kind":"app","config":{"__proto__":${JSON.stringify(POISON)},"workers":3,"prototype":{"x":1}}`);
  return poisoned;
}

afterEach(() => {
  // Clean up if a test failed after polluting, so that other tests are not affected.
  delete (Object.prototype as Record<string, unknown>).polluted;
});

describe('prototype-pollution keys', () => {
  it('fixture really contains the dangerous keys as own properties', () => {
    const parsed = JSON.parse(fileWithPoison());
    expect(Object.keys(parsed)).toContain('__proto__');
    expect(Object.keys(parsed.nodes[2].config)).toEqual(['__proto__', 'workers', 'prototype']);
  });

  it('are dropped with warnings and pollute nothing', () => {
    const result = loadDocument(fileWithPoison());
    const document = expectLoaded(result);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(document)).toBe(Object.prototype);
    expect(Object.getPrototypeOf(document.meta)).toBe(Object.prototype);
    expect(Object.getPrototypeOf(document.nodes.a1.config)).toBe(Object.prototype);
    expect((document as unknown as Record<string, unknown>).polluted).toBeUndefined();
    expect((document.nodes.a1.config as Record<string, unknown>).polluted).toBeUndefined();
    expect(document.nodes.a1.config).toEqual({ workers: 3 });
    expect(document.extras).toBeUndefined();
    expect(result.warnings.map((warning) => warning.path)).toEqual(['meta.__proto__', 'nodes[2].config.__proto__', 'nodes[2].config.prototype', '__proto__', 'constructor']);
    expect(result.warnings.every((warning) => warning.message === 'ignored: this key name is reserved')).toBe(true);
  });

  it('do not come back when the document is saved, resolved, merged or shared', () => {
    const document = expectLoaded(loadDocument(fileWithPoison()));
    const saved = saveDocument(document);
    expect(saved).not.toMatch(/__proto__|"constructor"|"prototype"|polluted/);
    resolveNodeConfig(document, 'a1');
    const patch = JSON.parse(`{"__proto__": ${JSON.stringify(POISON)}, "workers": 2}`);
    const merged = mergeConfigPatch('app', document.nodes.a1.config, patch);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(merged)).toBe(Object.prototype);
    expect(decodeShareCode(encodeShareCode(document)).ok).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('are never written even when a program puts them into extras', () => {
    const document = expectLoaded(loadDocument(JSON.stringify(baseFile())));
    document.extras = Object.fromEntries([['__proto__', POISON], ['constructor', 1], ['fine', 2]]);
    const saved = JSON.parse(saveDocument(document));
    expect(Object.keys(saved)).not.toContain('__proto__');
    expect(Object.keys(saved)).not.toContain('constructor');
    expect(saved.fine).toBe(2);
  });
});
