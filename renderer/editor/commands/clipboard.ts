import type { Draft } from 'immer';
import { copyId, copyName, nextFreeId } from '../../../shared/model/ids';
import type { FaultlineDocument, LinkRecord, NodeRecord, Region } from '../../../shared/model/types';
import { snap, type Point } from '../geometry';
import type { Selection } from '../store/selection';
import { regionFor } from './documentEdits';

/** What Copy keeps: the selected nodes and regions, and the links among the copied nodes. */
export interface ClipboardContent {
  nodes: NodeRecord[];
  links: LinkRecord[];
  regions: Region[];
}

/** Deep copies, so that later edits to the document cannot reach into the clipboard. */
export function copySelection(doc: FaultlineDocument, selection: Selection): ClipboardContent | undefined {
  const nodes = selection.nodes.filter((id) => Object.hasOwn(doc.nodes, id)).map((id) => structuredClone(doc.nodes[id]));
  const regions = selection.regions.filter((id) => Object.hasOwn(doc.regions, id)).map((id) => structuredClone(doc.regions[id]));
  // A copied region takes its nodes along, as copying a frame does in a drawing tool.
  const regionIds = new Set(regions.map((region) => region.id));
  for (const node of Object.values(doc.nodes)) {
    if (node.region !== undefined && regionIds.has(node.region) && !nodes.some((copied) => copied.id === node.id)) nodes.push(structuredClone(node));
  }
  if (nodes.length === 0 && regions.length === 0) return undefined;
  const copied = new Set(nodes.map((node) => node.id));
  const links = Object.values(doc.links)
    .filter((link) => copied.has(link.from) && copied.has(link.to))
    .map((link) => structuredClone(link));
  return { nodes, links, regions };
}

/** Adds the content with fresh ids, shifted by `shift` (the same both ways when a number); returns the new selection. */
export function pasteContent(draft: Draft<FaultlineDocument>, content: ClipboardContent, shift: number | Point): Selection {
  const offset = typeof shift === 'number' ? { x: shift, y: shift } : shift;
  const taken = (record: Record<string, unknown>) => ({ has: (id: string) => Object.hasOwn(record, id) });
  // Copies get fresh ids and, where the original had a name that is taken, a fresh one ("Cache 2"),
  // so two cards never read the same. A name no longer in use (its node was cut, or the paste is
  // into another document) is kept. A node without a name reads as its id, so ids count as taken.
  const regionNames = new Set(Object.values(draft.regions).map((region) => region.name));
  const nodeNames = new Set(Object.values(draft.nodes).map((node) => node.name ?? node.id));
  const freeName = (name: string, taken: ReadonlySet<string>) => (taken.has(name) ? copyName(name, taken) : name);
  const regionIds = new Map<string, string>();
  for (const region of content.regions) {
    const id = copyId(region.id, taken(draft.regions));
    regionIds.set(region.id, id);
    const name = freeName(region.name, regionNames);
    regionNames.add(name);
    draft.regions[id] = { ...structuredClone(region), id, name, x: region.x + offset.x, y: region.y + offset.y };
  }
  const nodeIds = new Map<string, string>();
  for (const node of content.nodes) {
    const id = copyId(node.id, taken(draft.nodes));
    nodeIds.set(node.id, id);
    const copy: NodeRecord = { ...structuredClone(node), id, x: snap(node.x + offset.x), y: snap(node.y + offset.y) };
    if (node.name !== undefined) {
      const name = freeName(node.name, nodeNames);
      // Named as its own id would read as no name at all: the document holds no name then.
      if (name === id) delete copy.name;
      else copy.name = name;
    }
    nodeNames.add(copy.name ?? id);
    delete copy.region;
    draft.nodes[id] = copy;
    const region = node.region !== undefined && regionIds.has(node.region) ? regionIds.get(node.region) : regionFor(draft as FaultlineDocument, copy);
    if (region !== undefined) draft.nodes[id].region = region;
  }
  const linkIds: string[] = [];
  for (const link of content.links) {
    const from = nodeIds.get(link.from)!;
    const to = nodeIds.get(link.to)!;
    // Named after its new ends, as a drawn link is (the original's id names the original's ends).
    const id = nextFreeId(`${from}-${to}`, taken(draft.links));
    draft.links[id] = { ...structuredClone(link), id, from, to };
    linkIds.push(id);
  }
  return { nodes: [...nodeIds.values()], links: linkIds, regions: [...regionIds.values()] };
}
