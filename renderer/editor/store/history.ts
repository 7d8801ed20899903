import type { Patch } from 'immer';

/**
 * The undo stack as tldraw keeps it: diffs (immer patches with their inverses) interleaved with
 * named marks. A gesture sets a mark when it starts; while it runs, every pointer move is a
 * diff; on release the diffs since the mark are squashed into one (a drag is one undo step), on
 * Escape the store bails to the mark (applies the inverses and forgets them).
 */
export interface Diff<Doc = unknown> {
  type: 'diff';
  /** Increases with every new or squashed diff; the save point is remembered by serial. */
  serial: number;
  patches: Patch[];
  inversePatches: Patch[];
  /** Consecutive diffs with the same key merge (typing into one inspector field is one step). */
  squashKey?: string;
  /**
   * The documents on either side. Immer refuses to apply patches whose path contains
   * "constructor" (a valid node id); then undo and redo fall back to these (shared structure,
   * so keeping them costs little).
   */
  before: Doc;
  after: Doc;
}

export interface Mark<Doc = unknown> {
  type: 'mark';
  id: string;
  /** The redo stack when the gesture began: a cancelled gesture gives it back, leaving no trace. */
  redoStack: readonly Diff<Doc>[];
}

export type HistoryEntry<Doc = unknown> = Diff<Doc> | Mark<Doc>;

let nextSerial = 1;
export function newSerial(): number {
  return nextSerial++;
}

/** Joins diffs (oldest first) into one that does and undoes all of them. */
export function combineDiffs<Doc>(diffs: readonly Diff<Doc>[], squashKey?: string): Diff<Doc> {
  const patches: Patch[] = [];
  const inversePatches: Patch[] = [];
  for (const diff of diffs) patches.push(...diff.patches);
  for (let index = diffs.length - 1; index >= 0; index--) inversePatches.push(...diffs[index].inversePatches);
  return { type: 'diff', serial: newSerial(), patches, inversePatches, squashKey, before: diffs[0].before, after: diffs[diffs.length - 1].after };
}

/** The newest diff in a stack, or undefined (marks are not steps). */
export function topDiff<Doc>(stack: readonly HistoryEntry<Doc>[]): Diff<Doc> | undefined {
  for (let index = stack.length - 1; index >= 0; index--) {
    const entry = stack[index];
    if (entry.type === 'diff') return entry;
  }
  return undefined;
}
