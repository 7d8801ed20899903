import type { FaultlineDocument } from '../../../shared/model/types';

/**
 * What is selected. Nodes, links and regions have separate id spaces (a region and a node may
 * both be called `us`), so they are kept apart. Selection is never part of undo history.
 */
export interface Selection {
  readonly nodes: readonly string[];
  readonly links: readonly string[];
  readonly regions: readonly string[];
}

export type SelectableKind = keyof Selection;

export const EMPTY_SELECTION: Selection = Object.freeze({ nodes: [], links: [], regions: [] });

export function isEmptySelection(selection: Selection): boolean {
  return selection.nodes.length === 0 && selection.links.length === 0 && selection.regions.length === 0;
}

export function selectionOf(kind: SelectableKind, ids: readonly string[]): Selection {
  return { ...EMPTY_SELECTION, [kind]: [...ids] };
}

export function isSelected(selection: Selection, kind: SelectableKind, id: string): boolean {
  return selection[kind].includes(id);
}

/** Adds the id if absent, removes it if present (shift-click). */
export function toggleInSelection(selection: Selection, kind: SelectableKind, id: string): Selection {
  const ids = selection[kind];
  return { ...selection, [kind]: ids.includes(id) ? ids.filter((other) => other !== id) : [...ids, id] };
}

export function unionSelection(a: Selection, b: Selection): Selection {
  const merge = (x: readonly string[], y: readonly string[]) => [...new Set([...x, ...y])];
  return { nodes: merge(a.nodes, b.nodes), links: merge(a.links, b.links), regions: merge(a.regions, b.regions) };
}

/** Drops ids that no longer exist (after undo, delete or replacing the document). */
export function pruneSelection(selection: Selection, doc: FaultlineDocument): Selection {
  const nodes = selection.nodes.filter((id) => Object.hasOwn(doc.nodes, id));
  const links = selection.links.filter((id) => Object.hasOwn(doc.links, id));
  const regions = selection.regions.filter((id) => Object.hasOwn(doc.regions, id));
  if (nodes.length === selection.nodes.length && links.length === selection.links.length && regions.length === selection.regions.length) return selection;
  return { nodes, links, regions };
}

export function sameSelection(a: Selection, b: Selection): boolean {
  const same = (x: readonly string[], y: readonly string[]) => x.length === y.length && x.every((id, index) => id === y[index]);
  return same(a.nodes, b.nodes) && same(a.links, b.links) && same(a.regions, b.regions);
}
