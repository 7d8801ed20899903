import { countProblems, createEmptyDocument, decodeShareCode, loadDocumentValue, saveDocument } from '../../../shared/model';
import type { Problem } from '../../../shared/model/types';
import type { ClipboardContent } from './clipboard';

/**
 * Copied nodes travel through the system clipboard as a small .faultline document holding just
 * them (their links and regions too), so a copy can be pasted into another window or tab, kept
 * in a text editor, or mailed — and pasting checks it exactly as opening a file does. Pasting a
 * whole .faultline file's text adds all of its nodes.
 */
export const CLIPBOARD_TITLE = 'Copied from Faultline';

export function clipboardText(content: ClipboardContent): string {
  const doc = createEmptyDocument(CLIPBOARD_TITLE);
  const regionIds = new Set(content.regions.map((region) => region.id));
  for (const region of content.regions) doc.regions[region.id] = structuredClone(region);
  for (const node of content.nodes) {
    const copy = structuredClone(node);
    // A region that was not copied is not in this document (the paste places the node anew).
    if (copy.region !== undefined && !regionIds.has(copy.region)) delete copy.region;
    doc.nodes[copy.id] = copy;
  }
  for (const link of content.links) doc.links[link.id] = structuredClone(link);
  return saveDocument(doc);
}

export type ParsedClipboard =
  /** Faultline content, checked like a file. */
  | { kind: 'content'; content: ClipboardContent }
  /** Meant as Faultline content (a JSON object saying `"format": "faultline"`) but unusable. */
  | { kind: 'invalid'; message: string }
  /** A share code: a whole sandbox, which File → Open Share Code opens (pasting adds nodes). */
  | { kind: 'shareCode' }
  /** Anything else (prose, a URL, other JSON): not ours to paste. */
  | { kind: 'foreign' };

/** What a paste of a share code says: it was left alone, and where it does open. */
export const SHARE_CODE_PASTED = 'Nothing was pasted: the clipboard holds a share code, a whole sandbox. Open it with File → Open Share Code…';

/** Codes are long runs of base64url; a word or a number is not worth unpacking. */
const SHARE_CODE_SHAPE = /^[A-Za-z0-9_-]{20,}={0,2}$/;

/** Reads clipboard text: copied Faultline content, a broken one (with the reason), or something else. */
export function parseClipboardText(text: string): ParsedClipboard {
  const value = faultlineJson(text);
  if (value === undefined) return isShareCode(text) ? { kind: 'shareCode' } : { kind: 'foreign' };
  // Parsed once: the JSON value goes through the same checks as a file's text would.
  const result = loadDocumentValue(value);
  if (!result.ok) return { kind: 'invalid', message: describe(result.errors) };
  const doc = result.document;
  const content: ClipboardContent = { nodes: Object.values(doc.nodes), links: Object.values(doc.links), regions: Object.values(doc.regions) };
  if (content.nodes.length === 0 && content.regions.length === 0) return { kind: 'invalid', message: 'it holds no nodes or regions' };
  return { kind: 'content', content };
}

/** A share code that opens (pasted on the canvas it did nothing, and said nothing). */
function isShareCode(text: string): boolean {
  const compact = text.replace(/\s+/g, '');
  return SHARE_CODE_SHAPE.test(compact) && decodeShareCode(compact).ok;
}

/** The parsed JSON object when the text is one saying `"format": "faultline"`, else undefined. */
function faultlineJson(text: string): object | undefined {
  const start = text.trimStart();
  if (!start.startsWith('{')) return undefined;
  try {
    const value: unknown = JSON.parse(start);
    return typeof value === 'object' && value !== null && (value as { format?: unknown }).format === 'faultline' ? value : undefined;
  } catch {
    return undefined;
  }
}

function describe(errors: Problem[]): string {
  const shown = errors.slice(0, 3).map((problem) => (problem.path ? `${problem.path}: ${problem.message}` : problem.message));
  const total = countProblems(errors);
  const more = total > shown.length ? ` (and ${total - shown.length} more)` : '';
  return `${shown.join('; ')}${more}`;
}
