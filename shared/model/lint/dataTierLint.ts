/**
 * Design lint for the data tier: database wiring that runs, but not as its author probably
 * meant (the simulation follows links as drawn, DESIGN §3 `db` and `app`).
 */
import type { FaultlineDocument, NodeRecord } from '../types';
import type { LintFinding } from './lintDocument';

function display(node: NodeRecord): string {
  return node.name ?? node.id;
}

const isDb = (doc: FaultlineDocument, id: string): boolean => Object.hasOwn(doc.nodes, id) && doc.nodes[id].kind === 'db';
const isReplica = (node: NodeRecord): boolean => node.config.role === 'replica';

/** Database clusters: the dbs joined by replication links, each as its member ids. */
function clusters(doc: FaultlineDocument): Map<string, string[]> {
  const root = new Map<string, string>();
  const find = (id: string): string => {
    let at = id;
    while (root.has(at) && root.get(at) !== at) at = root.get(at)!;
    return at;
  };
  for (const node of Object.values(doc.nodes)) if (node.kind === 'db') root.set(node.id, node.id);
  for (const link of Object.values(doc.links)) {
    if (link.kind === 'replication' && isDb(doc, link.from) && isDb(doc, link.to)) root.set(find(link.from), find(link.to));
  }
  const byRoot = new Map<string, string[]>();
  for (const id of root.keys()) {
    const r = find(id);
    byRoot.set(r, [...(byRoot.get(r) ?? []), id]);
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
  const findings: LintFinding[] = [];
  for (const app of Object.values(doc.nodes)) {
    if (app.kind !== 'app' || app.config.readFromReplicas === false) continue;
    const linked = new Set(Object.values(doc.links).filter((link) => link.kind === 'traffic' && link.from === app.id && isDb(doc, link.to)).map((link) => link.to));
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
        message: `${display(app)} reads from replicas but links to none (${names}): all its reads go to ${display(doc.nodes[db])}. Link it to a replica, or set Read from replicas to no.`,
        nodes: [app.id, ...replicas],
        links: [],
      });
    }
  }
  return findings;
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
