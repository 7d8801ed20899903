import { loadDocumentValue } from '../../../../shared/model/load';
import type { FaultlineDocument } from '../../../../shared/model/types';

export interface NodeSpec {
  id: string;
  kind: string;
  region?: string;
  config?: Record<string, unknown>;
}

export interface LinkSpec {
  from: string;
  to: string;
  id?: string;
  latencyMs?: number;
  jitterMs?: number;
  lossRate?: number;
  bandwidthMbps?: number;
  weight?: number;
  kind?: 'traffic' | 'replication';
}

export interface DocSpec {
  seed?: number;
  durationS?: number;
  nodes: NodeSpec[];
  links: LinkSpec[];
  scenario?: unknown[];
  checks?: unknown[];
  regions?: string[];
  title?: string;
}

/** Builds a validated document through the real loader (a test document must be a valid file). */
export function makeDocument(spec: DocSpec): FaultlineDocument {
  const value = {
    format: 'faultline',
    version: 1,
    meta: { title: spec.title ?? 'test' },
    seed: spec.seed ?? 1,
    durationS: spec.durationS ?? 10,
    regions: (spec.regions ?? []).map((id, i) => ({ id, name: id, x: i * 500, y: 0, w: 400, h: 400 })),
    nodes: spec.nodes.map((node, i) => ({ id: node.id, kind: node.kind, region: node.region, x: i * 100, y: 0, config: node.config ?? {} })),
    links: spec.links.map((link, i) => ({ id: link.id ?? `l${i}`, ...link })),
    scenario: spec.scenario ?? [],
    checks: spec.checks ?? [],
  };
  const result = loadDocumentValue(JSON.parse(JSON.stringify(value)));
  if (!result.ok) throw new Error(`invalid test document: ${result.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
  return result.document;
}
