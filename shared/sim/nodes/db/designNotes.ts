import type { World } from '../../engine/world';
import { clustersOf } from './cluster';
import { node as nodeRef, nodeList, warning, type SimWarning } from '../../warnings';

/**
 * Data-tier wiring that runs but will not do what its author probably meant, said plainly
 * (`Simulation.warnings`): the simulation follows the links as drawn, so these are the places
 * where "as drawn" surprises.
 */
export function dataTierNotes(
  world: World,
  outLinks: readonly (readonly number[])[],
  /** Can this node crash during the run (a scripted `crash`, `mtbfS`)? Default: assume so. */
  mayCrash: (node: number) => boolean = () => true,
  /** Can it come back after a crash (a scripted `restart`, `mttrS`)? Default: assume so. */
  mayComeBack: (node: number) => boolean = () => true,
): SimWarning[] {
  const notes: SimWarning[] = [];
  const { clusterOf, clusters } = clustersOf(world);
  const { to, from, replication, count } = world.links;
  const ids = world.nodeIds;
  const kinds = world.nodeKinds;
  for (const cluster of clusters) {
    const primaries = cluster.members.filter((m) => (world.models[m] as unknown as { role: string }).role === 'primary');
    if (primaries.length === 0) notes.push(warning`${nodeList(cluster.members.map((m) => ids[m]))}: a database cluster without a primary; every write fails`);
    for (const m of cluster.members) {
      if (cluster.members.length > 1 && !primaries.includes(m)) {
        let fed = false;
        for (let l = 0; l < count; l++) if (replication[l] === 1 && to[l] === m) fed = true;
        if (!fed) notes.push(warning`${nodeRef(ids[m])}: a replica no replication link leads to; it never receives writes`);
      }
    }
    notes.push(...promotionNotes(world, cluster.members, primaries, mayCrash));
    notes.push(...deposedPrimaryNotes(world, cluster.members, primaries, (m) => mayCrash(m) && mayComeBack(m)));
  }
  world.nodeIds.forEach((id, node) => {
    const kind = kinds[node];
    if (kind !== 'app' && kind !== 'worker') return;
    const dbClusters = new Set(outLinks[node].filter((l) => kinds[to[l]] === 'db').map((l) => clusterOf[to[l]]));
    if (dbClusters.size > 1) notes.push(warning`${nodeRef(id)}: linked to ${dbClusters.size} separate database clusters; only the first one linked is used (put a shard-router in front to spread keys)`);
    const dbs = outLinks[node].filter((l) => kinds[to[l]] === 'db');
    const routers = outLinks[node].filter((l) => kinds[to[l]] === 'shard-router').map((l) => ids[to[l]]);
    // An app takes a shard router only when no database is linked (app.ts); a worker never does.
    if (routers.length > 0 && kind === 'worker') notes.push(warning`${nodeRef(id)}: a worker writes only to a database linked to it; the link to ${nodeList(routers)} is ignored`);
    else if (routers.length > 0 && dbs.length > 0) notes.push(warning`${nodeRef(id)}: linked to a database and to ${nodeList(routers)}; only the database is used (link the shard router alone to spread keys over its shards)`);
    if (dbs.length > 0 && dbs.every((l) => (world.models[to[l]] as unknown as { role: string }).role !== 'primary')) {
      notes.push(warning`${nodeRef(id)}: linked only to replicas; its writes have no primary to go to (link the primary too)`);
    }
  });
  for (let l = 0; l < count; l++) {
    if (replication[l] === 1) continue;
    const source = kinds[from[l]];
    const target = kinds[to[l]];
    if (source === 'shard-router' && target !== 'db') notes.push(warning`${nodeRef(ids[from[l]])}: a shard router routes only to databases; the link to ${nodeRef(ids[to[l]])} is ignored`);
    if (source === 'queue' && target !== 'worker') notes.push(warning`${nodeRef(ids[from[l]])}: a queue delivers only to workers; the link to ${nodeRef(ids[to[l]])} is ignored`);
  }
  world.nodeIds.forEach((id, node) => {
    if (kinds[node] === 'queue' && !outLinks[node].some((l) => kinds[to[l]] === 'worker')) notes.push(warning`${nodeRef(id)}: a queue with no worker linked; its jobs are never consumed`);
  });
  return notes;
}

/**
 * A promoted replica replicates only over its own outgoing replication links (db/cluster.ts): with
 * automatic failover and two or more replicas, a replica without a link to another replica would,
 * once promoted, leave that one without writes for the rest of the run. Said only where the run
 * can lose a primary (a scripted crash, `mtbfS`): a primary, two replicas and no failure is the
 * plain read-scaling picture (lesson 06), where a note about promotion would be noise.
 */
function promotionNotes(
  world: World,
  members: readonly number[],
  primaries: readonly number[],
  mayCrash: (node: number) => boolean,
): SimWarning[] {
  const failoverOf = (m: number): { auto: boolean } => (world.models[m] as unknown as { failover: { auto: boolean } }).failover;
  if (!primaries.some((p) => failoverOf(p).auto && mayCrash(p))) return [];
  const replicas = members.filter((m) => !primaries.includes(m));
  if (replicas.length < 2) return [];
  const { to, from, replication, count } = world.links;
  const ids = world.nodeIds;
  const notes: SimWarning[] = [];
  for (const r of replicas) {
    const missing = replicas.filter((other) => {
      if (other === r) return false;
      for (let l = 0; l < count; l++) if (replication[l] === 1 && from[l] === r && to[l] === other) return false;
      return true;
    });
    if (missing.length === 0) continue;
    const names = nodeList(missing.map((m) => ids[m]));
    const arrows = missing.flatMap((m, i) => [...(i === 0 ? [] : [', ']), nodeRef(ids[r]), ' → ', nodeRef(ids[m])]);
    const verb = missing.length === 1 ? 'gets' : 'get';
    notes.push(
      warning`${nodeRef(ids[r])}: if it is promoted, ${names} ${verb} no writes from it (no replication link ${arrows}); draw replication links between the replicas too`,
    );
  }
  return notes;
}

/**
 * A primary that crashes and is replaced (automatic failover) comes back as a replica of its
 * successor (db/cluster.ts), fed only over a replication link from the successor to it: with none
 * drawn — the single `primary → replica` picture — it would get no writes, so it gets no reads
 * either, and it can never be promoted back with current data. Said only where the primary can
 * crash and come back during the run.
 */
function deposedPrimaryNotes(
  world: World,
  members: readonly number[],
  primaries: readonly number[],
  mayCrashAndReturn: (node: number) => boolean,
): SimWarning[] {
  const failoverOf = (m: number): { auto: boolean } => (world.models[m] as unknown as { failover: { auto: boolean } }).failover;
  const replicas = members.filter((m) => !primaries.includes(m));
  const { to, from, replication, count } = world.links;
  const ids = world.nodeIds;
  const notes: SimWarning[] = [];
  for (const p of primaries) {
    if (!failoverOf(p).auto || !mayCrashAndReturn(p)) continue;
    for (const r of replicas) {
      let linked = false;
      for (let l = 0; l < count; l++) if (replication[l] === 1 && from[l] === r && to[l] === p) linked = true;
      if (linked) continue;
      notes.push(
        warning`${nodeRef(ids[r])}: if it is promoted, ${nodeRef(ids[p])} comes back from its crash as a replica that gets no writes from it (no replication link ${nodeRef(ids[r])} → ${nodeRef(ids[p])}) and takes no reads; draw the replication link back too`,
      );
    }
  }
  return notes;
}
