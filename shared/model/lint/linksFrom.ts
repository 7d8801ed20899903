import type { LinkRecord } from '../types';

/**
 * `links` grouped by the node they leave, built once: filtering every link for every node made a
 * file of a few thousand nodes take minutes to check.
 */
export function linksFrom(links: Iterable<LinkRecord>): (nodeId: string) => readonly LinkRecord[] {
  const byNode = new Map<string, LinkRecord[]>();
  for (const link of links) {
    const from = byNode.get(link.from);
    if (from) from.push(link);
    else byNode.set(link.from, [link]);
  }
  return (nodeId) => byNode.get(nodeId) ?? [];
}
