import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BUILTIN_EXAMPLES, DEFAULT_SANDBOX_ID } from '../../../shared/examples';
import { loadDocument, resolveLink, resolveNodeConfig, saveDocument } from '../../../shared/model';
import { expectLoaded } from './helpers';

const EXAMPLES = fileURLToPath(new URL('../../../shared/examples/', import.meta.url));
const read = (file: string) => readFileSync(`${EXAMPLES}${file}`, 'utf8');

describe('built-in examples', () => {
  it('lists every .faultline file in shared/examples and nothing else', () => {
    const files = readdirSync(EXAMPLES).filter((name) => name.endsWith('.faultline'));
    expect(BUILTIN_EXAMPLES.map((example) => example.file).sort()).toEqual(files.sort());
    expect(BUILTIN_EXAMPLES.some((example) => example.id === DEFAULT_SANDBOX_ID)).toBe(true);
  });

  it.each(BUILTIN_EXAMPLES)('$file loads without warnings, has its title, and is saved in canonical form', ({ file, title }) => {
    const text = read(file);
    const result = loadDocument(text);
    const document = expectLoaded(result);
    expect(result.warnings).toEqual([]);
    expect(document.meta.title).toBe(title);
    expect(saveDocument(document)).toBe(text);
  });
});

describe('the default sandbox (classic web stack)', () => {
  const document = expectLoaded(loadDocument(read('classic-web-stack.faultline')));
  const kinds = Object.values(document.nodes).map((node) => node.kind);
  const linksFrom = (id: string) => Object.values(document.links).filter((link) => link.from === id);

  it('has two regions that do not overlap', () => {
    const [a, b] = Object.values(document.regions);
    expect(Object.keys(document.regions)).toHaveLength(2);
    const overlap = a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
    expect(overlap).toBe(false);
  });

  it('puts every node card inside its region and no two cards on top of each other', () => {
    const nodes = Object.values(document.nodes);
    for (const node of nodes) {
      const region = document.regions[node.region!];
      expect(node.x >= region.x && node.x + 140 <= region.x + region.w && node.y >= region.y && node.y + 64 <= region.y + region.h, node.id).toBe(true);
    }
    for (const [index, a] of nodes.entries()) {
      for (const b of nodes.slice(index + 1)) {
        const apart = Math.abs(a.x - b.x) >= 140 + 40 || Math.abs(a.y - b.y) >= 64 + 40;
        expect(apart, `${a.id} and ${b.id} overlap`).toBe(true);
      }
    }
  });

  it('has the stack of the brief', () => {
    expect(kinds.filter((kind) => kind === 'client')).toHaveLength(2);
    expect(kinds.filter((kind) => kind === 'app')).toHaveLength(3);
    for (const kind of ['dns', 'cdn', 'lb', 'cache'] as const) expect(kinds.filter((k) => k === kind)).toHaveLength(1);
    const dbs = Object.values(document.nodes).filter((node) => node.kind === 'db');
    expect(dbs.map((db) => resolveNodeConfig(document, db.id)).map((config) => ('role' in config ? config.role : undefined)).sort()).toEqual(['primary', 'replica', 'replica']);
    expect(Object.values(document.links).filter((link) => link.kind === 'replication')).toHaveLength(2);
  });

  it('wires clients to DNS, CDN and the load balancer, and DNS to the load balancer', () => {
    const lb = Object.values(document.nodes).find((node) => node.kind === 'lb')!;
    for (const client of Object.values(document.nodes).filter((node) => node.kind === 'client')) {
      const targets = linksFrom(client.id).map((link) => document.nodes[link.to].kind).sort();
      expect(targets).toEqual(['cdn', 'dns', 'lb']);
      expect(resolveNodeConfig(document, client.id)).toMatchObject({ staticRatio: 0.3 });
    }
    const dns = Object.values(document.nodes).find((node) => node.kind === 'dns')!;
    expect(linksFrom(dns.id).map((link) => link.to)).toEqual([lb.id]);
    for (const app of Object.values(document.nodes).filter((node) => node.kind === 'app')) {
      expect(resolveNodeConfig(document, app.id)).toMatchObject({ cachePolicy: 'cache-aside' });
    }
  });

  it('lays out data flow left to right', () => {
    for (const link of Object.values(document.links)) {
      if (link.kind === 'traffic') expect(document.nodes[link.to].x, link.id).toBeGreaterThan(document.nodes[link.from].x);
    }
  });

  it('crosses regions with the inter-region delay', () => {
    const crossing = Object.values(document.links).find((link) => document.nodes[link.from].region !== document.nodes[link.to].region)!;
    expect(resolveLink(document, crossing.id).latencyMs).toBe(75);
  });

  it('tells a story: a crash with a note at 20 s, a restart at 40 s, and two checks', () => {
    expect(document.scenario).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ atS: 20, action: 'crash', target: 'app2', note: expect.any(String) }),
        expect.objectContaining({ atS: 40, action: 'restart', target: 'app2' }),
      ]),
    );
    expect(document.checks).toEqual([
      expect.objectContaining({ metric: 'availability', op: '>', value: 0.95 }),
      expect.objectContaining({ metric: 'latency.p99', op: '<', value: 500 }),
    ]);
  });
});
