/**
 * Design lint for the data tier: database wiring that runs, but not as its author probably
 * meant (the simulation follows links as drawn, DESIGN §3 `db` and `app`).
 */
import type { FaultlineDocument, NodeRecord } from '../types';
import type { LintFinding } from './lintDocument';
import { linksFrom } from './linksFrom';

function display(node: NodeRecord): string {
  return node.name ?? node.id;
}

const isDb = (doc: FaultlineDocument, id: string): boolean => Object.hasOwn(doc.nodes, id) && doc.nodes[id].kind === 'db';
const isReplica = (node: NodeRecord): boolean => node.config.role === 'replica';

/** The databases each node sends traffic to, grouped once (not filtered from every link per node). */
function dbTrafficTargets(doc: FaultlineDocument): (nodeId: string) => ReadonlySet<string> {
  const from = linksFrom(Object.values(doc.links).filter((link) => link.kind === 'traffic' && isDb(doc, link.to)));
  return (nodeId) => new Set(from(nodeId).map((link) => link.to));
}

/** Database clusters: the dbs joined by replication links, each as its member ids. */
function clusters(doc: FaultlineDocument): Map<string, string[]> {
  const root = new Map<string, string>();
  const find = (id: string): string => {
    let at = id;
    while (root.has(at) && root.get(at) !== at) {
      // Path halving: a long chain of replicas is walked once, not once per member.
      const parent = root.get(at)!;
      root.set(at, root.get(parent) ?? parent);
      at = parent;
    }
    return at;
  };
  for (const node of Object.values(doc.nodes)) if (node.kind === 'db') root.set(node.id, node.id);
  for (const link of Object.values(doc.links)) {
    if (link.kind === 'replication' && isDb(doc, link.from) && isDb(doc, link.to)) root.set(find(link.from), find(link.to));
  }
  const byRoot = new Map<string, string[]>();
  for (const id of root.keys()) {
    const r = find(id);
    const members = byRoot.get(r);
    if (members) members.push(id);
    else byRoot.set(r, [id]);
  }
  return byRoot;
}

/**
 * An app that reads from replicas (the default) but links to no replica of the cluster it uses:
 * an app reads only from the databases it links to, so every read goes to the primary and the
 * replicas serve none — no replica lag, no stale reads, whatever the lesson meant to show.
 */
export function replicaReadsWithoutLink(doc: FaultlineDocument): LintFinding[] {
  const clusterOf = new Map<string, string[]>();
  for (const members of clusters(doc).values()) for (const id of members) clusterOf.set(id, members);
  const dbsLinkedFrom = dbTrafficTargets(doc);
  const findings: LintFinding[] = [];
  for (const app of Object.values(doc.nodes)) {
    if (app.kind !== 'app' || app.config.readFromReplicas === false) continue;
    const linked = dbsLinkedFrom(app.id);
    const seen = new Set<string[]>();
    for (const db of linked) {
      const members = clusterOf.get(db)!;
      if (seen.has(members)) continue;
      seen.add(members);
      const replicas = members.filter((id) => isReplica(doc.nodes[id]));
      if (replicas.length === 0 || replicas.some((id) => linked.has(id))) continue;
      const names = replicas.map((id) => display(doc.nodes[id])).join(', ');
      findings.push({
        rule: 'replica-reads-without-link',
        message: `${display(app)} reads from replicas but links to none (${names}): all its reads go to ${display(doc.nodes[db])}, and if that fails over, the promoted replica gets none of its requests. Link it to the replicas.`,
        nodes: [app.id, ...replicas],
        links: [],
      });
    }
  }
  return findings;
}

/**
 * An app or worker that links to a cluster's primary, which the scenario crashes (or `mtbfS` may),
 * but to none of the replicas that would be promoted in its place (`failover.auto`, the default): the engine sends a request only along a
 * link as drawn, so after the failover the new primary gets none of its writes and every request
 * fails until the old primary is back — not the failover lesson its author meant. An app that
 * reads from replicas already hears about the missing link (replica-reads-without-link), whose
 * message says this too.
 */
export function failoverWithoutLink(doc: FaultlineDocument): LintFinding[] {
  const clusterOf = new Map<string, string[]>();
  for (const members of clusters(doc).values()) for (const id of members) clusterOf.set(id, members);
  const dbsLinkedFrom = dbTrafficTargets(doc);
  const findings: LintFinding[] = [];
  for (const user of Object.values(doc.nodes)) {
    if (!(user.kind === 'worker' || (user.kind === 'app' && user.config.readFromReplicas === false))) continue;
    const linked = dbsLinkedFrom(user.id);
    const seen = new Set<string[]>();
    for (const db of linked) {
      const members = clusterOf.get(db)!;
      if (seen.has(members)) continue;
      seen.add(members);
      const primaries = members.filter((id) => !isReplica(doc.nodes[id]) && linked.has(id) && failoverAuto(doc.nodes[id]) && mayFail(doc, id));
      const replicas = members.filter((id) => isReplica(doc.nodes[id]));
      if (primaries.length === 0 || replicas.length === 0 || replicas.some((id) => linked.has(id))) continue;
      findings.push({
        rule: 'failover-without-link',
        message: `${display(user)} links to none of ${replicas.map((id) => display(doc.nodes[id])).join(', ')}: if ${display(doc.nodes[primaries[0]])} fails, the replica promoted in its place gets none of ${display(user)}'s requests, and they fail until it is back. Link ${display(user)} to the replicas too.`,
        nodes: [user.id, ...replicas],
        links: [],
      });
    }
  }
  return findings;
}

/** Does the scenario crash `id`, or may it crash at random (`mtbfS`)? */
function mayFail(doc: FaultlineDocument, id: string): boolean {
  return doc.scenario.some((event) => event.action === 'crash' && event.target === id) || typeof doc.nodes[id].config.mtbfS === 'number';
}

function failoverAuto(node: NodeRecord): boolean {
  const failover = node.config.failover as { auto?: unknown } | undefined;
  return failover?.auto !== false;
}

/**
 * A primary that another primary replicates to, one way: two primaries take writes, only one
 * direction is copied. Linking a database to another makes a replica only if its role says so.
 */
export function primariesFedOneWay(doc: FaultlineDocument): LintFinding[] {
  const replication = Object.values(doc.links).filter((link) => link.kind === 'replication' && isDb(doc, link.from) && isDb(doc, link.to));
  const back = new Set(replication.map((link) => `${link.from}\u0000${link.to}`));
  const findings: LintFinding[] = [];
  for (const link of replication) {
    const from = doc.nodes[link.from];
    const to = doc.nodes[link.to];
    if (isReplica(from) || isReplica(to) || back.has(`${link.to}\u0000${link.from}`)) continue;
    findings.push({
      rule: 'primary-fed-one-way',
      message: `${display(to)} is a primary that ${display(from)} replicates to one way: set its Role to replica, or link them both ways for master-master.`,
      nodes: [to.id, from.id],
      links: [link.id],
    });
  }
  return findings;
}
