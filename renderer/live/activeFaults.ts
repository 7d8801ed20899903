import type { FaultlineDocument, ScenarioEvent } from '../../shared/model/types';

/** The network faults in force at one simulated time, as the canvas draws them. */
export interface ActiveFaults {
  cutLinks: ReadonlySet<string>;
  degradedLinks: ReadonlySet<string>;
  /** Each partition's groups, resolved to node ids (a region id stands for its nodes). */
  partitions: readonly (readonly (readonly string[])[])[];
}

export const NO_FAULTS: ActiveFaults = { cutLinks: new Set(), degradedLinks: new Set(), partitions: [] };

function resolveGroup(doc: FaultlineDocument, group: readonly string[]): string[] {
  const nodes: string[] = [];
  for (const id of group) {
    if (Object.hasOwn(doc.nodes, id)) nodes.push(id);
    else if (Object.hasOwn(doc.regions, id)) for (const node of Object.values(doc.nodes)) if (node.region === id) nodes.push(node.id);
  }
  return nodes;
}

/**
 * Replays the scenario's link and partition events up to `timeMs` (events at the same time in
 * file order, as the engine applies them). Node states come from the engine's frames instead:
 * random mtbf crashes are not in the scenario.
 */
export function activeFaultsAt(doc: FaultlineDocument, timeMs: number): ActiveFaults {
  const events = doc.scenario
    .map((event, index) => ({ event, index }))
    .filter(({ event }) => event.atS * 1000 <= timeMs)
    .sort((a, b) => a.event.atS - b.event.atS || a.index - b.index);
  if (events.length === 0) return NO_FAULTS;
  const cut = new Set<string>();
  const degraded = new Set<string>();
  let partitions: string[][][] = [];
  const apply = (event: ScenarioEvent) => {
    const target = event.target;
    switch (event.action) {
      case 'cut':
        if (target !== undefined) cut.add(target);
        break;
      case 'degrade':
        if (target !== undefined) degraded.add(target);
        break;
      case 'restore':
        if (target !== undefined) {
          cut.delete(target);
          degraded.delete(target);
        }
        break;
      case 'partition':
        if (event.groups !== undefined) partitions = [...partitions, event.groups.map((group) => resolveGroup(doc, group))];
        break;
      case 'heal':
        partitions = [];
        break;
    }
  };
  for (const { event } of events) apply(event);
  if (cut.size === 0 && degraded.size === 0 && partitions.length === 0) return NO_FAULTS;
  return { cutLinks: cut, degradedLinks: degraded, partitions };
}

/** Links whose two ends fall in different groups of a partition. */
export function linksAcross(doc: FaultlineDocument, groups: readonly (readonly string[])[]): string[] {
  const groupOf = new Map<string, number>();
  groups.forEach((group, g) => group.forEach((node) => groupOf.set(node, g)));
  return Object.values(doc.links)
    .filter((link) => {
      const a = groupOf.get(link.from);
      const b = groupOf.get(link.to);
      return a !== undefined && b !== undefined && a !== b;
    })
    .map((link) => link.id);
}
