/** Creating documents and looking records up safely (ids like "constructor" are valid). */
import { DEFAULT_DURATION_S, DEFAULT_INTER_REGION_MS, DEFAULT_INTRA_REGION_MS, DEFAULT_SEED, DEFAULT_TITLE } from './schema/records';
import type { FaultlineDocument, LinkRecord, NetworkSettings, NodeRecord, Region } from './types';
import { CURRENT_VERSION } from './version';

/** The network delays of a file that does not say (DESIGN §3). */
export const DEFAULT_NETWORK: Readonly<Pick<NetworkSettings, 'intraRegionMs' | 'interRegionMs'>> = {
  intraRegionMs: DEFAULT_INTRA_REGION_MS,
  interRegionMs: DEFAULT_INTER_REGION_MS,
};

/** An empty sandbox, as File → New makes it. */
export function createEmptyDocument(title = DEFAULT_TITLE): FaultlineDocument {
  return {
    format: 'faultline',
    version: CURRENT_VERSION,
    meta: { title },
    seed: DEFAULT_SEED,
    durationS: DEFAULT_DURATION_S,
    network: { intraRegionMs: DEFAULT_NETWORK.intraRegionMs, interRegionMs: DEFAULT_NETWORK.interRegionMs, matrix: [] },
    regions: Object.create(null) as Record<string, Region>,
    nodes: Object.create(null) as Record<string, NodeRecord>,
    links: Object.create(null) as Record<string, LinkRecord>,
    scenario: [],
    checks: [],
  };
}

export function getNode(doc: FaultlineDocument, id: string): NodeRecord | undefined {
  return Object.hasOwn(doc.nodes, id) ? doc.nodes[id] : undefined;
}

export function getLink(doc: FaultlineDocument, id: string): LinkRecord | undefined {
  return Object.hasOwn(doc.links, id) ? doc.links[id] : undefined;
}

export function getRegion(doc: FaultlineDocument, id: string): Region | undefined {
  return Object.hasOwn(doc.regions, id) ? doc.regions[id] : undefined;
}

/** Links leaving a node, in link order. */
export function outgoingLinks(doc: FaultlineDocument, nodeId: string, kind?: LinkRecord['kind']): LinkRecord[] {
  return Object.values(doc.links).filter((link) => link.from === nodeId && (kind === undefined || link.kind === kind));
}
