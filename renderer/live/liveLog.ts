import type { LogEntry } from '../../shared/sim/session/protocol';
import { idsAsNames, type NodeNamer } from './nodeNames';

/** What an entry is about: a scenario fault, a recovery, a configuration change, a health-check mark, narration. */
export const LOG_CATEGORIES = ['fault', 'recovery', 'change', 'health', 'narration'] as const;
export type LogCategory = (typeof LOG_CATEGORIES)[number];

/** Whether an entry is bad news, good news or neither. */
export const LOG_OUTCOMES = ['failure', 'recovery', 'info'] as const;
export type LogOutcome = (typeof LOG_OUTCOMES)[number];

export interface LiveLogEntry {
  /** Unique within a run, in arrival order. */
  seq: number;
  timeMs: number;
  category: LogCategory;
  outcome: LogOutcome;
  /** The node ids the entry concerns (a health mark names the checker and the target). */
  nodes: readonly string[];
  linkId?: string;
  /** In words, nodes named by id (as the engine names them); logText names them as the user does. */
  text: string;
  /** What the text is made of, so it can be worded again with the nodes' current names. */
  words: LogWords;
  /** Injected while playing (it is in the document's scenario now). */
  injected: boolean;
}

const FAILURE_ACTIONS = new Set(['crash', 'slow', 'cut', 'degrade', 'partition', 'flush']);
const RECOVERY_ACTIONS = new Set(['restart', 'recover', 'restore', 'heal']);

const ACTION_WORDS: Record<string, string> = {
  crash: 'crashes',
  restart: 'restarts',
  slow: 'slows down',
  recover: 'recovers its speed',
  cut: 'is cut',
  restore: 'is restored',
  degrade: 'is degraded',
  partition: 'Network partition',
  heal: 'Partitions heal',
  set: 'new settings',
  flush: 'is flushed',
};

/** The parts of a log entry's text that name nodes. */
export type LogWords =
  | { kind: 'scenario'; action: string; target?: string; note?: string }
  | { kind: 'health'; checker: string; target: string; markedDown: boolean }
  | { kind: 'failover'; lost: string; successor: string }
  | { kind: 'ha'; active: string; holder: string }
  | { kind: 'random'; node: string; down: boolean };

/**
 * An entry's text with nodes and links named by `name` (display time: a node renamed later reads
 * by its new name; a link reads as its two ends when the namer knows the document's links).
 */
export function logText(words: LogWords, name: NodeNamer = idsAsNames): string {
  if (words.kind === 'failover') return `${name(words.successor)} takes over as primary from ${name(words.lost)}`;
  if (words.kind === 'ha') return words.holder === words.active ? `${name(words.active)} takes its address back (HA pair)` : `${name(words.holder)} takes over the address of ${name(words.active)}, whose heartbeats stopped (HA pair)`;
  if (words.kind === 'random') return words.down ? `${name(words.node)} crashes (random failure)` : `${name(words.node)} is repaired`;
  if (words.kind === 'health') return words.markedDown ? `${name(words.checker)} health check marks ${name(words.target)} down` : `${name(words.checker)} health check marks ${name(words.target)} up again`;
  const { action, target, note } = words;
  if (action === 'note') return note ?? '';
  const text = eventText(action, target === undefined ? undefined : name(target));
  if (note === undefined) return text;
  // Lessons often open the note with the event itself ("app2 crashes. Until…"): say it once.
  const idText = eventText(action, target);
  const lower = note.toLowerCase();
  return lower.startsWith(text.toLowerCase()) || lower.startsWith(idText.toLowerCase()) ? note : `${text} — ${note}`;
}

/** "App B crashes", "Network partition"; a `set` as "Workers: new settings" (a name may read as a plural). */
function eventText(action: string, subject: string | undefined): string {
  if (action === 'partition' || action === 'heal') return ACTION_WORDS[action];
  if (action === 'set') return subject === undefined ? 'New settings' : `${subject}: ${ACTION_WORDS.set}`;
  return `${subject ?? ''} ${ACTION_WORDS[action] ?? action}`.trim();
}

/** A scenario event from the engine's log, in words. */
export function scenarioLogEntry(seq: number, entry: LogEntry, linkEnds: ReadonlyMap<string, readonly [string, string]>): LiveLogEntry {
  const { action, target, note } = entry;
  // A `set` (new settings, often the lesson's fix: more workers, retries off) is no fault.
  const category: LogCategory = action === 'note' ? 'narration' : RECOVERY_ACTIONS.has(action) ? 'recovery' : action === 'set' ? 'change' : 'fault';
  const outcome: LogOutcome = FAILURE_ACTIONS.has(action) ? 'failure' : RECOVERY_ACTIONS.has(action) ? 'recovery' : 'info';
  const ends = target === undefined ? undefined : linkEnds.get(target);
  const nodes = ends !== undefined ? [...ends] : target !== undefined ? [target] : [];
  const words: LogWords = { kind: 'scenario', action, target, note };
  return { seq, timeMs: entry.timeMs, category, outcome, nodes, linkId: ends !== undefined ? target : undefined, text: logText(words), words, injected: entry.injected };
}

/** A health check changing its mind about a target, at the simulated time it did. */
export function healthLogEntry(seq: number, timeMs: number, checker: string, target: string, linkId: string, markedDown: boolean): LiveLogEntry {
  const words: LogWords = { kind: 'health', checker, target, markedDown };
  return {
    seq,
    timeMs,
    category: 'health',
    outcome: markedDown ? 'failure' : 'recovery',
    nodes: [checker, target],
    linkId,
    text: logText(words),
    words,
    injected: false,
  };
}

/** A database cluster's failover (detection time after its primary was lost): the node that took over. */
export function failoverLogEntry(seq: number, timeMs: number, lost: string, successor: string): LiveLogEntry {
  const words: LogWords = { kind: 'failover', lost, successor };
  return { seq, timeMs, category: 'health', outcome: 'recovery', nodes: [successor, lost], text: logText(words), words, injected: false };
}

/**
 * A load balancer HA pair's address moving: the standby taking it over after missed heartbeats (a
 * recovery of service, as a database failover is), or the active taking it back.
 */
export function addressLogEntry(seq: number, timeMs: number, active: string, holder: string): LiveLogEntry {
  const words: LogWords = { kind: 'ha', active, holder };
  return { seq, timeMs, category: 'health', outcome: 'recovery', nodes: holder === active ? [active] : [holder, active], text: logText(words), words, injected: false };
}

/** A random crash or repair of a node with `mtbfS` / `mttrS`: no scenario event, but it happened. */
export function randomFailureLogEntry(seq: number, timeMs: number, node: string, down: boolean): LiveLogEntry {
  const words: LogWords = { kind: 'random', node, down };
  return { seq, timeMs, category: down ? 'fault' : 'recovery', outcome: down ? 'failure' : 'recovery', nodes: [node], text: logText(words), words, injected: false };
}

export interface LogFilter {
  node: string | null;
  category: LogCategory | null;
  outcome: LogOutcome | null;
}

export const NO_LOG_FILTER: LogFilter = { node: null, category: null, outcome: null };

export function matchesLogFilter(entry: LiveLogEntry, filter: LogFilter): boolean {
  if (filter.node !== null && !entry.nodes.includes(filter.node)) return false;
  if (filter.category !== null && entry.category !== filter.category) return false;
  if (filter.outcome !== null && entry.outcome !== filter.outcome) return false;
  return true;
}

export function filterLog(entries: readonly LiveLogEntry[], filter: LogFilter): LiveLogEntry[] {
  return entries.filter((entry) => matchesLogFilter(entry, filter));
}

/**
 * What an empty log says: before the run, to press Play; once it has run, that nothing it lists
 * happened (after a run, "Press Play" read as if the run had not happened, and a run whose only
 * trouble was overload — which the log does not list — looked unrecorded).
 */
export function emptyLogText(timeMs: number, ended: boolean): string {
  if (timeMs <= 0 && !ended) return 'Nothing has happened yet. Press Play.';
  return `No scenario events, faults, health-check changes or failovers ${ended ? 'in this run' : 'so far'}. Overload and failed requests show in Charts.`;
}
