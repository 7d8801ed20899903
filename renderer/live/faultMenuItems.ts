import type { FaultlineDocument } from '../../shared/model/types';
import { NODE_DEGRADED, NODE_DOWN } from '../../shared/sim/session/protocol';
import type { InjectedFault } from './liveController';
import { activeFaultsAt } from './activeFaults';
import { nodeNamer } from './nodeNames';

export interface FaultMenuItem {
  label: string;
  fault: InjectedFault;
}

/** Node ids on the far side of a node's region (or, without regions, the node alone vs the rest). */
function partitionAround(doc: FaultlineDocument, nodeId: string): string[][] {
  const node = doc.nodes[nodeId];
  const inside = Object.values(doc.nodes)
    .filter((other) => (node.region !== undefined ? other.region === node.region : other.id === nodeId))
    .map((other) => other.id);
  const outside = Object.keys(doc.nodes).filter((id) => !inside.includes(id));
  return outside.length === 0 ? [] : [inside, outside];
}

/** A region by the name its box shows. */
function regionName(doc: FaultlineDocument, regionId: string): string {
  return Object.hasOwn(doc.regions, regionId) ? doc.regions[regionId].name : regionId;
}

/** Healing is offered only while a partition is in force (else it would record an event that does nothing). */
function healItems(doc: FaultlineDocument, timeMs: number): FaultMenuItem[] {
  return activeFaultsAt(doc, timeMs).partitions.length > 0 ? [{ label: 'Heal all partitions', fault: { action: 'heal' } }] : [];
}

/**
 * What a right-click on a node offers at `timeMs`, given its status in the frame shown (nodes
 * named as the canvas shows them; faults target ids). Only what would change something: Restart
 * for a node that is down, Recover speed for one that is slowed, Heal while a partition is in force.
 */
export function nodeFaultItems(doc: FaultlineDocument, nodeId: string, status: number | undefined, timeMs: number): FaultMenuItem[] {
  const node = doc.nodes[nodeId];
  const name = nodeNamer(doc.nodes)(nodeId);
  const items: FaultMenuItem[] = [];
  if (status === NODE_DOWN) items.push({ label: `Restart ${name}`, fault: { action: 'restart', target: nodeId } });
  else items.push({ label: `Crash ${name}`, fault: { action: 'crash', target: nodeId } });
  items.push({ label: 'Slow down ×5', fault: { action: 'slow', target: nodeId, factor: 5 } });
  if (status === NODE_DEGRADED) items.push({ label: 'Recover speed', fault: { action: 'recover', target: nodeId } });
  if (node.kind === 'cache' || node.kind === 'cdn') items.push({ label: 'Flush', fault: { action: 'flush', target: nodeId } });
  const groups = partitionAround(doc, nodeId);
  if (groups.length === 2) items.push({ label: node.region !== undefined ? `Partition region ${regionName(doc, node.region)} from the rest` : `Partition ${name} from the rest`, fault: { action: 'partition', groups } });
  return [...items, ...healItems(doc, timeMs)];
}

/** What a right-click on a link offers at `timeMs` of the run. */
export function linkFaultItems(doc: FaultlineDocument, linkId: string, timeMs: number): FaultMenuItem[] {
  const link = doc.links[linkId];
  const faults = activeFaultsAt(doc, timeMs);
  const name = nodeNamer(doc.nodes, doc.links);
  const impaired = faults.cutLinks.has(linkId) || faults.degradedLinks.has(linkId);
  return [
    // Restore undoes a cut and a degrade alike (the link as designed).
    impaired ? { label: `Restore ${name(linkId)}`, fault: { action: 'restore', target: linkId } } : { label: `Cut ${name(linkId)}`, fault: { action: 'cut', target: linkId } },
    { label: 'Degrade (+200 ms, 5% loss)', fault: { action: 'degrade', target: linkId, params: { latencyMs: 200, lossRate: 0.05 } } },
    { label: `Partition ${name(link.from)} | ${name(link.to)}`, fault: { action: 'partition', groups: [[link.from], [link.to]] } },
    ...healItems(doc, timeMs),
  ];
}
