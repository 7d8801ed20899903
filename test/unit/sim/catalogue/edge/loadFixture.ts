import { readFileSync } from 'node:fs';
import { loadDocument } from '../../../../../shared/model/load';
import type { FaultlineDocument } from '../../../../../shared/model/types';

/** Loads `test/fixtures/sim/edge/<name>.faultline` through the real loader. */
export function loadEdgeFixture(name: string): FaultlineDocument {
  const text = readFileSync(new URL(`../../../../fixtures/sim/edge/${name}.faultline`, import.meta.url), 'utf8');
  const loaded = loadDocument(text);
  if (!loaded.ok) throw new Error(`${name}: ${loaded.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
  return loaded.document;
}

/** The document with one node's config patched (a variant of a fixture). */
export function withConfig(doc: FaultlineDocument, nodeId: string, patch: Record<string, unknown>): FaultlineDocument {
  const copy = structuredClone(doc);
  copy.nodes[nodeId].config = { ...copy.nodes[nodeId].config, ...patch };
  return copy;
}
