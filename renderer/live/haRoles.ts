import type { FaultlineDocument } from '../../shared/model/types';
import { NODE_DOWN } from '../../shared/sim/session/protocol';

/** The halves of a document's lb `ha` pairs: each active half's index in the run's node order, and the passive peers. */
export interface HaHalves {
  activeIndex: Map<string, number>;
  passive: Set<string>;
}

/** Found once per document (a scan of every node per node per frame cost 110 ms a frame at 1000 nodes). */
export function haHalves(doc: FaultlineDocument, ids: readonly string[]): HaHalves {
  const activeIndex = new Map<string, number>();
  const passive = new Set<string>();
  for (const node of Object.values(doc.nodes)) {
    const ha = (node.config as { ha?: { peer?: string } }).ha;
    if (node.kind !== 'lb' || ha?.peer === undefined) continue;
    activeIndex.set(node.id, ids.indexOf(node.id));
    passive.add(ha.peer);
  }
  return { activeIndex, passive };
}

/** The configured active half is ACTIVE (FAILED while down), its peer PASSIVE; other nodes have no HA role. */
export function haRoleOf(halves: HaHalves, nodeId: string, nodeStatus: ArrayLike<number>): string {
  const active = halves.activeIndex.get(nodeId);
  if (active !== undefined) return nodeStatus[active] === NODE_DOWN ? 'FAILED' : 'ACTIVE';
  return halves.passive.has(nodeId) ? 'PASSIVE' : '';
}
