import { describe, expect, it } from 'vitest';
import {
  loadDocument,
  mergeConfigPatch,
  NODE_KINDS,
  normalizeDistribution,
  regionDelayMs,
  resolveLink,
  resolveNode,
  resolveAllNodes,
  resolveNodeConfig,
  type ConfigByKind,
  type FaultlineDocument,
  type NodeKind,
} from '../../../shared/model';
import { expectLoaded } from './helpers';

const HEALTH_CHECK = { enabled: true, intervalMs: 1000, timeoutMs: 500, unhealthyAfter: 3, healthyAfter: 2 };

/** DESIGN §3's table, typed out by hand: the resolved config of a node with an empty config. */
const TABLE_DEFAULTS: ConfigByKind = {
  client: {
    rps: 100,
    arrival: 'poisson',
    users: 1000,
    writeRatio: 0.1,
    staticRatio: 0,
    keys: { count: 1000, distribution: 'uniform', zipfS: 1 },
    timeoutMs: 1000,
    retries: 0,
    retryBackoffMs: 100,
  },
  dns: { ttlS: 60, policy: 'round-robin', serviceMs: { dist: 'const', mean: 1 }, healthCheck: HEALTH_CHECK },
  cdn: { mode: 'pull', capacity: 10000, ttlS: 300, hitMs: 2 },
  lb: {
    algorithm: 'round-robin',
    layer: 7,
    sticky: false,
    serviceMs: { dist: 'const', mean: 0.5 },
    maxConnections: 10000,
    healthCheck: HEALTH_CHECK,
    ha: null,
  },
  proxy: {
    serviceMs: { dist: 'const', mean: 0.2 },
    tlsMs: 0,
    cache: { capacity: 0, ttlS: 60 },
    rateLimit: { rps: 0, burst: 0, per: 'user' },
    maxConnections: 10000,
  },
  app: {
    workers: 8,
    queueLimit: 100,
    serviceMs: { dist: 'exp', mean: 5 },
    cachePolicy: 'none',
    readFromReplicas: true,
    downstreamTimeoutMs: 500,
    sessions: 'stateless',
    publishRatio: 0,
  },
  cache: { capacity: 1000, eviction: 'lru', ttlS: 0, serviceMs: { dist: 'const', mean: 0.5 } },
  db: {
    role: 'primary',
    replication: 'async',
    readMs: { dist: 'exp', mean: 5 },
    writeMs: { dist: 'exp', mean: 10 },
    applyMs: 1,
    connections: 100,
    queueLimit: 1000,
    failover: { auto: true, detectMs: 5000 },
  },
  'shard-router': { scheme: 'hash', vnodes: 100, serviceMs: { dist: 'const', mean: 0.2 } },
  queue: { capacity: 10000, durable: true, visibilityTimeoutMs: 30000, maxReceives: 5 },
  worker: { workers: 4, serviceMs: { dist: 'exp', mean: 50 }, failureRate: 0 },
};

interface Spec {
  regions?: { id: string }[];
  nodes: { id: string; kind: NodeKind; region?: string; config?: Record<string, unknown> }[];
  links?: { id: string; from: string; to: string; kind?: string; latencyMs?: number; jitterMs?: number; lossRate?: number; bandwidthMbps?: number; weight?: number }[];
  network?: Record<string, unknown>;
}

function documentOf(spec: Spec): FaultlineDocument {
  return expectLoaded(
    loadDocument(
      JSON.stringify({
        format: 'faultline',
        version: 1,
        network: spec.network,
        regions: (spec.regions ?? []).map((region) => ({ name: region.id, x: 0, y: 0, w: 10, h: 10, ...region })),
        nodes: spec.nodes.map((node) => ({ x: 0, y: 0, ...node })),
        links: spec.links ?? [],
      }),
    ),
  );
}

describe('resolveNodeConfig', () => {
  it.each(NODE_KINDS)('gives a bare %s the defaults of DESIGN §3', (kind) => {
    const document = documentOf({ nodes: [{ id: 'n', kind }] });
    expect(resolveNodeConfig(document, 'n')).toEqual(TABLE_DEFAULTS[kind]);
  });

  it('keeps given values, nested ones too, and drops unknown keys', () => {
    const document = documentOf({ nodes: [{ id: 'c', kind: 'client', config: { rps: 250, keys: { distribution: 'zipf' }, extra: 1, mtbfS: 3600, mttrS: 60 } }] });
    expect(resolveNodeConfig(document, 'c')).toEqual({
      ...TABLE_DEFAULTS.client,
      rps: 250,
      keys: { count: 1000, distribution: 'zipf', zipfS: 1 },
      mtbfS: 3600,
      mttrS: 60,
    });
  });

  it('normalises number shorthand to a constant distribution', () => {
    const document = documentOf({ nodes: [{ id: 'a', kind: 'app', config: { serviceMs: 12 } }] });
    expect(resolveNodeConfig(document, 'a')).toMatchObject({ serviceMs: { dist: 'const', mean: 12 } });
  });

  it('gives a lognormal without sigma the default sigma', () => {
    expect(normalizeDistribution({ dist: 'lognormal', mean: 5 })).toEqual({ dist: 'lognormal', mean: 5, sigma: 0.5 });
    expect(normalizeDistribution({ dist: 'exp', mean: 5 })).toEqual({ dist: 'exp', mean: 5 });
  });

  it('defaults an app to cache-aside only when it links to a cache', () => {
    const document = documentOf({
      nodes: [
        { id: 'a', kind: 'app' },
        { id: 'b', kind: 'app' },
        { id: 'k', kind: 'cache' },
      ],
      links: [
        { id: 'ak', from: 'a', to: 'k' },
        { id: 'kb', from: 'k', to: 'b' }, // an incoming link from a cache is not "linking to a cache"
      ],
    });
    expect(resolveNodeConfig(document, 'a')).toMatchObject({ cachePolicy: 'cache-aside' });
    expect(resolveNodeConfig(document, 'b')).toMatchObject({ cachePolicy: 'none' });
  });

  it('keeps an explicit cache policy whatever is linked', () => {
    const document = documentOf({ nodes: [{ id: 'a', kind: 'app', config: { cachePolicy: 'write-through' } }] });
    expect(resolveNodeConfig(document, 'a')).toMatchObject({ cachePolicy: 'write-through' });
  });

  it('defaults publishRatio to 1 when an app links to a queue', () => {
    const document = documentOf({
      nodes: [
        { id: 'a', kind: 'app' },
        { id: 'q', kind: 'queue' },
        { id: 'b', kind: 'app', config: { publishRatio: 0.25 } },
      ],
      links: [
        { id: 'aq', from: 'a', to: 'q' },
        { id: 'bq', from: 'b', to: 'q' },
      ],
    });
    expect(resolveNodeConfig(document, 'a')).toMatchObject({ publishRatio: 1 });
    expect(resolveNodeConfig(document, 'b')).toMatchObject({ publishRatio: 0.25 });
  });

  it('gives an lb the service time of its layer unless one is set', () => {
    const document = documentOf({
      nodes: [
        { id: 'l4', kind: 'lb', config: { layer: 4 } },
        { id: 'l7', kind: 'lb', config: { layer: 7 } },
        { id: 'set', kind: 'lb', config: { layer: 4, serviceMs: { dist: 'exp', mean: 1 } } },
      ],
    });
    expect(resolveNodeConfig(document, 'l4')).toMatchObject({ serviceMs: { dist: 'const', mean: 0.05 } });
    expect(resolveNodeConfig(document, 'l7')).toMatchObject({ serviceMs: { dist: 'const', mean: 0.5 } });
    expect(resolveNodeConfig(document, 'set')).toMatchObject({ serviceMs: { dist: 'exp', mean: 1 } });
  });

  it("defaults a proxy's burst to its rate", () => {
    const document = documentOf({
      nodes: [
        { id: 'p', kind: 'proxy', config: { rateLimit: { rps: 40 } } },
        { id: 'q', kind: 'proxy', config: { rateLimit: { rps: 40, burst: 5 } } },
      ],
    });
    expect(resolveNodeConfig(document, 'p')).toMatchObject({ rateLimit: { rps: 40, burst: 40, per: 'user' } });
    expect(resolveNodeConfig(document, 'q')).toMatchObject({ rateLimit: { rps: 40, burst: 5, per: 'user' } });
  });

  it('resolves an lb ha pair with its defaults', () => {
    const document = documentOf({ nodes: [{ id: 'a', kind: 'lb', config: { ha: { peer: 'b' } } }, { id: 'b', kind: 'lb' }] });
    expect(resolveNodeConfig(document, 'a')).toMatchObject({ ha: { peer: 'b', heartbeatMs: 500, deadAfter: 3 } });
  });

  it('falls back to defaults for values an editor left invalid', () => {
    const document = documentOf({ nodes: [{ id: 'a', kind: 'app' }] });
    document.nodes.a.config = { workers: -3, serviceMs: 'fast', sessions: 'local' };
    expect(resolveNodeConfig(document, 'a')).toMatchObject({ workers: 8, serviceMs: { dist: 'exp', mean: 5 }, sessions: 'local' });
  });

  it('returns fresh objects that callers may mutate', () => {
    const document = documentOf({ nodes: [{ id: 'd', kind: 'dns' }] });
    const first = resolveNodeConfig(document, 'd') as ConfigByKind['dns'];
    first.healthCheck.intervalMs = 1;
    first.serviceMs.mean = 99;
    expect(resolveNodeConfig(document, 'd')).toEqual(TABLE_DEFAULTS.dns);
  });

  it('throws for an unknown node, including Object.prototype member names', () => {
    const document = documentOf({ nodes: [] });
    expect(() => resolveNodeConfig(document, 'nope')).toThrow('no node "nope"');
    expect(() => resolveNodeConfig(document, 'constructor')).toThrow('no node "constructor"');
  });

  it('resolveNode carries kind, name and region for narrowing', () => {
    const document = documentOf({ regions: [{ id: 'r' }], nodes: [{ id: 'q', kind: 'queue', region: 'r' }] });
    const node = resolveNode(document, 'q');
    expect(node).toEqual({ id: 'q', kind: 'queue', region: 'r', config: TABLE_DEFAULTS.queue });
    if (node.kind === 'queue') expect(node.config.durable).toBe(true);
  });
});

describe('mergeConfigPatch', () => {
  it('merges nested config objects one level and replaces everything else', () => {
    const merged = mergeConfigPatch('client', { rps: 10, keys: { count: 50, distribution: 'zipf' } }, { rps: 800, keys: { count: 10 } });
    expect(merged).toEqual({ rps: 800, keys: { count: 10, distribution: 'zipf' } });
  });

  it('replaces distributions whole', () => {
    expect(mergeConfigPatch('app', { serviceMs: { dist: 'lognormal', mean: 5, sigma: 1 } }, { serviceMs: { dist: 'exp', mean: 2 } })).toEqual({ serviceMs: { dist: 'exp', mean: 2 } });
  });
});

describe('resolveLink', () => {
  const spec: Spec = {
    regions: [{ id: 'us' }, { id: 'eu' }, { id: 'ap' }],
    network: { intraRegionMs: 0.3, interRegionMs: 90, matrix: [{ from: 'eu', to: 'us', ms: 80 }] },
    nodes: [
      { id: 'us1', kind: 'app', region: 'us' },
      { id: 'us2', kind: 'app', region: 'us' },
      { id: 'eu1', kind: 'app', region: 'eu' },
      { id: 'ap1', kind: 'app', region: 'ap' },
      { id: 'free1', kind: 'app' },
      { id: 'free2', kind: 'app' },
    ],
    links: [
      { id: 'same', from: 'us1', to: 'us2' },
      { id: 'matrix', from: 'us1', to: 'eu1' },
      { id: 'noEntry', from: 'us1', to: 'ap1' },
      { id: 'bothNone', from: 'free1', to: 'free2' },
      { id: 'oneNone', from: 'free1', to: 'us1' },
      { id: 'explicit', from: 'eu1', to: 'us1', latencyMs: 3, jitterMs: 1, lossRate: 0.01, bandwidthMbps: 100, weight: 2 },
    ],
  };

  it('fills every default', () => {
    expect(resolveLink(documentOf(spec), 'same')).toEqual({
      id: 'same',
      from: 'us1',
      to: 'us2',
      kind: 'traffic',
      latencyMs: 0.3,
      jitterMs: 0,
      lossRate: 0,
      bandwidthMbps: Infinity,
      weight: 1,
    });
  });

  it.each([
    ['same', 0.3],
    ['matrix', 80], // entry written eu → us, link goes us → eu: entries apply both ways
    ['noEntry', 90],
    ['bothNone', 0.3],
    ['oneNone', 90],
    ['explicit', 3],
  ])('latency of %s is %s ms', (linkId, latencyMs) => {
    expect(resolveLink(documentOf(spec), linkId).latencyMs).toBe(latencyMs);
  });

  it('keeps explicit fields', () => {
    expect(resolveLink(documentOf(spec), 'explicit')).toMatchObject({ jitterMs: 1, lossRate: 0.01, bandwidthMbps: 100, weight: 2 });
  });

  it('uses the file defaults of 0.5 and 75 ms when no network is given', () => {
    const document = documentOf({ ...spec, network: undefined });
    expect(resolveLink(document, 'same').latencyMs).toBe(0.5);
    expect(resolveLink(document, 'noEntry').latencyMs).toBe(75);
    expect(regionDelayMs(document, 'us', 'eu')).toBe(75);
  });

  it('throws for an unknown link', () => {
    expect(() => resolveLink(documentOf(spec), 'nope')).toThrow('no link "nope"');
  });
});

describe('resolveAllNodes', () => {
  it('agrees with resolveNode for every node of the default sandbox', async () => {
    const { readFileSync } = await import('node:fs');
    const text = readFileSync(new URL('../../../shared/examples/classic-web-stack.faultline', import.meta.url), 'utf8');
    const document = expectLoaded(loadDocument(text));
    const all = resolveAllNodes(document);
    expect([...all.keys()]).toEqual(Object.keys(document.nodes));
    for (const id of Object.keys(document.nodes)) expect(all.get(id)).toEqual(resolveNode(document, id));
  });
});
