import type { LogEntry } from '../../shared/sim/session/protocol';

/** What an entry is about: a scenario fault, a recovery, a health-check mark, narration. */
export const LOG_CATEGORIES = ['fault', 'recovery', 'health', 'narration'] as const;
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
  text: string;
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
  set: 'configuration changes',
  flush: 'is flushed',
};

/** A scenario event from the engine's log, in words. */
export function scenarioLogEntry(seq: number, entry: LogEntry, linkEnds: ReadonlyMap<string, readonly [string, string]>): LiveLogEntry {
  const { action, target, note } = entry;
  const category: LogCategory = action === 'note' ? 'narration' : RECOVERY_ACTIONS.has(action) ? 'recovery' : 'fault';
  const outcome: LogOutcome = FAILURE_ACTIONS.has(action) ? 'failure' : RECOVERY_ACTIONS.has(action) ? 'recovery' : 'info';
  const ends = target === undefined ? undefined : linkEnds.get(target);
  const nodes = ends !== undefined ? [...ends] : target !== undefined ? [target] : [];
  let text: string;
  if (action === 'note') text = note ?? '';
  else if (action === 'partition' || action === 'heal') text = ACTION_WORDS[action];
  else text = `${target ?? ''} ${ACTION_WORDS[action] ?? action}`.trim();
  // Lessons often open the note with the event itself ("app2 crashes. Until…"): say it once.
  if (action !== 'note' && note !== undefined) text = note.toLowerCase().startsWith(text.toLowerCase()) ? note : `${text} — ${note}`;
  return { seq, timeMs: entry.timeMs, category, outcome, nodes, linkId: ends !== undefined ? target : undefined, text, injected: entry.injected };
}

/** A health check changing its mind about a target, at the simulated time it did. */
export function healthLogEntry(seq: number, timeMs: number, checker: string, target: string, linkId: string, markedDown: boolean): LiveLogEntry {
  return {
    seq,
    timeMs,
    category: 'health',
    outcome: markedDown ? 'failure' : 'recovery',
    nodes: [checker, target],
    linkId,
    text: markedDown ? `${checker} health check marks ${target} down` : `${checker} health check marks ${target} up again`,
    injected: false,
  };
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
