import type { ClientConfig, ResolvedNode } from '../../../model/types';

/**
 * The clients' key space a shard router partitions: keys 0..n−1 with n the largest `keys.count`
 * of any client in the document (requests reach a router through apps, so "its" clients are not
 * its link neighbours; every client's keys may end up there). `resolved`: every node's config.
 */
export function allClientsKeySpace(resolved: ReadonlyMap<string, ResolvedNode>): number {
  let keys = 0;
  for (const node of resolved.values()) {
    if (node.kind === 'client') keys = Math.max(keys, (node.config as ClientConfig).keys.count);
  }
  return keys;
}
