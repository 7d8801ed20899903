import { mergeConfigPatch, resolveConfig, resolveContext, resolveLink } from '../../shared/model/defaults';
import type { FaultlineDocument, ScenarioEvent } from '../../shared/model/types';

/**
 * The events the run applies before event `index` that act on the same target, in the order it
 * applies them: by time, then file order (ScenarioRunner.start).
 */
function earlierOnTarget(doc: FaultlineDocument, index: number): ScenarioEvent[] {
  const event = doc.scenario[index];
  return doc.scenario
    .map((other, i) => ({ other, i }))
    .filter(({ other, i }) => i !== index && other.target === event.target && (other.atS < event.atS || (other.atS === event.atS && i < index)))
    .sort((x, y) => x.other.atS - y.other.atS || x.i - y.i)
    .map(({ other }) => other);
}

/**
 * The complete config a `set` event's node has just before the event: its own config with the
 * patches of the `set` events the run applies earlier. A field the patch leaves out keeps this
 * value, so it is what the editor shows for it (not the kind's default). Undefined when the event
 * is not a `set` of a node of the document.
 */
export function configBeforeSet(doc: FaultlineDocument, index: number): Record<string, unknown> | undefined {
  const event = doc.scenario[index];
  if (event?.action !== 'set' || event.target === undefined || !Object.hasOwn(doc.nodes, event.target)) return undefined;
  const node = doc.nodes[event.target];
  let sparse: Record<string, unknown> = { ...node.config };
  for (const earlier of earlierOnTarget(doc, index)) if (earlier.action === 'set') sparse = mergeConfigPatch(node.kind, sparse, earlier.params ?? {});
  return Object.fromEntries(Object.entries(resolveConfig(node.kind, sparse, resolveContext(doc, node.id))));
}

/**
 * The latency, jitter and loss a `degrade` event's link has just before the event: as designed,
 * changed by the degrades the run applies earlier and put back by a `restore`. Undefined when the
 * event is not a `degrade` of a link of the document.
 */
export function linkBeforeDegrade(doc: FaultlineDocument, index: number): Record<string, unknown> | undefined {
  const event = doc.scenario[index];
  if (event?.action !== 'degrade' || event.target === undefined || !Object.hasOwn(doc.links, event.target)) return undefined;
  const { latencyMs, jitterMs, lossRate } = resolveLink(doc, event.target);
  const designed = { latencyMs, jitterMs, lossRate };
  let values: Record<string, unknown> = { ...designed };
  for (const earlier of earlierOnTarget(doc, index)) {
    if (earlier.action === 'restore') values = { ...designed };
    if (earlier.action !== 'degrade') continue;
    // As the run takes them: numbers ≥ 0 only, a loss rate of at most 1.
    for (const name of ['latencyMs', 'jitterMs', 'lossRate'] as const) {
      const value = earlier.params?.[name];
      if (typeof value === 'number' && Number.isFinite(value) && value >= 0) values[name] = name === 'lossRate' ? Math.min(1, value) : value;
    }
  }
  return values;
}
