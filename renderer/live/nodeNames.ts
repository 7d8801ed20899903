import type { FaultlineDocument } from '../../shared/model/types';

/** Turns a node id into the words the user knows the node by. */
export type NodeNamer = (id: string) => string;

type Nodes = FaultlineDocument['nodes'];

/**
 * A node as a picker lists it: its name and its id when they differ ("App A (app)"), else the
 * id. An id that is not in the document (a deleted node) is shown as it is.
 */
export function nodeLabel(nodes: Nodes, id: string): string {
  const name = Object.hasOwn(nodes, id) ? nodes[id].name : undefined;
  return name !== undefined && name !== id ? `${name} (${id})` : id;
}

/**
 * How running text names nodes (log lines, menus, chart legends): the name the canvas shows —
 * the node's name, else its id. When two nodes would read the same, each named one is shown as
 * "Name (id)" (nodeLabel) so the reader can tell them apart. The document still stores ids.
 */
export function nodeNamer(nodes: Nodes): NodeNamer {
  const shown = (id: string) => nodes[id].name ?? id;
  const seen = new Map<string, number>();
  for (const id of Object.keys(nodes)) seen.set(shown(id), (seen.get(shown(id)) ?? 0) + 1);
  return (id) => {
    if (!Object.hasOwn(nodes, id)) return id;
    const name = shown(id);
    return (seen.get(name) ?? 0) > 1 ? nodeLabel(nodes, id) : name;
  };
}

/** Ids as they are: for text that has no document to name them by. */
export const idsAsNames: NodeNamer = (id) => id;
