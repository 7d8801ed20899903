import type { ClientConfig, FaultlineDocument } from '../../../model/types';
import { resolveNodeConfig } from '../../../model/defaults';

/**
 * The clients' key space a shard router partitions: keys 0..n−1 with n the largest `keys.count`
 * of any client in the document (requests reach a router through apps, so "its" clients are not
 * its link neighbours; every client's keys may end up there).
 */
export function allClientsKeySpace(document: FaultlineDocument): number {
  let keys = 0;
  for (const id of Object.keys(document.nodes)) {
    if (document.nodes[id].kind !== 'client') continue;
    keys = Math.max(keys, (resolveNodeConfig(document, id) as ClientConfig).keys.count);
  }
  return keys;
}
