/**
 * Recipes for the editor's document edits. Each runs inside `DocumentStore.update`, so it is one
 * undoable step, and each leaves the document valid: deleting a node also removes its links and
 * anything that names it (scenario events, checks, partition groups, an lb's HA peer).
 */
import type { Draft } from 'immer';
import { nextFreeId } from '../../../shared/model/ids';
import type { FaultlineDocument, LinkKind, NodeKind, NodeRecord, Region } from '../../../shared/model/types';
import { nodeCentre, REGION_MIN, regionAt, snap, type Point, type Rect } from '../geometry';
import type { Selection } from '../store/selection';

type DocDraft = Draft<FaultlineDocument>;

/** Id prefixes for new records: short, readable, valid ids. */
const ID_PREFIX: Record<NodeKind, string> = {
  client: 'users',
  dns: 'dns',
  cdn: 'cdn',
  lb: 'lb',
  proxy: 'proxy',
  app: 'app',
  cache: 'cache',
  db: 'db',
  'shard-router': 'shards',
  queue: 'queue',
  worker: 'worker',
};

function idSet(record: Record<string, unknown>): { has(id: string): boolean } {
  return { has: (id: string) => Object.hasOwn(record, id) };
}

/** The region a node at this position belongs to: the smallest one containing its centre. */
export function regionFor(doc: FaultlineDocument, node: Pick<NodeRecord, 'x' | 'y'>): string | undefined {
  return regionAt(doc, nodeCentre(node))?.id;
}

function assignRegion(draft: DocDraft, node: Draft<NodeRecord>): void {
  const region = regionFor(draft as FaultlineDocument, node);
  if (region === undefined) delete node.region;
  else node.region = region;
}

/** Adds a node with its top-left corner snapped to the grid; returns its id. */
export function addNode(draft: DocDraft, kind: NodeKind, corner: Point): string {
  const id = nextFreeId(ID_PREFIX[kind], idSet(draft.nodes));
  const node: NodeRecord = { id, kind, x: snap(corner.x), y: snap(corner.y), config: {} };
  draft.nodes[id] = node;
  assignRegion(draft, draft.nodes[id]);
  return id;
}

/** Places nodes at their start position plus a delta, snapped, and re-derives their regions. */
export function placeNodes(draft: DocDraft, starts: ReadonlyMap<string, Point>, delta: Point): void {
  for (const [id, start] of starts) {
    if (!Object.hasOwn(draft.nodes, id)) continue;
    const node = draft.nodes[id];
    node.x = snap(start.x + delta.x);
    node.y = snap(start.y + delta.y);
    assignRegion(draft, node);
  }
}

/** Moves regions (boxes only, not their nodes) by a snapped delta from their start positions. */
export function placeRegions(draft: DocDraft, starts: ReadonlyMap<string, Point>, delta: Point): void {
  for (const [id, start] of starts) {
    if (!Object.hasOwn(draft.regions, id)) continue;
    draft.regions[id].x = start.x + snap(delta.x);
    draft.regions[id].y = start.y + snap(delta.y);
  }
}

/** Moves a region and the nodes inside it by a snapped delta from their start positions. */
export function placeRegion(draft: DocDraft, regionId: string, start: Point, memberStarts: ReadonlyMap<string, Point>, delta: Point): void {
  if (!Object.hasOwn(draft.regions, regionId)) return;
  const dx = snap(delta.x);
  const dy = snap(delta.y);
  const region = draft.regions[regionId];
  region.x = start.x + dx;
  region.y = start.y + dy;
  for (const [id, memberStart] of memberStarts) {
    if (!Object.hasOwn(draft.nodes, id)) continue;
    draft.nodes[id].x = memberStart.x + dx;
    draft.nodes[id].y = memberStart.y + dy;
  }
  // The box may now cover other nodes, or leave a nested region's: membership follows geometry.
  for (const node of Object.values(draft.nodes)) assignRegion(draft, node);
}

/**
 * Moves regions and the nodes inside them (`memberStarts`) by a snapped delta from their start
 * positions, then re-derives every node's region, as placeRegion does for one region.
 */
export function moveRegions(draft: DocDraft, regionStarts: ReadonlyMap<string, Point>, memberStarts: ReadonlyMap<string, Point>, delta: Point): void {
  placeRegions(draft, regionStarts, delta);
  const dx = snap(delta.x);
  const dy = snap(delta.y);
  for (const [id, memberStart] of memberStarts) {
    if (!Object.hasOwn(draft.nodes, id)) continue;
    draft.nodes[id].x = memberStart.x + dx;
    draft.nodes[id].y = memberStart.y + dy;
  }
  for (const node of Object.values(draft.nodes)) assignRegion(draft, node);
}

/** Resizes a region from its bottom-right corner; nodes now inside join it, nodes left outside leave. */
export function resizeRegion(draft: DocDraft, regionId: string, corner: Point): void {
  if (!Object.hasOwn(draft.regions, regionId)) return;
  const region = draft.regions[regionId];
  region.w = Math.max(REGION_MIN.w, snap(corner.x - region.x));
  region.h = Math.max(REGION_MIN.h, snap(corner.y - region.y));
  for (const node of Object.values(draft.nodes)) {
    if (node.region === regionId || regionFor(draft as FaultlineDocument, node) === regionId) assignRegion(draft, node);
  }
}

/** Adds a labelled region box; nodes whose centres it covers join it. Returns its id. */
export function addRegion(draft: DocDraft, rect: Rect, name = 'Region'): string {
  const id = nextFreeId('region', idSet(draft.regions));
  const region: Region = {
    id,
    name: id === 'region' ? name : `${name} ${id.slice('region'.length)}`,
    x: snap(rect.x),
    y: snap(rect.y),
    w: Math.max(REGION_MIN.w, snap(rect.w)),
    h: Math.max(REGION_MIN.h, snap(rect.h)),
  };
  draft.regions[id] = region;
  for (const node of Object.values(draft.nodes)) assignRegion(draft, node);
  return id;
}

export function addLink(draft: DocDraft, from: string, to: string, kind: LinkKind): string {
  const id = nextFreeId(`${from}-${to}`.slice(0, 60), idSet(draft.links));
  draft.links[id] = { id, from, to, kind };
  return id;
}

/** A node's display name; empty text clears it so the card shows the id. */
export function renameNode(draft: DocDraft, id: string, name: string): void {
  if (!Object.hasOwn(draft.nodes, id)) return;
  const trimmed = name.trim();
  if (trimmed === '' || trimmed === id) delete draft.nodes[id].name;
  else draft.nodes[id].name = trimmed;
}

/**
 * Why region `id` cannot take this name, or null: a region box always shows one (the inspector
 * and the inline rename both say so), and no other region has it (notices name regions: "moved
 * from Region One to …" must say which). Names compare as shown: trimmed, ignoring case.
 */
export function regionNameProblem(name: string, doc?: Pick<FaultlineDocument, 'regions'>, id?: string): string | null {
  const trimmed = name.trim();
  if (trimmed === '') return 'a region needs a name';
  const taken = doc === undefined ? undefined : Object.values(doc.regions).find((region) => region.id !== id && region.name.trim().toLowerCase() === trimmed.toLowerCase());
  return taken === undefined ? null : `another region is already called "${taken.name}"`;
}

export function renameRegion(draft: DocDraft, id: string, name: string): void {
  if (!Object.hasOwn(draft.regions, id)) return;
  const trimmed = name.trim();
  if (trimmed !== '') draft.regions[id].name = trimmed;
}

/** What a deletion took with it besides the selection (the editor tells the user). */
export interface DeletedAlong {
  scenarioEvents: number;
  checks: number;
}

/**
 * Deletes the selected nodes, links and regions and everything that refers to them, so the
 * document stays one that loads: events aimed at them, partition groups left empty (a partition
 * left with fewer than two groups goes), HA peers in configs and in `set` events, checks on them.
 */
export function deleteSelection(draft: DocDraft, selection: Selection): DeletedAlong {
  const nodes = new Set(selection.nodes.filter((id) => Object.hasOwn(draft.nodes, id)));
  const links = new Set(selection.links.filter((id) => Object.hasOwn(draft.links, id)));
  const regions = new Set(selection.regions.filter((id) => Object.hasOwn(draft.regions, id)));
  for (const link of Object.values(draft.links)) {
    if (nodes.has(link.from) || nodes.has(link.to)) links.add(link.id);
  }
  // The nodes each deleted region holds and keeps (read before the boxes go and they are re-homed).
  const formerMembers = new Map<string, string[]>([...regions].map((id) => [id, []]));
  for (const node of Object.values(draft.nodes)) {
    if (node.region !== undefined && !nodes.has(node.id)) formerMembers.get(node.region)?.push(node.id);
  }
  for (const id of nodes) delete draft.nodes[id];
  for (const id of links) delete draft.links[id];
  // Deleting a region keeps its nodes: they belong to whatever region still surrounds them
  // (an enclosing one, when the deleted region was nested), or to none.
  for (const id of regions) delete draft.regions[id];
  const peerIsGone = (ha: unknown): boolean => isPlainRecord(ha) && typeof ha.peer === 'string' && nodes.has(ha.peer);
  for (const node of Object.values(draft.nodes)) {
    if (node.region !== undefined && regions.has(node.region)) assignRegion(draft, node);
    if (node.kind === 'lb' && peerIsGone(node.config.ha)) delete node.config.ha;
  }
  const eventsBefore = draft.scenario.length;
  draft.scenario = draft.scenario.filter((event) => event.target === undefined || !(nodes.has(event.target) || links.has(event.target)));
  // A deleted region's nodes stay where they were, so a partition that named the region names
  // them in its place: the same nodes are cut off from the same others, and deleting a box (to
  // draw it again, say) does not take a scripted partition and its narration away. A partition
  // the deletion leaves with fewer than two groups cuts nothing off (traffic is cut only between
  // groups), and a `set` whose only change was the deleted peer changes nothing: both go, and are
  // counted, rather than stay on the timeline doing nothing under their narration.
  const emptied = new Set<object>();
  for (const event of draft.scenario) {
    if (event.groups) {
      const named = (member: string) => nodes.has(member) || regions.has(member);
      if (!event.groups.some((group) => group.some(named))) continue;
      const replaced = event.groups.map((group) => group.flatMap((member) => (regions.has(member) ? (formerMembers.get(member) ?? []) : nodes.has(member) ? [] : [member])));
      event.groups = inLastGroupOnly(replaced).filter((group) => group.length > 0);
      if (event.groups.length < 2) emptied.add(event);
    }
    if (event.action === 'set' && isPlainRecord(event.params) && peerIsGone(event.params.ha)) {
      delete event.params.ha;
      if (Object.keys(event.params).length === 0) emptied.add(event);
    }
  }
  draft.scenario = draft.scenario.filter((event) => !emptied.has(event));
  const checksBefore = draft.checks.length;
  draft.checks = draft.checks.filter((check) => check.node === undefined || !nodes.has(check.node));
  draft.network.matrix = draft.network.matrix.filter((entry) => !regions.has(entry.from) && !regions.has(entry.to));
  return { scenarioEvents: eventsBefore - draft.scenario.length, checks: checksBefore - draft.checks.length };
}

/**
 * Partition groups with each member kept once, in the last group that names it: a node named on
 * its own in one group and through its region in another is in the later one (as the run puts
 * it), so writing the region's nodes out in its place keeps the run's sides.
 */
function inLastGroupOnly(groups: readonly string[][]): string[][] {
  const lastGroup = new Map<string, number>();
  groups.forEach((group, index) => group.forEach((member) => lastGroup.set(member, index)));
  return groups.map((group, index) => group.filter((member, at) => lastGroup.get(member) === index && group.indexOf(member) === at));
}

function isPlainRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Sets (or, with `undefined`, removes — back to the default) a config value at a path such as
 * `['healthCheck', 'intervalMs']` on every given node. Emptied sub-objects are removed too, so
 * clearing the last field of `healthCheck` leaves no `{}` behind.
 */
export function setConfigValue(draft: DocDraft, nodeIds: readonly string[], path: readonly string[], value: unknown): void {
  for (const id of nodeIds) {
    if (!Object.hasOwn(draft.nodes, id)) continue;
    const node = draft.nodes[id];
    const parents: Record<string, unknown>[] = [node.config];
    let cursor: Record<string, unknown> = node.config;
    for (const key of path.slice(0, -1)) {
      if (!isPlainRecord(cursor[key])) {
        if (value === undefined) break;
        cursor[key] = {};
      }
      cursor = cursor[key] as Record<string, unknown>;
      parents.push(cursor);
    }
    if (parents.length !== path.length) continue;
    const last = path[path.length - 1];
    if (value === undefined) delete cursor[last];
    else cursor[last] = value;
    for (let depth = path.length - 2; depth >= 0; depth--) {
      const child = parents[depth + 1];
      if (Object.keys(child).length === 0) delete parents[depth][path[depth]];
    }
  }
}

export type LinkNumberField = 'latencyMs' | 'jitterMs' | 'lossRate' | 'bandwidthMbps' | 'weight';

export function setLinkValue(draft: DocDraft, linkIds: readonly string[], field: LinkNumberField, value: number | undefined): void {
  for (const id of linkIds) {
    if (!Object.hasOwn(draft.links, id)) continue;
    if (value === undefined) delete draft.links[id][field];
    else draft.links[id][field] = value;
  }
}
