import type { DocumentStore } from './documentStore';

/** What a field makes of its text: a value to apply, or why there is none. */
export type TextParse<T> = { ok: true; value: T } | { ok: false; message: string };

let nextEdit = 1;

/**
 * One edit of a text field, typed key by key, as one gesture on the store's history (DESIGN §7):
 *
 * - while the text is valid, each keystroke is applied at once, so the simulator previews it;
 * - when the text turns invalid, the document goes back to what it held before the edit began
 *   (an entry that ends invalid never changes the document; a prefix such as the "1" of "10%"
 *   is not left behind);
 * - leaving the field ends the edit: everything it applied is one undo step;
 * - Escape (`cancel`) puts back the document from before the edit.
 *
 * The edit starts at the first keystroke, by setting a mark; reverting bails to the mark and sets
 * it again, so the history holds nothing of the invalid stretch.
 */
export class TextEdit {
  private readonly mark: string;
  private active = false;

  constructor(
    private readonly store: DocumentStore,
    label: string,
  ) {
    this.mark = `text-edit:${label}:${nextEdit++}`;
  }

  /** Whether this edit has started (and not ended). */
  get editing(): boolean {
    return this.active;
  }

  /**
   * The field's text after a keystroke: applies the parsed value, or reverts the document and
   * returns the reason the text is refused (null when it was applied).
   */
  input<T>(text: string, parse: (text: string) => TextParse<T>, apply: (value: T) => void): string | null {
    const parsed = parse(text);
    if (!parsed.ok) {
      this.revert();
      return parsed.message;
    }
    this.begin();
    apply(parsed.value);
    return null;
  }

  /** The document back to before the edit; the edit goes on (typing may make the text valid again). */
  revert(): void {
    if (!this.active) return;
    if (this.store.hasMark(this.mark)) this.store.bailToMark(this.mark);
    this.store.mark(this.mark);
  }

  /** Leaving the field: what the edit applied becomes one undo step. */
  finish(): void {
    if (!this.active) return;
    this.active = false;
    this.store.squashToMark(this.mark);
  }

  /** Escape: the document from before the edit. Returns whether there was an edit to cancel. */
  cancel(): boolean {
    if (!this.active) return false;
    this.active = false;
    this.store.bailToMark(this.mark);
    return true;
  }

  private begin(): void {
    // An undo while typing takes the mark away with the step below it: start afresh.
    if (this.active && this.store.hasMark(this.mark)) return;
    this.active = true;
    this.store.mark(this.mark);
  }
}
