import type { FaultlineDocument } from '../../shared/model/types';

/** Turns a node id into the words the user knows the node by. */
export type NodeNamer = (id: string) => string;

type Nodes = FaultlineDocument['nodes'];
type Links = FaultlineDocument['links'];
type Regions = FaultlineDocument['regions'];

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
 *
 * Links have no names of their own: given the document's links, a link id reads as its ends
 * ("Load balancer → App A"), the way the canvas shows it — an arrow between two cards. Given the
 * document's regions, a region id (a partition's group) reads as the name on its box.
 */
export function nodeNamer(nodes: Nodes, links: Links = {}, regions: Regions = {}): NodeNamer {
  const shown = (id: string) => nodes[id].name ?? id;
  const seen = new Map<string, number>();
  for (const id of Object.keys(nodes)) seen.set(shown(id), (seen.get(shown(id)) ?? 0) + 1);
  const nodeName = (id: string): string => {
    if (!Object.hasOwn(nodes, id)) return id;
    const name = shown(id);
    return (seen.get(name) ?? 0) > 1 ? nodeLabel(nodes, id) : name;
  };
  return (id) => {
    if (!Object.hasOwn(nodes, id) && Object.hasOwn(links, id)) return `${nodeName(links[id].from)} → ${nodeName(links[id].to)}`;
    if (!Object.hasOwn(nodes, id) && Object.hasOwn(regions, id)) return regions[id].name;
    return nodeName(id);
  };
}

/** Ids as they are: for text that has no document to name them by. */
export const idsAsNames: NodeNamer = (id) => id;
