/**
 * Design lint: problems a teacher would point at before pressing Play. Pure functions of the
 * document; each finding names the records to select when it is clicked.
 */
import { LINK_ACTIONS, NODE_ACTIONS, type CdnConfig, type FaultlineDocument, type LinkRecord, type NodeRecord, type ProxyConfig, type ResolvedNode, type ScenarioAction, type ScenarioEvent } from '../types';
import { failoverWithoutLink, primariesFedOneWay, replicaReadsWithoutLink } from './dataTierLint';
import { METRIC_INFO, UTILIZATION_KINDS } from '../schema/checks';
import { resolveAllNodes } from '../defaults';
import { linkedClientsKeySpace } from '../clientKeySpace';
import { linksFrom } from './linksFrom';
import { eventTimeToMillisecond } from '../eventTime';
import { listOr, TRAFFIC_TARGETS, withArticle } from '../linkRules';

export type LintRule =
  | 'unreachable'
  | 'dns-answer-without-link'
  | 'lb-without-backends'
  | 'ha-standby-linked'
  | 'replica-without-primary'
  | 'primary-fed-one-way'
  | 'replica-reads-without-link'
  | 'failover-without-link'
  | 'traffic-cycle'
  | 'unused-cache'
  | 'cache-without-store'
  | 'publish-without-queue'
  | 'push-cdn-capacity'
  | 'rate-limit-burst-below-one'
  | 'event-after-end'
  | 'partition-one-group'
  | 'same-moment-opposites'
  | 'utilization-always-zero'
  | 'check-after-end'
  | 'client-without-links'
  | 'link-not-drawable'
  | 'duplicate-name';

/**
 * Rules whose findings the loader also reports, as warnings with a path, when it reads a saved
 * file: a reader that shows both (the CLI) leaves these out rather than say each twice.
 */
export const LOADER_ALSO_WARNS: ReadonlySet<LintRule> = new Set<LintRule>(['event-after-end', 'partition-one-group', 'check-after-end']);

export interface LintFinding {
  rule: LintRule;
  message: string;
  nodes: string[];
  links: string[];
}

function display(node: NodeRecord): string {
  return node.name ?? node.id;
}

/** A link as the canvas and the timeline name it: "lb → API 1". */
function displayLink(doc: FaultlineDocument, linkId: string): string {
  const link = doc.links[linkId];
  const end = (id: string) => (Object.hasOwn(doc.nodes, id) ? display(doc.nodes[id]) : id);
  return `${end(link.from)} → ${end(link.to)}`;
}


function trafficLinks(doc: FaultlineDocument): LinkRecord[] {
  return Object.values(doc.links).filter((link) => link.kind === 'traffic' && Object.hasOwn(doc.nodes, link.from) && Object.hasOwn(doc.nodes, link.to));
}


/** Nodes no request can reach: not a client and not downstream of one (replication and an lb's HA peer count). */
export function unreachableNodes(doc: FaultlineDocument): LintFinding[] {
  const next = new Map<string, string[]>();
  const edge = (from: string, to: string) => {
    if (!next.has(from)) next.set(from, []);
    next.get(from)!.push(to);
  };
  for (const link of Object.values(doc.links)) {
    edge(link.from, link.to);
    // A cluster is reached through any member: replication carries data both ways for reachability.
    if (link.kind === 'replication') edge(link.to, link.from);
  }
  for (const node of Object.values(doc.nodes)) {
    const ha = node.kind === 'lb' ? (node.config.ha as { peer?: unknown } | undefined) : undefined;
    if (ha && typeof ha.peer === 'string') edge(node.id, ha.peer);
  }
  const reached = new Set<string>();
  const stack = Object.values(doc.nodes)
    .filter((node) => node.kind === 'client')
    .map((node) => node.id);
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (reached.has(id)) continue;
    reached.add(id);
    for (const to of next.get(id) ?? []) if (!reached.has(to)) stack.push(to);
  }
  return Object.values(doc.nodes)
    .filter((node) => !reached.has(node.id))
    .map((node) => ({
      rule: 'unreachable' as const,
      message: `${display(node)} is unreachable: no client's requests can get to it.`,
      nodes: [node.id],
      links: [],
    }));
}

/** A client that asks a DNS server which may answer with a node the client has no link to. */
export function dnsAnswersWithoutLink(doc: FaultlineDocument): LintFinding[] {
  const from = linksFrom(trafficLinks(doc));
  const findings: LintFinding[] = [];
  for (const client of Object.values(doc.nodes)) {
    if (client.kind !== 'client') continue;
    const clientTargets = new Set(from(client.id).map((link) => link.to));
    for (const dnsLink of from(client.id).filter((link) => doc.nodes[link.to].kind === 'dns')) {
      const dns = doc.nodes[dnsLink.to];
      for (const answer of from(dns.id)) {
        if (clientTargets.has(answer.to)) continue;
        findings.push({
          rule: 'dns-answer-without-link',
          message: `${display(client)} can be answered ${display(doc.nodes[answer.to])} by ${display(dns)} but has no link to it.`,
          nodes: [client.id, answer.to],
          links: [answer.id],
        });
      }
    }
  }
  return findings;
}

export function loadBalancersWithoutBackends(doc: FaultlineDocument): LintFinding[] {
  const senders = new Set(trafficLinks(doc).map((link) => link.from));
  return Object.values(doc.nodes)
    .filter((node) => node.kind === 'lb' && !senders.has(node.id))
    .map((node) => ({ rule: 'lb-without-backends' as const, message: `${display(node)} has no backends: link it to app servers or proxies.`, nodes: [node.id], links: [] }));
}

/**
 * A node linked to both halves of a load balancer HA pair: the pair is reached through the active
 * half, which holds the address (the standby takes it over when the active dies), so a link to the
 * standby too sends it half the requests while it is badged PASSIVE.
 */
export function standbyLinkedDirectly(doc: FaultlineDocument): LintFinding[] {
  const links = trafficLinks(doc);
  const findings: LintFinding[] = [];
  for (const active of Object.values(doc.nodes)) {
    const ha = active.kind === 'lb' ? (active.config.ha as { peer?: unknown } | undefined) : undefined;
    const standbyId = ha?.peer;
    if (typeof standbyId !== 'string' || !Object.hasOwn(doc.nodes, standbyId) || standbyId === active.id) continue;
    const standby = doc.nodes[standbyId];
    for (const toStandby of links.filter((link) => link.to === standbyId)) {
      const sender = doc.nodes[toStandby.from];
      if (!links.some((link) => link.from === sender.id && link.to === active.id)) continue;
      findings.push({
        rule: 'ha-standby-linked',
        message: `${display(sender)} links to both ${display(active)} and its standby ${display(standby)}: an HA pair is reached through its active half, which holds the address (${display(standby)} takes it over if ${display(active)} dies), so linked to both, ${display(sender)} sends the standby half its requests. Link it to ${display(active)} only.`,
        nodes: [sender.id, standby.id],
        links: [toStandby.id],
      });
    }
  }
  return findings;
}

/** A replica whose replication cluster (databases joined by replication links) has no primary. */
export function replicasWithoutPrimary(doc: FaultlineDocument): LintFinding[] {
  const neighbours = new Map<string, string[]>();
  for (const link of Object.values(doc.links)) {
    if (link.kind !== 'replication') continue;
    neighbours.set(link.from, [...(neighbours.get(link.from) ?? []), link.to]);
    neighbours.set(link.to, [...(neighbours.get(link.to) ?? []), link.from]);
  }
  const isPrimary = (id: string) => Object.hasOwn(doc.nodes, id) && doc.nodes[id].kind === 'db' && doc.nodes[id].config.role !== 'replica';
  const findings: LintFinding[] = [];
  for (const node of Object.values(doc.nodes)) {
    if (node.kind !== 'db' || node.config.role !== 'replica') continue;
    const seen = new Set<string>([node.id]);
    const stack = [node.id];
    let found = false;
    while (stack.length > 0 && !found) {
      for (const other of neighbours.get(stack.pop()!) ?? []) {
        if (seen.has(other)) continue;
        if (isPrimary(other)) found = true;
        seen.add(other);
        stack.push(other);
      }
    }
    if (!found) findings.push({ rule: 'replica-without-primary', message: `${display(node)} is a replica without a primary: link a primary database to it with replication.`, nodes: [node.id], links: [] });
  }
  return findings;
}

/**
 * Kinds whose traffic links carry requests on (a DNS link is an answer the client then uses; a
 * client only starts requests).
 */
const FORWARDING_KINDS: ReadonlySet<string> = new Set(['cdn', 'proxy', 'lb', 'app', 'worker', 'queue', 'cache', 'db', 'shard-router']);

/**
 * Cycles of traffic links between nodes that pass requests on (app → app, lb → lb, an app that
 * publishes to the queue whose worker calls it…): a request sent round one is passed on until it
 * times out. Two load balancers pointing at each other ran at 0 % availability with no word.
 */
export function trafficCycles(doc: FaultlineDocument): LintFinding[] {
  const calls = trafficLinks(doc).filter((link) => FORWARDING_KINDS.has(doc.nodes[link.from].kind) && FORWARDING_KINDS.has(doc.nodes[link.to].kind));
  const out = linksFrom(calls);
  const findings: LintFinding[] = [];
  const reported = new Set<string>();
  const state = new Map<string, 'active' | 'done'>();
  // Depth-first with its own stack, not recursion: a chain of thousands of proxies overflowed the call stack.
  const path: LinkRecord[] = [];
  const stack: { id: string; next: number }[] = [];
  const visit = (root: string) => {
    state.set(root, 'active');
    stack.push({ id: root, next: 0 });
    while (stack.length > 0) {
      const top = stack[stack.length - 1];
      const links = out(top.id);
      if (top.next === links.length) {
        state.set(top.id, 'done');
        stack.pop();
        path.pop();
        continue;
      }
      const link = links[top.next++];
      const status = state.get(link.to);
      if (status === 'active') {
        const start = path.findIndex((step) => step.from === link.to);
        const cycle = [...path.slice(start === -1 ? path.length : start), link];
        const nodes = cycle.map((step) => step.from);
        const key = [...nodes].sort().join(',');
        if (!reported.has(key)) {
          reported.add(key);
          const names = [...nodes, link.to].map((node) => display(doc.nodes[node]));
          findings.push({ rule: 'traffic-cycle', message: `Requests go round in a cycle: ${names.join(' → ')}; each is passed on until it times out.`, nodes, links: cycle.map((step) => step.id) });
        }
      } else if (status === undefined) {
        path.push(link);
        state.set(link.to, 'active');
        stack.push({ id: link.to, next: 0 });
      }
    }
  };
  for (const node of Object.values(doc.nodes)) if (FORWARDING_KINDS.has(node.kind) && !state.has(node.id)) visit(node.id);
  return findings;
}

export function unusedCaches(doc: FaultlineDocument): LintFinding[] {
  const receivers = new Set(trafficLinks(doc).map((link) => link.to));
  return Object.values(doc.nodes)
    .filter((node) => node.kind === 'cache' && !receivers.has(node.id))
    .map((node) => ({ rule: 'unused-cache' as const, message: `Nobody uses ${display(node)}: link an app server to it.`, nodes: [node.id], links: [] }));
}

/**
 * An app server told to publish a share of its writes (`publishRatio` set above 0) with no queue
 * linked: there is nowhere to publish, so the setting does nothing and no worker ever runs a job.
 * (Left unset, the ratio is 1 with a queue and 0 without: nothing to say.)
 */
export function publishWithoutQueue(doc: FaultlineDocument): LintFinding[] {
  const from = linksFrom(trafficLinks(doc));
  return Object.values(doc.nodes)
    .filter((app) => app.kind === 'app' && typeof app.config.publishRatio === 'number' && app.config.publishRatio > 0)
    .filter((app) => !from(app.id).some((link) => doc.nodes[link.to].kind === 'queue'))
    .map((app) => ({
      rule: 'publish-without-queue' as const,
      message: `${display(app)} publishes ${Math.round((app.config.publishRatio as number) * 100)} % of its writes as jobs but links to no queue: nothing is published. Link it to a queue, or leave Publish ratio unset.`,
      nodes: [app.id],
      links: [],
    }));
}

/**
 * An app server that reads through a cache with no database or shard router behind it: a miss
 * has nothing to load the key from and is answered without data, so only writes fill the cache
 * and its low hit ratio reads as a cache problem when it is a missing store.
 */
export function cachesWithoutStore(doc: FaultlineDocument): LintFinding[] {
  const from = linksFrom(trafficLinks(doc));
  const findings: LintFinding[] = [];
  for (const app of Object.values(doc.nodes)) {
    if (app.kind !== 'app' || app.config.cachePolicy === 'none') continue;
    const targets = from(app.id).map((link) => doc.nodes[link.to]);
    const caches = targets.filter((target) => target.kind === 'cache');
    if (caches.length === 0 || targets.some((target) => target.kind === 'db' || target.kind === 'shard-router')) continue;
    findings.push({
      rule: 'cache-without-store',
      message: `${display(app)} reads through ${display(caches[0])} with no database behind it: a miss has nothing to load the key from and is answered without data, so only writes fill the cache. Link ${display(app)} to a database or shard router.`,
      nodes: [app.id, caches[0].id],
      links: [],
    });
  }
  return findings;
}

/**
 * A push CDN is given every static key its clients ask for (DESIGN §3), whatever its capacity: a
 * capacity set below that key space reads as a limit the edge does not have.
 */
export function pushCdnsOverCapacity(doc: FaultlineDocument, resolved: ReadonlyMap<string, ResolvedNode> = resolveAllNodes(doc)): LintFinding[] {
  const findings: LintFinding[] = [];
  for (const cdn of Object.values(doc.nodes)) {
    if (cdn.kind !== 'cdn') continue;
    const config = resolved.get(cdn.id)!.config as CdnConfig;
    if (config.mode !== 'push') continue;
    const keys = linkedClientsKeySpace(doc, cdn.id, resolved);
    if (keys <= config.capacity) continue;
    findings.push({
      rule: 'push-cdn-capacity',
      message: `${display(cdn)} is a push CDN, so it holds all ${keys.toLocaleString('en-US')} keys its clients ask for: its capacity of ${config.capacity.toLocaleString('en-US')} keys does not limit it. Switch it to pull to see an edge that keeps only what fits.`,
      nodes: [cdn.id],
      links: [],
    });
  }
  return findings;
}

/** A token bucket must hold one token to let anything through: the engine treats a burst under 1 as 1. */
export function rateLimitBurstsBelowOne(doc: FaultlineDocument, resolved: ReadonlyMap<string, ResolvedNode> = resolveAllNodes(doc)): LintFinding[] {
  const findings: LintFinding[] = [];
  for (const proxy of Object.values(doc.nodes)) {
    if (proxy.kind !== 'proxy') continue;
    const { rateLimit } = resolved.get(proxy.id)!.config as ProxyConfig;
    if (rateLimit.rps <= 0 || rateLimit.burst >= 1) continue;
    findings.push({
      rule: 'rate-limit-burst-below-one',
      message: `${display(proxy)}'s rate limit has a burst of ${rateLimit.burst}: a bucket that cannot hold one token would refuse every request, so it runs with a burst of 1.`,
      nodes: [proxy.id],
      links: [],
    });
  }
  return findings;
}

/** What a scenario event does, as a noun phrase: "the crash". */
const EVENT_NOUN: Readonly<Record<ScenarioAction, string>> = {
  crash: 'crash',
  restart: 'restart',
  slow: 'slowdown',
  recover: 'recovery',
  cut: 'cut',
  restore: 'restoring',
  degrade: 'degrading',
  partition: 'partition',
  heal: 'healing',
  set: 'config change',
  flush: 'flush',
  note: 'note',
};

/**
 * Scenario events at or after the end of the run (the loader warns too): they never happen. Typed
 * into the event editor they are refused, but lowering the run's Duration leaves them behind.
 */
export function eventsAfterEnd(doc: FaultlineDocument): LintFinding[] {
  const findings: LintFinding[] = [];
  for (const event of doc.scenario) {
    if (!(event.atS >= doc.durationS)) continue;
    const onNode = (NODE_ACTIONS as readonly string[]).includes(event.action) && event.target !== undefined && Object.hasOwn(doc.nodes, event.target);
    const onLink = (LINK_ACTIONS as readonly string[]).includes(event.action) && event.target !== undefined && Object.hasOwn(doc.links, event.target);
    const what = onNode ? ` of ${display(doc.nodes[event.target!])}` : onLink ? ` of ${displayLink(doc, event.target!)}` : '';
    const where = event.atS === doc.durationS ? 'at' : 'after';
    const members = event.action === 'partition' ? (event.groups ?? []).flat().filter((id) => Object.hasOwn(doc.nodes, id)) : [];
    findings.push({
      rule: 'event-after-end',
      message: `The ${EVENT_NOUN[event.action]}${what} at ${eventTimeToMillisecond(event.atS)} s is ${where} the run's end (${doc.durationS} s): it never happens.`,
      nodes: onNode ? [event.target!] : members,
      links: onLink ? [event.target!] : [],
    });
  }
  return findings;
}

/**
 * A partition naming fewer than two groups (the loader warns too): traffic is dropped only
 * between groups, so it cuts nothing off. Typed into the event editor it is refused, but deleting
 * the nodes of one side leaves it behind.
 */
export function partitionsWithOneGroup(doc: FaultlineDocument): LintFinding[] {
  const findings: LintFinding[] = [];
  for (const event of doc.scenario) {
    if (event.action !== 'partition' || (event.groups ?? []).length >= 2) continue;
    const named = (event.groups ?? []).flat();
    findings.push({
      rule: 'partition-one-group',
      message: `The partition at ${eventTimeToMillisecond(event.atS)} s ${named.length === 0 ? 'names no group' : `names one group (${named.join(', ')})`}: traffic is cut only between groups, so it cuts nothing off. Name the other side as a second group.`,
      nodes: named.filter((id) => Object.hasOwn(doc.nodes, id)),
      links: [],
    });
  }
  return findings;
}

/** Actions that undo each other: at the same moment only their order in the file decides. */
const OPPOSITES: Readonly<Partial<Record<ScenarioAction, ScenarioAction>>> = { crash: 'restart', restart: 'crash', slow: 'recover', recover: 'slow', cut: 'restore', restore: 'cut', partition: 'heal', heal: 'partition' };

/**
 * Two events that undo each other at the same moment on the same target (a restart and a crash of
 * app1 at 20 s): they run in the order they were added, which nothing on the timeline shows, so a
 * node meant to come back stays down while the log says it restarted.
 */
export function sameMomentOpposites(doc: FaultlineDocument): LintFinding[] {
  const findings: LintFinding[] = [];
  // The first event of each (action, time, target) seen so far: one lookup per event, not a scan of those before it.
  const firstOf = new Map<string, ScenarioEvent>();
  const keyOf = (action: string, atS: number, target: string | undefined) => `${action}\u0000${atS}\u0000${target ?? ''}`;
  doc.scenario.forEach((later) => {
    const opposite = OPPOSITES[later.action];
    const key = keyOf(later.action, later.atS, later.target);
    if (!firstOf.has(key)) firstOf.set(key, later);
    if (opposite === undefined) return;
    const earlier = firstOf.get(keyOf(opposite, later.atS, later.target));
    if (earlier === undefined) return;
    const onNode = later.target !== undefined && Object.hasOwn(doc.nodes, later.target);
    const onLink = later.target !== undefined && Object.hasOwn(doc.links, later.target);
    const what = later.target === undefined ? '' : ` of ${onNode ? display(doc.nodes[later.target]) : onLink ? displayLink(doc, later.target) : later.target}`;
    findings.push({
      rule: 'same-moment-opposites',
      message: `The ${EVENT_NOUN[earlier.action]} and the ${EVENT_NOUN[later.action]}${what} are both at ${eventTimeToMillisecond(later.atS)} s: they run in the order they were added, the ${EVENT_NOUN[later.action]} last. Move one of them if that is not what you meant.`,
      nodes: onNode ? [later.target!] : [],
      links: onLink ? [later.target!] : [],
    });
  });
  return findings;
}

/** A utilization check on a node that answers after a delay, with no servers to be busy: it always reads 0. */
export function utilizationAlwaysZero(doc: FaultlineDocument): LintFinding[] {
  const findings: LintFinding[] = [];
  for (const check of doc.checks) {
    if (check.metric !== 'utilization' || check.node === undefined || !Object.hasOwn(doc.nodes, check.node)) continue;
    const node = doc.nodes[check.node];
    if (UTILIZATION_KINDS.includes(node.kind)) continue;
    findings.push({
      rule: 'utilization-always-zero',
      message: `The check "${check.label ?? check.id ?? 'utilization'}" measures the utilization of ${display(node)}, which always reads 0: a ${node.kind} answers after a delay, with no servers to keep busy.`,
      nodes: [node.id],
      links: [],
    });
  }
  return findings;
}

/** A client with no link: what it sends has nowhere to go, and every request fails with no other word. */
export function clientsWithoutLinks(doc: FaultlineDocument): LintFinding[] {
  const senders = new Set(trafficLinks(doc).map((link) => link.from));
  return Object.values(doc.nodes)
    .filter((node) => node.kind === 'client' && !senders.has(node.id))
    .map((client) => ({
      rule: 'client-without-links' as const,
      message: `${display(client)} has no link: the requests it sends have nowhere to go, and every one fails. Link it to ${listOr(TRAFFIC_TARGETS.client)}.`,
      nodes: [client.id],
      links: [],
    }));
}

/**
 * A traffic link the editor would not draw (a client to a client, an app to a load balancer), from
 * a file written by hand or by another tool: the run does not use it as its author meant.
 */
export function linksNotDrawable(doc: FaultlineDocument): LintFinding[] {
  const findings: LintFinding[] = [];
  for (const link of trafficLinks(doc)) {
    const from = doc.nodes[link.from];
    const to = doc.nodes[link.to];
    const targets = TRAFFIC_TARGETS[from.kind];
    if (targets.includes(to.kind)) continue;
    const sends = targets.length === 0 ? `${withArticle(from.kind)} sends no requests of its own` : `${withArticle(from.kind)} sends to ${listOr(targets)}, not to ${withArticle(to.kind)}`;
    findings.push({
      rule: 'link-not-drawable',
      message: `${displayLink(doc, link.id)} is not a link Faultline draws: ${sends}. Remove it${targets.length === 0 ? '' : ', or link to one of those'}.`,
      nodes: [],
      links: [link.id],
    });
  }
  return findings;
}

/**
 * Checks whose window starts at or after the end of the run (the loader warns too): they measure
 * nothing and fail. The check editor refuses such a window, but lowering the run's Duration leaves
 * them behind, as it does events.
 */
export function checksAfterEnd(doc: FaultlineDocument): LintFinding[] {
  const findings: LintFinding[] = [];
  for (const check of doc.checks) {
    if (!(check.fromS !== undefined && check.fromS >= doc.durationS)) continue;
    const name = check.label ?? check.id ?? (Object.hasOwn(METRIC_INFO, check.metric) ? METRIC_INFO[check.metric].label : check.metric);
    const where = check.fromS === doc.durationS ? 'at' : 'after';
    findings.push({
      rule: 'check-after-end',
      message: `The check "${name}" measures from ${check.fromS} s, ${where} the run's end (${doc.durationS} s): it measures nothing and fails. Move its window or lengthen the run.`,
      nodes: check.node !== undefined && Object.hasOwn(doc.nodes, check.node) ? [check.node] : [],
      links: [],
    });
  }
  return findings;
}

/**
 * Nodes that read the same (a name, or the id of a node without one): the live view names nodes
 * this way, so its menus, log and chart legends could not tell them apart. One finding per name.
 */
export function duplicateNames(doc: FaultlineDocument): LintFinding[] {
  const byName = new Map<string, string[]>();
  for (const node of Object.values(doc.nodes)) {
    const name = display(node);
    byName.set(name, [...(byName.get(name) ?? []), node.id]);
  }
  return [...byName]
    .filter(([, ids]) => ids.length > 1)
    .map(([name, ids]) => ({
      rule: 'duplicate-name' as const,
      message: `${ids.length} nodes are named "${name}" (${ids.join(', ')}): rename them so menus, the log and charts can tell them apart.`,
      nodes: ids,
      links: [],
    }));
}

/** Findings per document: documents are immutable, and the panel and its tab count ask for the same one. */
const findingsOf = new WeakMap<FaultlineDocument, readonly LintFinding[]>();

export function lintDocument(doc: FaultlineDocument): readonly LintFinding[] {
  let findings = findingsOf.get(doc);
  if (findings === undefined) {
    findings = lintFresh(doc);
    findingsOf.set(doc, findings);
  }
  return findings;
}

function lintFresh(doc: FaultlineDocument): LintFinding[] {
  const resolved = resolveAllNodes(doc);
  const unusedCacheFindings = unusedCaches(doc);
  // An unused cache is unreachable too; say it once, the more helpful way.
  const unused = new Set(unusedCacheFindings.flatMap((finding) => finding.nodes));
  return [
    ...unreachableNodes(doc).filter((finding) => !unused.has(finding.nodes[0])),
    ...clientsWithoutLinks(doc),
    ...linksNotDrawable(doc),
    ...dnsAnswersWithoutLink(doc),
    ...loadBalancersWithoutBackends(doc),
    ...standbyLinkedDirectly(doc),
    ...replicasWithoutPrimary(doc),
    ...primariesFedOneWay(doc),
    ...replicaReadsWithoutLink(doc),
    ...failoverWithoutLink(doc),
    ...trafficCycles(doc),
    ...unusedCacheFindings,
    ...cachesWithoutStore(doc),
    ...publishWithoutQueue(doc),
    ...pushCdnsOverCapacity(doc, resolved),
    ...rateLimitBurstsBelowOne(doc, resolved),
    ...eventsAfterEnd(doc),
    ...partitionsWithOneGroup(doc),
    ...sameMomentOpposites(doc),
    ...utilizationAlwaysZero(doc),
    ...checksAfterEnd(doc),
    ...duplicateNames(doc),
  ];
}
