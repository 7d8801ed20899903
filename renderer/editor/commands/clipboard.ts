import type { Draft } from 'immer';
import { nextFreeId } from '../../../shared/model/ids';
import type { FaultlineDocument, LinkRecord, NodeRecord, Region } from '../../../shared/model/types';
import { snap } from '../geometry';
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

/** Adds the content with fresh ids, shifted by `offset`; returns the new selection. */
export function pasteContent(draft: Draft<FaultlineDocument>, content: ClipboardContent, offset: number): Selection {
  const taken = (record: Record<string, unknown>) => ({ has: (id: string) => Object.hasOwn(record, id) });
  const regionIds = new Map<string, string>();
  for (const region of content.regions) {
    const id = nextFreeId(region.id, taken(draft.regions));
    regionIds.set(region.id, id);
    draft.regions[id] = { ...structuredClone(region), id, x: region.x + offset, y: region.y + offset };
  }
  const nodeIds = new Map<string, string>();
  for (const node of content.nodes) {
    const id = nextFreeId(node.id, taken(draft.nodes));
    nodeIds.set(node.id, id);
    const copy: NodeRecord = { ...structuredClone(node), id, x: snap(node.x + offset), y: snap(node.y + offset) };
    delete copy.region;
    draft.nodes[id] = copy;
    const region = node.region !== undefined && regionIds.has(node.region) ? regionIds.get(node.region) : regionFor(draft as FaultlineDocument, copy);
    if (region !== undefined) draft.nodes[id].region = region;
  }
  const linkIds: string[] = [];
  for (const link of content.links) {
    const from = nodeIds.get(link.from)!;
    const to = nodeIds.get(link.to)!;
    const id = nextFreeId(link.id, taken(draft.links));
    draft.links[id] = { ...structuredClone(link), id, from, to };
    linkIds.push(id);
  }
  return { nodes: [...nodeIds.values()], links: linkIds, regions: [...regionIds.values()] };
}
