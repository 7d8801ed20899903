import { describe, expect, it } from 'vitest';
import { loadDocument } from '../../../shared/model/load';
import { lintDocument, trafficCycles } from '../../../shared/model/lint/lintDocument';
import { saveDocument } from '../../../shared/model/save';
import defaultSandbox from '../../../shared/examples/classic-web-stack.faultline?raw';
import { link, makeDocument, node } from './helpers';

function rules(doc: Parameters<typeof lintDocument>[0]) {
  return lintDocument(doc).map((finding) => [finding.rule, finding.nodes]);
}

describe('design lint', () => {
  it('finds nothing wrong with the default sandbox', () => {
    const loaded = loadDocument(defaultSandbox);
    if (!loaded.ok) throw new Error('default sandbox must load');
    expect(lintDocument(loaded.document)).toEqual([]);
  });

  it('reports nodes no client can reach, following replication both ways', () => {
    const doc = makeDocument({
      nodes: [node('c', 'client'), node('a', 'app'), node('p', 'db'), node('r', 'db', 0, 0, { role: 'replica' }), node('lost', 'app')],
      links: [link('c', 'a'), link('a', 'r'), link('p', 'r', 'replication')],
    });
    expect(rules(doc)).toEqual([['unreachable', ['lost']]]);
  });

  it('reports a DNS answer the asking client has no link to, naming both', () => {
    const doc = makeDocument({
      nodes: [node('c1', 'client'), node('dns', 'dns'), node('lb1', 'lb'), node('lb2', 'lb'), node('a', 'app')],
      links: [link('c1', 'dns'), link('c1', 'lb1'), link('dns', 'lb1'), link('dns', 'lb2'), link('lb1', 'a'), link('lb2', 'a')],
    });
    const findings = lintDocument(doc);
    expect(findings.map((finding) => finding.rule)).toEqual(['dns-answer-without-link']);
    expect(findings[0].message).toBe('c1 can be answered lb2 by dns but has no link to it.');
    expect(findings[0].nodes).toEqual(['c1', 'lb2']);
  });

  it('names nodes that read the same, by name or by the id of a node without one', () => {
    const doc = makeDocument({
      nodes: [node('c', 'client'), node('a1', 'app'), node('a2', 'app'), node('a3', 'app'), node('db', 'db'), { ...node('x', 'cache'), name: 'db' }],
      links: [link('c', 'a1'), link('c', 'a2'), link('c', 'a3'), link('a1', 'db'), link('a2', 'db'), link('a3', 'db'), link('a1', 'x')],
    });
    doc.nodes.a1.name = 'App';
    doc.nodes.a3.name = 'App';
    const findings = lintDocument(doc).filter((finding) => finding.rule === 'duplicate-name');
    expect(findings.map((finding) => finding.nodes)).toEqual([['a1', 'a3'], ['db', 'x']]);
    expect(findings[0].message).toBe('2 nodes are named "App" (a1, a3): rename them so menus, the log and charts can tell them apart.');
  });

  it('reports an app set to publish jobs with no queue linked, and not one with a queue or with the ratio unset', () => {
    const nodes = [node('c', 'client'), { ...node('a', 'app', 0, 0, { publishRatio: 0.25 }), name: 'Orders' }, node('d', 'db'), node('q', 'queue'), node('w', 'worker')];
    // The queue and its worker are there, fed by nobody: only the missing link is said (besides them being unreachable).
    const doc = makeDocument({ nodes, links: [link('c', 'a'), link('a', 'd'), link('q', 'w'), link('w', 'd')] });
    expect(rules(doc).filter(([rule]) => rule !== 'unreachable')).toEqual([['publish-without-queue', ['a']]]);
    const findings = lintDocument(doc).filter((finding) => finding.rule === 'publish-without-queue');
    expect(findings[0].message).toBe('Orders publishes 25 % of its writes as jobs but links to no queue: nothing is published. Link it to a queue, or leave Publish ratio unset.');
    expect(rules(makeDocument({ nodes, links: [link('c', 'a'), link('a', 'd'), link('a', 'q'), link('q', 'w'), link('w', 'd')] }))).toEqual([]);
    const unset = [node('c', 'client'), node('a', 'app'), node('d', 'db')];
    expect(rules(makeDocument({ nodes: unset, links: [link('c', 'a'), link('a', 'd')] }))).toEqual([]);
  });

  it('reports a load balancer without backends', () => {
    const doc = makeDocument({ nodes: [node('c', 'client'), node('lb', 'lb')], links: [link('c', 'lb')] });
    expect(rules(doc)).toEqual([['lb-without-backends', ['lb']]]);
  });

  it('reports a replica whose cluster has no primary, and not one that has', () => {
    const doc = makeDocument({
      // The app reads only from what it links to (not r3): readFromReplicas off keeps this test to one rule.
      nodes: [node('c', 'client'), node('a', 'app', 0, 0, { readFromReplicas: false }), node('r1', 'db', 0, 0, { role: 'replica' }), node('r2', 'db', 0, 0, { role: 'replica' }), node('p', 'db'), node('r3', 'db', 0, 0, { role: 'replica' })],
      links: [link('c', 'a'), link('a', 'r1'), link('a', 'p'), link('r1', 'r2', 'replication'), link('p', 'r3', 'replication')],
    });
    expect(rules(doc)).toEqual([
      ['replica-without-primary', ['r1']],
      ['replica-without-primary', ['r2']],
    ]);
  });

  it('reports an app that reads from replicas but links to none of its cluster\'s, naming them', () => {
    const nodes = [node('c', 'client'), node('a', 'app'), node('p', 'db'), { ...node('r', 'db', 0, 0, { role: 'replica' }), name: 'Replica DB' }];
    const doc = makeDocument({ nodes, links: [link('c', 'a'), link('a', 'p'), link('p', 'r', 'replication')] });
    expect(rules(doc)).toEqual([['replica-reads-without-link', ['a', 'r']]]);
    expect(lintDocument(doc)[0].message).toContain('Replica DB');
    // Linked to the replica, or reading from the primary on purpose: nothing to say.
    expect(rules(makeDocument({ nodes, links: [link('c', 'a'), link('a', 'p'), link('a', 'r'), link('p', 'r', 'replication')] }))).toEqual([]);
    expect(lintDocument(doc)[0].message).toContain('the promoted replica gets none of its requests');
  });

  it('reports an app or worker linked to a primary but to none of the replicas a failover would promote', () => {
    // A teacher's failover lesson: app → Primary → Replica. At the crash the replica is promoted,
    // and the app, with no link to it, fails every request until the primary is back.
    const nodes = [node('c', 'client'), node('a', 'app', 0, 0, { readFromReplicas: false }), { ...node('p', 'db'), name: 'Primary' }, { ...node('r', 'db', 0, 0, { role: 'replica' }), name: 'Replica' }];
    const crashing = (built: ReturnType<typeof makeDocument>) => ({ ...built, scenario: [{ atS: 10, action: 'crash' as const, target: 'p' }] });
    const doc = crashing(makeDocument({ nodes, links: [link('c', 'a'), link('a', 'p'), link('p', 'r', 'replication')] }));
    expect(rules(doc)).toEqual([['failover-without-link', ['a', 'r']]]);
    // Without a crash of the primary (scripted, or mtbfS) it never fails over: nothing to say.
    expect(rules(makeDocument({ nodes, links: [link('c', 'a'), link('a', 'p'), link('p', 'r', 'replication')] }))).toEqual([]);
    expect(lintDocument(doc)[0].message).toContain('if Primary fails, the replica promoted in its place gets none of');
    // Linked to the replica too, or with failover off: nothing to say.
    expect(rules(crashing(makeDocument({ nodes, links: [link('c', 'a'), link('a', 'p'), link('a', 'r'), link('p', 'r', 'replication')] })))).toEqual([]);
    const manual = nodes.map((n) => (n.id === 'p' ? { ...n, config: { failover: { auto: false } } } : n));
    expect(rules(crashing(makeDocument({ nodes: manual, links: [link('c', 'a'), link('a', 'p'), link('p', 'r', 'replication')] })))).toEqual([]);
    // A worker writing to the primary alone, behind a queue.
    const workerNodes = [node('c', 'client'), node('a', 'app', 0, 0, { readFromReplicas: false }), node('q', 'queue'), node('w', 'worker'), node('p', 'db'), node('r', 'db', 0, 0, { role: 'replica' })];
    const workerDoc = crashing(makeDocument({ nodes: workerNodes, links: [link('c', 'a'), link('a', 'q'), link('q', 'w'), link('a', 'p'), link('a', 'r'), link('w', 'p'), link('p', 'r', 'replication')] }));
    expect(rules(workerDoc)).toEqual([['failover-without-link', ['w', 'r']]]);
  });

  it('reports a primary another primary replicates to one way, but not master-master', () => {
    const nodes = [node('c', 'client'), node('a', 'app', 0, 0, { readFromReplicas: false }), node('p', 'db'), node('q', 'db')];
    const oneWay = makeDocument({ nodes, links: [link('c', 'a'), link('a', 'p'), link('p', 'q', 'replication')] });
    expect(rules(oneWay)).toEqual([['primary-fed-one-way', ['q', 'p']]]);
    const bothWays = makeDocument({ nodes, links: [link('c', 'a'), link('a', 'p'), link('p', 'q', 'replication'), link('q', 'p', 'replication')] });
    expect(rules(bothWays)).toEqual([]);
  });

  it('reports a cycle of app calls once, with its links', () => {
    const doc = makeDocument({
      nodes: [node('c', 'client'), node('a', 'app'), node('b', 'app'), node('d', 'app')],
      links: [link('c', 'a'), link('a', 'b'), link('b', 'd'), link('d', 'a')],
    });
    const findings = lintDocument(doc);
    expect(findings).toHaveLength(1);
    expect(findings[0].rule).toBe('traffic-cycle');
    expect(findings[0].message).toBe('Requests go round in a cycle: a → b → d → a; each is passed on until it times out.');
    expect(findings[0].links).toEqual(['a-b', 'b-d', 'd-a']);
  });

  it('follows a chain of thousands of apps without running out of stack, and finds the cycle at its end', () => {
    // The search was recursive: a chain of ~4,000 apps overflowed the call stack, and the CLI said "internal error".
    const count = 20_000;
    const apps = Array.from({ length: count }, (_, i) => node(`a${i}`, 'app'));
    const chain = apps.slice(1).map((app, i) => link(`a${i}`, app.id));
    const doc = makeDocument({ nodes: [node('c', 'client'), ...apps], links: [link('c', 'a0'), ...chain, link(`a${count - 1}`, `a${count - 3}`)] });
    const cycles = trafficCycles(doc);
    expect(cycles.map((finding) => finding.links)).toEqual([[`a${count - 3}-a${count - 2}`, `a${count - 2}-a${count - 1}`, `a${count - 1}-a${count - 3}`]]);
  });

  it('reports a cycle through load balancers too (two pointing at each other ran at 0 % with no word), not a DNS answer', () => {
    const lbs = makeDocument({
      nodes: [node('c', 'client'), node('l1', 'lb'), node('l2', 'lb'), node('a', 'app')],
      links: [link('c', 'l1'), link('l1', 'l2'), link('l2', 'l1'), link('l2', 'a')],
    });
    expect(rules(lbs)).toEqual([['traffic-cycle', ['l1', 'l2']]]);
    // The default sandbox (DNS answers, a CDN, a load balancer, apps, a cache, replicas) has none.
    const classic = loadDocument(defaultSandbox);
    expect(classic.ok && lintDocument(classic.document).filter((finding) => finding.rule === 'traffic-cycle')).toEqual([]);
  });

  it('reports a cache nobody uses (once, not also as unreachable)', () => {
    const doc = makeDocument({ nodes: [node('c', 'client'), node('a', 'app'), node('k', 'cache')], links: [link('c', 'a')] });
    expect(rules(doc)).toEqual([['unused-cache', ['k']]]);
  });

  it('reports a node linked to both halves of a load balancer HA pair (the standby then takes half its requests)', () => {
    const doc = makeDocument({
      nodes: [node('c', 'client'), { ...node('lb1', 'lb'), config: { ha: { peer: 'lb2' } } }, node('lb2', 'lb'), node('a', 'app')],
      links: [link('c', 'lb1'), link('c', 'lb2'), link('lb1', 'a'), link('lb2', 'a')],
    });
    expect(lintDocument(doc).map((finding) => [finding.rule, finding.nodes, finding.links, finding.message])).toEqual([
      [
        'ha-standby-linked',
        ['c', 'lb2'],
        ['c-lb2'],
        'c links to both lb1 and its standby lb2: an HA pair is reached through its active half, which holds the address (lb2 takes it over if lb1 dies), so linked to both, c sends the standby half its requests. Link it to lb1 only.',
      ],
    ]);
    const { 'c-lb2': _toStandby, ...links } = doc.links;
    expect(lintDocument({ ...doc, links })).toEqual([]);
  });

  it('reports an app reading through a cache with no database behind it (misses answered without data)', () => {
    const doc = makeDocument({ nodes: [node('c', 'client'), node('a', 'app'), node('k', 'cache')], links: [link('c', 'a'), link('a', 'k')] });
    expect(lintDocument(doc).map((finding) => [finding.rule, finding.nodes, finding.message])).toEqual([
      ['cache-without-store', ['a', 'k'], 'a reads through k with no database behind it: a miss has nothing to load the key from and is answered without data, so only writes fill the cache. Link a to a database or shard router.'],
    ]);
    const withDatabase = makeDocument({ nodes: [node('c', 'client'), node('a', 'app'), node('k', 'cache'), node('d', 'db')], links: [link('c', 'a'), link('a', 'k'), link('a', 'd')] });
    expect(lintDocument(withDatabase)).toEqual([]);
    const notReadThrough = makeDocument({ nodes: [node('c', 'client'), { ...node('a', 'app'), config: { cachePolicy: 'none' } }, node('k', 'cache')], links: [link('c', 'a'), link('a', 'k')] });
    expect(lintDocument(notReadThrough).map((finding) => finding.rule)).not.toContain('cache-without-store');
  });

  it('reports a push CDN whose capacity is below the keys its clients ask for (push holds them all)', () => {
    const design = (mode: string, capacity: number) =>
      makeDocument({
        nodes: [node('c', 'client', 0, 0, { staticRatio: 0.5, keys: { count: 5000 } }), node('edge', 'cdn', 0, 0, { mode, capacity }), node('a', 'app')],
        links: [link('c', 'edge'), link('c', 'a'), link('edge', 'a')],
      });
    expect(lintDocument(design('push', 1000)).map((finding) => [finding.rule, finding.nodes, finding.message])).toEqual([
      ['push-cdn-capacity', ['edge'], 'edge is a push CDN, so it holds all 5,000 keys its clients ask for: its capacity of 1,000 keys does not limit it. Switch it to pull to see an edge that keeps only what fits.'],
    ]);
    expect(lintDocument(design('push', 5000))).toEqual([]);
    expect(lintDocument(design('pull', 1000))).toEqual([]);
  });

  it('reports a rate limit with a burst under one token (it runs as 1), and not one that is off', () => {
    const design = (rateLimit: Record<string, unknown>) =>
      makeDocument({ nodes: [node('c', 'client'), node('px', 'proxy', 0, 0, { rateLimit }), node('a', 'app')], links: [link('c', 'px'), link('px', 'a')] });
    expect(lintDocument(design({ rps: 50, burst: 0 })).map((finding) => [finding.rule, finding.nodes, finding.message])).toEqual([
      ['rate-limit-burst-below-one', ['px'], "px's rate limit has a burst of 0: a bucket that cannot hold one token would refuse every request, so it runs with a burst of 1."],
    ]);
    expect(lintDocument(design({ rps: 50, burst: 1 }))).toEqual([]);
    expect(lintDocument(design({ rps: 0, burst: 0 }))).toEqual([]);
  });

  it('reports scenario events at or after the end of the run (after Duration is lowered), naming what they hit', () => {
    const doc = makeDocument({
      nodes: [node('c', 'client'), node('app2', 'app', 0, 0), node('a', 'app')],
      links: [link('c', 'app2'), link('c', 'a')],
    });
    doc.nodes.app2.name = 'App 2';
    doc.durationS = 5;
    doc.scenario = [
      { atS: 1, action: 'crash', target: 'a' },
      // Injected live: kept to a fraction of a millisecond for replay, said to the millisecond.
      { atS: 40.0010009765625, action: 'crash', target: 'app2' },
      { atS: 5, action: 'cut', target: 'c-a' },
      { atS: 4.999, action: 'restart', target: 'a' },
      { atS: 30, action: 'note', note: 'too late' },
    ];
    const findings = lintDocument(doc);
    expect(findings.map((finding) => finding.message)).toEqual([
      "The crash of App 2 at 40.001 s is after the run's end (5 s): it never happens.",
      "The cut of c → a at 5 s is at the run's end (5 s): it never happens.",
      "The note at 30 s is after the run's end (5 s): it never happens.",
    ]);
    expect(findings.map((finding) => [finding.rule, finding.nodes, finding.links])).toEqual([
      ['event-after-end', ['app2'], []],
      ['event-after-end', [], ['c-a']],
      ['event-after-end', [], []],
    ]);
    doc.durationS = 60;
    expect(lintDocument({ ...doc })).toEqual([]);
  });

  it('reports a client with no link and a link the editor would not draw (files written by hand): their requests fail with no other word', () => {
    const doc = makeDocument({
      nodes: [node('c', 'client'), node('c2', 'client'), node('lonely', 'client'), node('a', 'app'), node('k', 'cache'), node('l', 'lb')],
      links: [link('c', 'c2'), link('c2', 'a'), link('a', 'k'), link('a', 'l'), link('k', 'a')],
    });
    doc.nodes.lonely.name = 'Lonely users';
    const findings = lintDocument(doc).filter((finding) => finding.rule === 'client-without-links' || finding.rule === 'link-not-drawable');
    expect(findings.map((finding) => [finding.rule, finding.nodes, finding.links, finding.message])).toEqual([
      ['client-without-links', ['lonely'], [], 'Lonely users has no link: the requests it sends have nowhere to go, and every one fails. Link it to a DNS server, a CDN, a load balancer, a reverse proxy or an app server.'],
      ['link-not-drawable', [], ['c-c2'], 'c → c2 is not a link Faultline draws: a client sends to a DNS server, a CDN, a load balancer, a reverse proxy or an app server, not to a client. Remove it, or link to one of those.'],
      ['link-not-drawable', [], ['a-l'], 'a → l is not a link Faultline draws: an app server sends to a cache, a database, a shard router, a queue or an app server, not to a load balancer. Remove it, or link to one of those.'],
      ['link-not-drawable', [], ['k-a'], 'k → a is not a link Faultline draws: a cache sends no requests of its own. Remove it.'],
    ]);
  });

  it('reports checks whose window starts at or after the end of the run, as the loader does: they measure nothing and fail', () => {
    const doc = makeDocument({ nodes: [node('c', 'client'), node('a', 'app')], links: [link('c', 'a')] });
    doc.durationS = 30;
    doc.checks = [
      { metric: 'latency.p99', op: '<=', value: 500, fromS: 35, toS: 45 },
      { label: 'Stays up', metric: 'availability', op: '>=', value: 0.99, fromS: 30 },
      { id: 'busy', metric: 'utilization', node: 'a', op: '<', value: 0.8, fromS: 40 },
      { metric: 'availability', op: '>=', value: 0.99, fromS: 29.5 },
    ];
    const findings = lintDocument(doc);
    expect(findings.map((finding) => finding.message)).toEqual([
      `The check "p99 latency" measures from 35 s, after the run's end (30 s): it measures nothing and fails. Move its window or lengthen the run.`,
      `The check "Stays up" measures from 30 s, at the run's end (30 s): it measures nothing and fails. Move its window or lengthen the run.`,
      `The check "busy" measures from 40 s, after the run's end (30 s): it measures nothing and fails. Move its window or lengthen the run.`,
    ]);
    expect(findings.map((finding) => [finding.rule, finding.nodes])).toEqual([
      ['check-after-end', []],
      ['check-after-end', []],
      ['check-after-end', ['a']],
    ]);
    // The loader says the same of the saved file.
    const loaded = loadDocument(saveDocument(doc));
    expect(loaded.ok && loaded.warnings.filter((warning) => warning.message.includes('measures nothing')).length).toBe(3);
    doc.durationS = 60;
    expect(lintDocument({ ...doc })).toEqual([]);
  });

  it('reports events that undo each other at the same moment on the same target: only the order they were added decides', () => {
    const doc = makeDocument({ nodes: [node('c', 'client'), node('a', 'app'), node('b', 'app')], links: [link('c', 'a'), link('c', 'b')] });
    doc.nodes.a.name = 'App A';
    doc.scenario = [
      { atS: 20, action: 'restart', target: 'a' },
      { atS: 20, action: 'crash', target: 'a' },
      { atS: 20, action: 'crash', target: 'b' },
      { atS: 30, action: 'cut', target: 'c-b' },
      { atS: 30, action: 'restore', target: 'c-b' },
      { atS: 40, action: 'heal' },
      { atS: 40, action: 'partition', groups: [['a'], ['b']] },
      { atS: 50, action: 'slow', target: 'a', factor: 3 },
      { atS: 51, action: 'recover', target: 'a' },
    ];
    const findings = lintDocument(doc);
    expect(findings.map((finding) => finding.message)).toEqual([
      'The restart and the crash of App A are both at 20 s: they run in the order they were added, the crash last. Move one of them if that is not what you meant.',
      'The cut and the restoring of c → b are both at 30 s: they run in the order they were added, the restoring last. Move one of them if that is not what you meant.',
      'The healing and the partition are both at 40 s: they run in the order they were added, the partition last. Move one of them if that is not what you meant.',
    ]);
    expect(findings.map((finding) => [finding.rule, finding.nodes, finding.links])).toEqual([
      ['same-moment-opposites', ['a'], []],
      ['same-moment-opposites', [], ['c-b']],
      ['same-moment-opposites', [], []],
    ]);
  });

  it('reports a partition left with one group (its other side deleted): it cuts nothing off', () => {
    const doc = makeDocument({ nodes: [node('c', 'client'), node('a', 'app'), node('b', 'app')], links: [link('c', 'a'), link('c', 'b')] });
    doc.scenario = [
      { atS: 5.8550009765625, action: 'partition', groups: [['a']] },
      { atS: 6, action: 'partition', groups: [] },
      { atS: 7, action: 'partition', groups: [['a'], ['b']] },
    ];
    const findings = lintDocument(doc);
    expect(findings.map((finding) => finding.message)).toEqual([
      'The partition at 5.855 s names one group (a): traffic is cut only between groups, so it cuts nothing off. Name the other side as a second group.',
      'The partition at 6 s names no group: traffic is cut only between groups, so it cuts nothing off. Name the other side as a second group.',
    ]);
    expect(findings.map((finding) => [finding.rule, finding.nodes])).toEqual([
      ['partition-one-group', ['a']],
      ['partition-one-group', []],
    ]);
  });
});
