import { applyPatches, enablePatches, produceWithPatches, type Draft } from 'immer';
import type { FaultlineDocument } from '../../../shared/model/types';
import { combineDiffs, newSerial, topDiff, type Diff, type HistoryEntry, type Mark } from './history';
import { EMPTY_SELECTION, pruneSelection, sameSelection, type Selection } from './selection';

enablePatches();

/** Applies a diff's patches; where immer refuses (a "constructor" id), the recorded document is used. */
function applyDiff(document: FaultlineDocument, diff: Diff<FaultlineDocument>, direction: 'undo' | 'redo'): FaultlineDocument {
  const target = direction === 'undo' ? diff.before : diff.after;
  try {
    return withRecordOrderOf(applyPatches(document, direction === 'undo' ? diff.inversePatches : diff.patches), target);
  } catch {
    return target;
  }
}

const RECORD_MAPS = ['regions', 'nodes', 'links'] as const;

/**
 * Patches cannot say where in an object a key goes: undoing a delete re-adds the record at the
 * end. Record order is meaningful (link order is DNS failover order and app fan-out order, and it
 * is the saved order), so the maps are put back in the order they had in the recorded document.
 */
function withRecordOrderOf(document: FaultlineDocument, reference: FaultlineDocument): FaultlineDocument {
  const reordered: Partial<Pick<FaultlineDocument, (typeof RECORD_MAPS)[number]>> = {};
  for (const name of RECORD_MAPS) {
    const keys = Object.keys(document[name]);
    const wanted = Object.keys(reference[name]);
    if (keys.length !== wanted.length || keys.every((key, index) => key === wanted[index])) continue;
    const map = Object.create(null) as Record<string, unknown>;
    for (const key of wanted) if (Object.hasOwn(document[name], key)) map[key] = document[name][key];
    (reordered as Record<string, unknown>)[name] = map;
  }
  return Object.keys(reordered).length === 0 ? document : { ...document, ...reordered };
}

/** A finished edit as the history records it (a whole gesture once it ends). */
export interface Step {
  serial: number;
  before: FaultlineDocument;
  after: FaultlineDocument;
}

export interface UpdateOptions {
  /** Merge with the previous step if it has the same key (typing into one field). */
  squashKey?: string;
}

/**
 * The one document of the window, edited only through immer recipes so that every change is an
 * undoable diff. Selection lives here too (panels and canvas share it) but is not history.
 *
 * Listeners are told about every change of document or selection; `getDocument()` and
 * `getSelection()` return the same object until something changes, so they work directly with
 * React's `useSyncExternalStore`.
 */
export class DocumentStore {
  private document: FaultlineDocument;
  private selection: Selection = EMPTY_SELECTION;
  private undoStack: HistoryEntry<FaultlineDocument>[] = [];
  private redoStack: Diff<FaultlineDocument>[] = [];
  /** Serial of the newest diff when last saved or loaded; 0 = the empty history. */
  private savedSerial = 0;
  /** Counts `replaceDocument` calls: the canvas fits a newly opened document to the view. */
  private generation = 0;
  private readonly listeners = new Set<() => void>();
  private readonly stepListeners = new Set<(step: Step) => void>();

  constructor(document: FaultlineDocument) {
    this.document = document;
  }

  getDocument(): FaultlineDocument {
    return this.document;
  }

  getSelection(): Selection {
    return this.selection;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** A different document (New, Open, recovery): history and selection start afresh, not dirty. */
  replaceDocument(document: FaultlineDocument): void {
    this.document = document;
    this.selection = EMPTY_SELECTION;
    this.undoStack = [];
    this.redoStack = [];
    this.savedSerial = 0;
    this.generation++;
    this.emit();
  }

  /** Changes whenever a different document replaces this one (New, Open), never on edits. */
  getGeneration(): number {
    return this.generation;
  }

  /**
   * Applies a recipe as one undoable step. Returns false (and records nothing) when the recipe
   * changed nothing. A recipe that throws leaves the document untouched.
   */
  update(recipe: (draft: Draft<FaultlineDocument>) => void, options: UpdateOptions = {}): boolean {
    const before = this.document;
    // Edits change the draft; a value an edit function happens to return (deleteSelection's
    // summary) must not be taken by immer as a replacement document.
    const [next, patches, inversePatches] = produceWithPatches(before, (draft) => {
      recipe(draft);
    });
    if (patches.length === 0) return false;
    this.document = next;
    const previous = this.undoStack.at(-1);
    const diff: Diff<FaultlineDocument> = { type: 'diff', serial: newSerial(), patches, inversePatches, squashKey: options.squashKey, before, after: next };
    if (options.squashKey !== undefined && previous?.type === 'diff' && previous.squashKey === options.squashKey && previous.serial !== this.savedSerial) {
      this.undoStack[this.undoStack.length - 1] = combineDiffs([previous, diff], options.squashKey);
    } else {
      this.undoStack.push(diff);
    }
    this.redoStack = [];
    this.selection = pruneSelection(this.selection, next);
    this.emit();
    // Inside a gesture the step is not finished yet: squashToMark reports the whole gesture.
    if (!this.undoStack.some((entry) => entry.type === 'mark')) this.emitStep();
    return true;
  }

  /**
   * Listens for finished edits: each `update` outside a gesture, and each gesture as it ends
   * (squashToMark) — never undo, redo, a cancelled gesture or a replaced document. A step merged
   * into the previous one (squashKey) is reported again as the merged whole, under a new serial.
   */
  onStep(listener: (step: Step) => void): () => void {
    this.stepListeners.add(listener);
    return () => this.stepListeners.delete(listener);
  }

  /** Whether the edit with this serial is in effect: recorded and not undone (nor replaced by New / Open). */
  hasStep(serial: number): boolean {
    return this.undoStack.some((entry) => entry.type === 'diff' && entry.serial === serial);
  }

  /** The serial of the newest edit in effect, if any (to tie a notice about it to its undo). */
  lastStepSerial(): number | undefined {
    return topDiff(this.undoStack)?.serial;
  }

  private emitStep(): void {
    const diff = topDiff(this.undoStack);
    if (!diff) return;
    for (const listener of [...this.stepListeners]) listener({ serial: diff.serial, before: diff.before, after: diff.after });
  }

  // --- gestures: marks, squashing, bail -------------------------------------------------------

  /** Starts a gesture; pass the id to `squashToMark` when it ends or `bailToMark` when cancelled. */
  mark(id: string): void {
    this.undoStack.push({ type: 'mark', id, redoStack: this.redoStack });
  }

  /** Everything since the mark becomes one undo step; the mark goes. */
  squashToMark(id: string): void {
    const index = this.findMark(id);
    if (index < 0) return;
    const diffs = this.undoStack.slice(index + 1).filter((entry): entry is Diff<FaultlineDocument> => entry.type === 'diff');
    this.undoStack.splice(index);
    if (diffs.length === 0) return;
    this.undoStack.push(diffs.length === 1 ? diffs[0] : combineDiffs(diffs));
    if (!this.undoStack.some((entry) => entry.type === 'mark')) this.emitStep();
  }

  /** Rolls back everything since the mark (a cancelled gesture) and forgets it; redo is as it was before. */
  bailToMark(id: string): void {
    const index = this.findMark(id);
    if (index < 0) return;
    const undone = this.undoStack.splice(index);
    this.redoStack = [...(undone[0] as Mark<FaultlineDocument>).redoStack];
    let document = this.document;
    for (let position = undone.length - 1; position >= 0; position--) {
      const entry = undone[position];
      if (entry.type === 'diff') document = applyDiff(document, entry, 'undo');
    }
    this.setDocumentFromHistory(document);
  }

  /** Whether a gesture's mark is still on the stack (an undo during the gesture takes it away). */
  hasMark(id: string): boolean {
    return this.findMark(id) >= 0;
  }

  private findMark(id: string): number {
    for (let index = this.undoStack.length - 1; index >= 0; index--) {
      const entry = this.undoStack[index];
      if (entry.type === 'mark' && entry.id === id) return index;
    }
    return -1;
  }

  // --- undo / redo ----------------------------------------------------------------------------

  canUndo(): boolean {
    return topDiff(this.undoStack) !== undefined;
  }

  canRedo(): boolean {
    return this.redoStack.length > 0;
  }

  undo(): void {
    // Marks above the newest diff belong to gestures that never finished; they go with it.
    while (this.undoStack.length > 0) {
      const entry = this.undoStack.pop()!;
      if (entry.type === 'mark') continue;
      this.redoStack.push(entry);
      this.setDocumentFromHistory(applyDiff(this.document, entry, 'undo'));
      return;
    }
  }

  redo(): void {
    const diff = this.redoStack.pop();
    if (!diff) return;
    this.undoStack.push(diff);
    this.setDocumentFromHistory(applyDiff(this.document, diff, 'redo'));
  }

  // --- dirty tracking -------------------------------------------------------------------------

  /** Whether the document differs from the last `markSaved` (or load); undoing back to it is clean. */
  isDirty(): boolean {
    return (topDiff(this.undoStack)?.serial ?? 0) !== this.savedSerial;
  }

  markSaved(): void {
    this.savedSerial = topDiff(this.undoStack)?.serial ?? 0;
    this.emit();
  }

  // --- selection (not history) ----------------------------------------------------------------

  setSelection(selection: Selection): void {
    const pruned = pruneSelection(selection, this.document);
    if (sameSelection(pruned, this.selection)) return;
    this.selection = pruned;
    this.emit();
  }

  private setDocumentFromHistory(document: FaultlineDocument): void {
    this.document = document;
    this.selection = pruneSelection(this.selection, document);
    this.emit();
  }

  private emit(): void {
    for (const listener of [...this.listeners]) listener();
  }
}
