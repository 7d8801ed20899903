import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { copySelection } from '../../../renderer/editor/commands/clipboard';
import { CLIPBOARD_TITLE, clipboardText, parseClipboardText } from '../../../renderer/editor/commands/clipboardText';
import { loadDocument } from '../../../shared/model/load';
import { encodeShareCode } from '../../../shared/model/shareCode';
import { link, makeDocument, node } from './helpers';

const region = { id: 'eu', name: 'EU', x: 0, y: 0, w: 400, h: 300 };

describe('clipboard text', () => {
  it('is a .faultline document of just the copied records, and reads back as the same content', () => {
    const doc = makeDocument({
      regions: [region],
      nodes: [node('lb', 'lb', 20, 20), { ...node('app', 'app', 200, 20, { workers: 13 }), region: 'eu' }, node('db', 'db', 400, 20)],
      links: [link('lb', 'app'), link('app', 'db')],
    });
    const content = copySelection(doc, { nodes: ['lb', 'app'], links: [], regions: [] })!;
    const text = clipboardText(content);
    const asFile = loadDocument(text);
    expect(asFile.ok).toBe(true);
    if (!asFile.ok) return;
    expect(asFile.document.meta.title).toBe(CLIPBOARD_TITLE);
    expect(Object.keys(asFile.document.nodes)).toEqual(['lb', 'app']);
    // Only the link between copied nodes; the region was not copied, so the node is placed anew on paste.
    expect(Object.keys(asFile.document.links)).toEqual(['lb-app']);
    expect(asFile.document.nodes.app.region).toBeUndefined();

    const parsed = parseClipboardText(text);
    expect(parsed.kind).toBe('content');
    if (parsed.kind !== 'content') return;
    expect(parsed.content.nodes.map((n) => [n.id, n.kind, n.x, n.y])).toEqual([
      ['lb', 'lb', 20, 20],
      ['app', 'app', 200, 20],
    ]);
    expect(parsed.content.nodes[1].config).toEqual({ workers: 13 });
    expect(parsed.content.links.map((l) => [l.from, l.to])).toEqual([['lb', 'app']]);
  });

  it('keeps a copied region with its nodes', () => {
    const doc = makeDocument({ regions: [region], nodes: [{ ...node('app', 'app', 40, 40), region: 'eu' }] });
    const parsed = parseClipboardText(clipboardText(copySelection(doc, { nodes: [], links: [], regions: ['eu'] })!));
    if (parsed.kind !== 'content') throw new Error(parsed.kind);
    expect(parsed.content.regions.map((r) => r.id)).toEqual(['eu']);
    expect(parsed.content.nodes.map((n) => [n.id, n.region])).toEqual([['app', 'eu']]);
  });

  it('takes a whole .faultline file: all of its nodes', () => {
    const text = readFileSync('shared/examples/classic-web-stack.faultline', 'utf8');
    const parsed = parseClipboardText(text);
    if (parsed.kind !== 'content') throw new Error(parsed.kind);
    const file = loadDocument(text);
    if (!file.ok) throw new Error('example does not load');
    expect(parsed.content.nodes.map((n) => n.id)).toEqual(Object.keys(file.document.nodes));
  });

  it('leaves anything that is not Faultline content alone', () => {
    for (const text of ['', 'hello', 'https://example.org', '[1, 2]', '{"format": "other"}', '{ not json', '42']) {
      expect(parseClipboardText(text)).toEqual({ kind: 'foreign' });
    }
  });

  it('knows a share code, which opens as a whole sandbox, from a word that only looks like one', () => {
    const file = loadDocument(readFileSync('shared/examples/classic-web-stack.faultline', 'utf8'));
    if (!file.ok) throw new Error('example does not load');
    const code = encodeShareCode(file.document);
    expect(parseClipboardText(code)).toEqual({ kind: 'shareCode' });
    // Wrapped as mail and chat wrap it.
    expect(parseClipboardText(`  ${code.slice(0, 40)}\n  ${code.slice(40)}\n`)).toEqual({ kind: 'shareCode' });
    expect(parseClipboardText('Supercalifragilisticexpialidocious')).toEqual({ kind: 'foreign' });
    expect(parseClipboardText(code.slice(0, 60))).toEqual({ kind: 'foreign' });
  });

  it('counts every problem of broken content, also those past the listing limit', () => {
    const nodes = Array.from({ length: 1500 }, (_, index) => ({ id: `n${index}`, kind: 'teleporter', x: 0, y: 0 }));
    const parsed = parseClipboardText(JSON.stringify({ format: 'faultline', version: 1, nodes, links: [] }));
    expect(parsed.kind === 'invalid' && parsed.message).toMatch(/ \(and 1497 more\)$/);
  });

  it('refuses broken Faultline content and says why', () => {
    const broken = JSON.stringify({ format: 'faultline', version: 1, nodes: [{ id: 'x', kind: 'teleporter', x: 0, y: 0 }], links: [] });
    const parsed = parseClipboardText(broken);
    expect(parsed.kind).toBe('invalid');
    if (parsed.kind === 'invalid') expect(parsed.message).toMatch(/teleporter/);
    const empty = parseClipboardText(JSON.stringify({ format: 'faultline', version: 1, nodes: [], links: [] }));
    expect(empty).toEqual({ kind: 'invalid', message: 'it holds no nodes or regions' });
  });
});
