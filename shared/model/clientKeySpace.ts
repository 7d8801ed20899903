import type { ClientConfig, FaultlineDocument, ResolvedNode } from './types';

/**
 * The largest `keys.count` among the clients linked straight to `nodeId` (0 if none): the key
 * space a push CDN is given in full (DESIGN §3). The engine sizes the CDN with it and the lint
 * compares the CDN's capacity with it, so both must read it the same way. `resolved`: every
 * node's config (resolveAllNodes), resolved once by the caller.
 */
export function linkedClientsKeySpace(doc: FaultlineDocument, nodeId: string, resolved: ReadonlyMap<string, ResolvedNode>): number {
  let keys = 0;
  for (const link of Object.values(doc.links)) {
    if (link.to !== nodeId || doc.nodes[link.from]?.kind !== 'client') continue;
    keys = Math.max(keys, (resolved.get(link.from)!.config as ClientConfig).keys.count);
  }
  return keys;
}
