import type { FaultlineDocument } from './types';

/**
 * The first node a partition names in one group while naming its region in another, or null.
 * The run puts such a node in the later of the two groups (a region stands for every node whose
 * `region` it is), cutting it off from the rest of its own region.
 */
export function nodeAcrossItsRegion(doc: Pick<FaultlineDocument, 'nodes' | 'regions'>, groups: readonly (readonly unknown[])[]): { node: string; region: string; nodeGroup: number; regionGroup: number } | null {
  const regionGroup = new Map<string, number>();
  groups.forEach((group, index) => {
    for (const member of group) if (typeof member === 'string' && Object.hasOwn(doc.regions, member) && !Object.hasOwn(doc.nodes, member)) regionGroup.set(member, index);
  });
  for (const [index, group] of groups.entries()) {
    for (const member of group) {
      if (typeof member !== 'string' || !Object.hasOwn(doc.nodes, member)) continue;
      const region = doc.nodes[member].region;
      const other = region === undefined ? undefined : regionGroup.get(region);
      if (other !== undefined && other !== index) return { node: member, region: region!, nodeGroup: index, regionGroup: other };
    }
  }
  return null;
}
