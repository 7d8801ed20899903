import { getNode } from './document';
import type { FaultlineDocument, LinkKind, NodeKind } from './types';

/**
 * Which kinds a kind sends traffic to (DESIGN §3): a client to its entry points, DNS to the nodes
 * it may answer, a CDN to its origin, an app down its data path, a queue to its workers. Databases
 * join each other with replication links instead.
 */
export const TRAFFIC_TARGETS: Readonly<Record<NodeKind, readonly NodeKind[]>> = {
  client: ['dns', 'cdn', 'lb', 'proxy', 'app'],
  dns: ['lb', 'proxy', 'app', 'cdn'],
  cdn: ['lb', 'proxy', 'app'],
  lb: ['app', 'proxy', 'lb'],
  proxy: ['app', 'lb', 'proxy'],
  app: ['cache', 'db', 'shard-router', 'queue', 'app'],
  cache: [],
  db: [],
  'shard-router': ['db'],
  queue: ['worker'],
  worker: ['db'],
};

export type LinkVerdict = { ok: true; kind: LinkKind } | { ok: false; reason: string };

/** The kind as a noun in a sentence ("a load balancer"); the palette's labels are titles ("Clients"). */
const NOUN: Record<NodeKind, string> = {
  client: 'client',
  dns: 'DNS server',
  cdn: 'CDN',
  lb: 'load balancer',
  proxy: 'reverse proxy',
  app: 'app server',
  cache: 'cache',
  db: 'database',
  'shard-router': 'shard router',
  queue: 'queue',
  worker: 'worker',
};

/** The kind as a noun ("load balancer"), for sentences and what a screen reader is told. */
export function kindNoun(kind: NodeKind): string {
  return NOUN[kind];
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function withArticle(kind: NodeKind): string {
  return `${/^[aeiou]/i.test(NOUN[kind]) ? 'an' : 'a'} ${NOUN[kind]}`;
}

export function listOr(kinds: readonly NodeKind[]): string {
  const names = kinds.map(withArticle);
  return names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} or ${names.at(-1)}`;
}

/** Whether `from` may link to `to`, and as what; a refusal names the reason in a sentence. */
export function linkVerdict(doc: FaultlineDocument, fromId: string, toId: string): LinkVerdict {
  const from = getNode(doc, fromId);
  const to = getNode(doc, toId);
  if (!from || !to) return { ok: false, reason: 'That node no longer exists.' };
  if (from.id === to.id) return { ok: false, reason: 'A node cannot link to itself.' };
  const kind: LinkKind = from.kind === 'db' && to.kind === 'db' ? 'replication' : 'traffic';
  if (Object.values(doc.links).some((link) => link.from === from.id && link.to === to.id && link.kind === kind)) {
    return { ok: false, reason: `${from.name ?? from.id} already links to ${to.name ?? to.id}.` };
  }
  if (kind === 'replication') return { ok: true, kind };
  const targets = TRAFFIC_TARGETS[from.kind];
  if (targets.includes(to.kind)) return { ok: true, kind };
  if (targets.length === 0) {
    const hint = from.kind === 'db' ? ' Drag to another database for a replication link.' : '';
    return { ok: false, reason: `${capitalise(withArticle(from.kind))} sends no requests of its own.${hint}` };
  }
  return { ok: false, reason: `${capitalise(withArticle(from.kind))} sends to ${listOr(targets)}, not to ${withArticle(to.kind)}.` };
}
