import type { Draft } from 'immer';
import { parseNumberText } from '../app/editor/fieldValues';
import { LINK_ACTIONS, NODE_ACTIONS, type FaultlineDocument, type ScenarioAction, type ScenarioEvent } from '../../shared/model/types';

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

/** Why typed text cannot be an event's time, or null: seconds from 0 to before the end of the run. */
export function eventTimeProblem(doc: FaultlineDocument, text: string): string | null {
  const parsed = parseNumberText(text);
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

export function deleteScenarioEvent(draft: DocDraft, index: number): void {
  if (index >= 0 && index < draft.scenario.length) draft.scenario.splice(index, 1);
}

/**
 * Changes an event's action, keeping the document valid: a target of the right kind is picked
 * (the first node or link) when the old one does not fit, and fields the new action does not use
 * are dropped.
 */
export function setScenarioAction(draft: DocDraft, index: number, action: ScenarioAction): void {
  const event = draft.scenario[index];
  if (event === undefined) return;
  const before = targetKindOf(event.action);
  const after = targetKindOf(action);
  event.action = action;
  if (after !== before) {
    delete event.target;
    delete event.groups;
    if (after === 'node') event.target = Object.keys(draft.nodes)[0];
    if (after === 'link') event.target = Object.keys(draft.links)[0];
    if (after === 'groups') event.groups = splitInHalf(Object.keys(draft.nodes));
  }
  if (action !== 'slow') delete event.factor;
  else event.factor ??= 5;
  if (action !== 'set' && action !== 'degrade') delete event.params;
  else event.params ??= action === 'degrade' ? { latencyMs: 200 } : {};
}

function splitInHalf(ids: string[]): string[][] {
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
 * Why typed partition groups cannot be used, or null when they can: at least one group, every
 * member a node or region of the document, nobody on two sides (the loader's own rules).
 */
export function groupsProblem(doc: FaultlineDocument, groups: readonly (readonly string[])[]): string | null {
  if (groups.length === 0) return 'name at least one group of node or region ids';
  const seen = new Set<string>();
  for (const group of groups) {
    for (const member of group) {
      if (!Object.hasOwn(doc.nodes, member) && !Object.hasOwn(doc.regions, member)) return `"${member}" is neither a node nor a region`;
      if (seen.has(member)) return `"${member}" is in two groups; a member can be on one side only`;
      seen.add(member);
    }
  }
  return null;
}
