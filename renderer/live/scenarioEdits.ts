import type { Draft } from 'immer';
import { parseNumberText } from '../app/editor/fieldValues';
import { nodeAcrossItsRegion } from '../../shared/model/partitionGroups';
import { NODE_KIND_INFO } from '../../shared/model/schema/nodeKinds';
import { ACTION_INFO } from '../../shared/model/schema/scenario';
import { LINK_ACTIONS, NODE_ACTIONS, type FaultlineDocument, type NodeKind, type ScenarioAction, type ScenarioEvent } from '../../shared/model/types';

type DocDraft = Draft<FaultlineDocument>;

/** What kind of target an action needs. */
export function targetKindOf(action: ScenarioAction): 'node' | 'link' | 'groups' | 'none' {
  if ((NODE_ACTIONS as readonly string[]).includes(action)) return 'node';
  if ((LINK_ACTIONS as readonly string[]).includes(action)) return 'link';
  if (action === 'partition') return 'groups';
  return 'none';
}

/**
 * Rounds a time to the millisecond the file keeps and clamps it into the run: from 0 to the last
 * millisecond before the end (an event at durationS never happens).
 */
export function clampEventTime(doc: FaultlineDocument, atS: number): number {
  const last = Math.max(0, Math.ceil(doc.durationS * 1000) / 1000 - 0.001);
  return Math.min(last, Math.max(0, Math.round(atS * 1000) / 1000));
}

/**
 * An event time as typed: seconds ("90", "90.5"), or minutes and seconds as the playback clock
 * writes them ("1:30", "1:30.5"; "1:01:30" with hours) — in an hour-long run the clock says
 * 30:00.0, and working out 1800 was left to the teacher.
 */
export function parseEventTime(text: string): { ok: true; value: number | undefined } | { ok: false; message: string } {
  const trimmed = text.trim();
  if (!trimmed.includes(':')) return parseNumberText(trimmed);
  const parts = trimmed.split(':');
  const wellFormed =
    parts.length <= 3 &&
    parts.slice(0, -1).every((part) => /^\d+$/.test(part)) &&
    /^(\d+\.?\d*|\.\d+)$/.test(parts[parts.length - 1]) &&
    parts.slice(1).every((part) => Number(part) < 60);
  if (!wellFormed) return { ok: false, message: `"${trimmed}" is not a time: write seconds (90) or minutes:seconds (1:30)` };
  return { ok: true, value: parts.reduce((total, part) => total * 60 + Number(part), 0) };
}

/**
 * Why typed text cannot be an event's time, or null: seconds (or minutes:seconds) from 0 to before
 * the end of the run.
 */
export function eventTimeProblem(doc: FaultlineDocument, text: string): string | null {
  const parsed = parseEventTime(text);
  if (!parsed.ok) return parsed.message;
  if (parsed.value === undefined) return 'a time in seconds is needed';
  if (parsed.value < 0) return 'must be a time in seconds ≥ 0';
  if (Math.round(parsed.value * 1000) / 1000 >= doc.durationS) return `must be before the end of the run (${doc.durationS} s): an event at ${parsed.value} s never happens`;
  return null;
}

/**
 * A new narration note at `atS`; returns its index. Its text starts empty (the editor shows a
 * placeholder): a note without text is valid and shows nothing until the teacher writes one.
 */
export function addScenarioEvent(draft: DocDraft, atS: number): number {
  draft.scenario.push({ atS: clampEventTime(draft as FaultlineDocument, atS), action: 'note' });
  return draft.scenario.length - 1;
}

export function moveScenarioEvent(draft: DocDraft, index: number, atS: number): void {
  const event = draft.scenario[index];
  if (event !== undefined) event.atS = clampEventTime(draft as FaultlineDocument, atS);
}

/**
 * Whether two scenario events say the same (plain JSON compared by value, whatever the key
 * order): an event whose edits were all taken back (Escape) is a new object equal to the one
 * it was.
 */
export function sameScenarioEvent(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) return false;
  const aKeys = Object.keys(a).filter((key) => (a as Record<string, unknown>)[key] !== undefined);
  const bKeys = Object.keys(b).filter((key) => (b as Record<string, unknown>)[key] !== undefined);
  return aKeys.length === bKeys.length && aKeys.every((key) => Object.hasOwn(b, key) && sameScenarioEvent((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
}

export function deleteScenarioEvent(draft: DocDraft, index: number): void {
  if (index >= 0 && index < draft.scenario.length) draft.scenario.splice(index, 1);
}

/** The nodes or links an action can name as its target (a flush: only caches and CDNs), in file order. */
export function targetsFor(doc: FaultlineDocument, action: ScenarioAction): string[] {
  const info = ACTION_INFO[action];
  if (info.target === 'link') return Object.keys(doc.links);
  if (info.target !== 'node') return [];
  const kinds = info.targetKinds;
  return Object.values(doc.nodes)
    .filter((node) => kinds === undefined || kinds.includes(node.kind))
    .map((node) => node.id);
}

/** Why the document has nothing for `action` to act on ("no cache or CDN to flush"), or null. */
export function actionUnavailable(doc: FaultlineDocument, action: ScenarioAction): string | null {
  const info = ACTION_INFO[action];
  if (info.target === 'none' || targetsFor(doc, action).length > 0) return null;
  if (info.target === 'link') return 'the design has no links';
  return info.targetKinds ? `the design has no ${info.targetKinds.map(kindLabel).join(' or ')} to ${action}` : 'the design has no nodes';
}

function kindLabel(kind: NodeKind): string {
  return kind === 'cdn' ? 'CDN' : kind;
}

/**
 * Changes an event's action, keeping the document valid: a target the new action can act on is
 * picked (the first in the file) when the old one does not fit — a flush needs a cache or a CDN,
 * not the first node, which made the document invalid and stopped edits reaching the run — and
 * fields the new action does not use are dropped. Does nothing for an action with nothing to act
 * on (see {@link actionUnavailable}).
 */
export function setScenarioAction(draft: DocDraft, index: number, action: ScenarioAction): void {
  const event = draft.scenario[index];
  const doc = draft as FaultlineDocument;
  if (event === undefined || actionUnavailable(doc, action) !== null) return;
  const after = targetKindOf(action);
  const targets = targetsFor(doc, action);
  const sameParams = ACTION_INFO[event.action].params === ACTION_INFO[action].params;
  event.action = action;
  if (after !== 'node' && after !== 'link') delete event.target;
  else if (event.target === undefined || !targets.includes(event.target)) event.target = targets[0];
  if (after !== 'groups') delete event.groups;
  else event.groups ??= defaultGroups(draft as FaultlineDocument);
  if (action !== 'slow') delete event.factor;
  else event.factor ??= 5;
  // A set event's patch is for its node's kind, a degrade's for a link: kept only within the same action.
  if (!sameParams) delete event.params;
  if (action === 'degrade') event.params ??= { latencyMs: 200 };
  if (action === 'set') event.params ??= {};
}

/**
 * Points an event at another node or link. A `set` keeps only the settings the new node's kind
 * has: a patch for another kind ("rps" on a database) changes nothing, and the editor, which
 * lists the new kind's fields, would not even show it.
 */
export function setScenarioTarget(draft: DocDraft, index: number, target: string): void {
  const event = draft.scenario[index];
  if (event === undefined) return;
  event.target = target;
  if (event.action !== 'set' || event.params === undefined || !Object.hasOwn(draft.nodes, target)) return;
  const names = new Set(NODE_KIND_INFO[draft.nodes[target].kind].fields.map((field) => field.name));
  for (const name of Object.keys(event.params)) if (!names.has(name)) delete event.params[name];
}

/**
 * One parameter of a `set` or `degrade` event: a config field of the target node (`set`) or the
 * link's latencyMs / jitterMs / lossRate (`degrade`); `undefined` takes it out of the patch.
 */
export function setScenarioParam(draft: DocDraft, index: number, path: readonly string[], value: unknown): void {
  const event = draft.scenario[index];
  if (event === undefined || path.length === 0) return;
  const params = (event.params ??= {}) as Record<string, unknown>;
  const parents = [params];
  for (const key of path.slice(0, -1)) {
    const parent = parents[parents.length - 1];
    const next = parent[key];
    if (typeof next !== 'object' || next === null) {
      if (value === undefined) return;
      parent[key] = {};
    }
    parents.push(parent[key] as Record<string, unknown>);
  }
  const last = path[path.length - 1];
  if (value !== undefined) {
    parents[parents.length - 1][last] = value;
    return;
  }
  delete parents[parents.length - 1][last];
  // A group left empty (a health check whose one changed field was emptied) leaves the patch too:
  // kept, it was saved as `"healthCheck": {}`, a setting the event named and did not change.
  for (let depth = parents.length - 1; depth > 0 && Object.keys(parents[depth]).length === 0; depth--) delete parents[depth - 1][path[depth - 1]];
}

/**
 * A new partition's groups: the first region against the others when there are two or more (the
 * split a class is shown: one data centre cut off from the rest), else the nodes in two halves.
 */
function defaultGroups(doc: FaultlineDocument): string[][] {
  const regions = Object.keys(doc.regions);
  if (regions.length >= 2) return [regions.slice(0, 1), regions.slice(1)];
  const ids = Object.keys(doc.nodes);
  const half = Math.ceil(ids.length / 2);
  return [ids.slice(0, half), ids.slice(half)];
}

export function setScenarioFields(draft: DocDraft, index: number, fields: Partial<Pick<ScenarioEvent, 'target' | 'note' | 'pause' | 'factor' | 'groups'>>): void {
  const event = draft.scenario[index];
  if (event === undefined) return;
  for (const [key, value] of Object.entries(fields) as [keyof typeof fields, unknown][]) {
    if (value === undefined || value === '' || value === false) delete event[key];
    else (event as Record<string, unknown>)[key] = value;
  }
}

/** "a, b | c" → [["a","b"],["c"]]: the partition groups field as typed. */
export function parseGroups(text: string): string[][] {
  return text
    .split('|')
    .map((group) => group.split(',').map((id) => id.trim()).filter((id) => id.length > 0))
    .filter((group) => group.length > 0);
}

export function formatGroups(groups: readonly (readonly string[])[] | undefined): string {
  return (groups ?? []).map((group) => group.join(', ')).join(' | ');
}

/**
 * Why typed partition groups cannot be used, or null when they can: two groups or more (one cuts
 * nothing off; the loader warns of it), every
 * member a node or region of the document, nobody on two sides (the loader's own rules), and no
 * node named on one side while its region is named on another (the run would put it on the later
 * side, cut off from its own region, which is rarely what was meant; the loader warns of it).
 */
/** What is wrong with the Groups field's text, or null: an empty group between two | first (it was dropped without a word). */
export function groupsTextProblem(doc: FaultlineDocument, text: string): string | null {
  const groups = text.split('|');
  const last = groups.length - 1;
  // A | at the very end is a group still being typed: the one-group message says what is missing.
  if (groups.some((group, i) => group.trim() === '' && i > 0 && i < last)) return 'a group between two | is empty: name its nodes or regions, or take one | out';
  return groupsProblem(doc, parseGroups(text));
}

export function groupsProblem(doc: FaultlineDocument, groups: readonly (readonly string[])[]): string | null {
  if (groups.length === 0) return 'name two groups of node or region ids: a, b | c';
  const seen = new Set<string>();
  for (const group of groups) {
    for (const member of group) {
      if (!Object.hasOwn(doc.nodes, member) && !Object.hasOwn(doc.regions, member)) {
        // The canvas shows names; the groups take ids. A name typed here says which id it is.
        const named = [...Object.values(doc.nodes), ...Object.values(doc.regions)].filter((record) => record.name !== undefined && record.name.trim().toLowerCase() === member.toLowerCase());
        if (named.length === 1) return `"${member}" is a name: groups take ids, so write ${named[0].id}`;
        return `"${member}" is neither a node nor a region`;
      }
      if (seen.has(member)) return `"${member}" is in two groups; a member can be on one side only`;
      seen.add(member);
    }
  }
  if (groups.length === 1) return 'name a second group after |: traffic is cut only between groups';
  const across = nodeAcrossItsRegion(doc, groups);
  return across === null ? null : `"${across.node}" is in region "${across.region}", which is in another group; a member can be on one side only`;
}

/**
 * Where event `index` comes on the timeline (1-based), of how many: by time, then by file order
 * (what runs first at one moment). The editor's title numbered events in the order they were
 * added, so "Event 3" could be the first marker on the timeline.
 */
export function timelinePosition(scenario: readonly { atS: number }[], index: number): { position: number; count: number } {
  const atS = scenario[index].atS;
  const before = scenario.filter((event, i) => event.atS < atS || (event.atS === atS && i < index)).length;
  return { position: before + 1, count: scenario.length };
}
