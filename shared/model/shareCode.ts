/**
 * Share codes (DESIGN §4): the canonical file text, deflated (raw DEFLATE, fflate) and
 * base64url-encoded. Decoding is bounded in both the code length and the inflated size — a share
 * code is untrusted input and a zip bomb must not take the app down — and the text then goes
 * through `loadDocument` like any file.
 */
import { deflateSync, Inflate, strToU8 } from 'fflate';
import { decodeBase64Url, encodeBase64Url } from './base64url';
import { decodeUtf8, formatMegabytes } from './jsonText';
import { MAX_FILE_BYTES, MAX_SHARE_CODE_CHARS } from './limits';
import { loadDocument } from './load';
import { saveDocument } from './save';
import type { FaultlineDocument, LoadResult } from './types';

export function encodeShareCode(doc: FaultlineDocument): string {
  return encodeBase64Url(deflateSync(strToU8(saveDocument(doc)), { level: 9 }));
}

export interface ShareCodeLimits {
  maxCodeChars?: number;
  maxInflatedBytes?: number;
}

/** Compressed bytes handed to the inflater at a time; bounds how far past the cap one step can go. */
const INFLATE_STEP = 1024;

export function decodeShareCode(code: string, limits: ShareCodeLimits = {}): LoadResult {
  const maxCodeChars = limits.maxCodeChars ?? MAX_SHARE_CODE_CHARS;
  const maxInflatedBytes = limits.maxInflatedBytes ?? MAX_FILE_BYTES;
  if (typeof code !== 'string') return failure('a share code must be text');
  // Codes get wrapped and indented when pasted from mail or chat.
  const compact = code.replace(/\s+/g, '');
  if (compact.length === 0) return failure('the share code is empty');
  if (compact.length > maxCodeChars) return failure(`the share code is ${compact.length} characters long; Faultline accepts codes up to ${maxCodeChars}`);
  // A file's text pasted where a code goes would otherwise be told about its first "{".
  if (compact.startsWith('{')) return failure('this is the text of a file (JSON), not a share code, which has only letters, digits, "-" and "_"; save the text as a .faultline file and open it with File → Open');

  const decoded = decodeBase64Url(compact);
  if (!decoded.ok) return failure(`the share code ${decoded.message}`);

  const inflated = inflateCapped(decoded.bytes, maxInflatedBytes);
  if (!inflated.ok) return failure(inflated.message);
  // The same check as for a file's bytes: broken UTF-8 is refused, not turned into "�".
  const text = decodeUtf8(inflated.bytes);
  if (text === null) return failure('the share code is damaged: it unpacks to bytes that are not UTF-8 text, so a character in it was changed or lost (was it copied completely and unchanged?)');
  // Raw DEFLATE has no checksum: a changed character often still unpacks, to broken JSON. The
  // line and column of text the user never saw would tell them nothing.
  if (!isJson(text)) return failure('the share code is damaged: it unpacks to broken text, so a character in it was changed or lost (was it copied completely and unchanged?)');
  return loadDocument(text);
}

function inflateCapped(compressed: Uint8Array, cap: number): { ok: true; bytes: Uint8Array } | { ok: false; message: string } {
  const chunks: Uint8Array[] = [];
  let total = 0;
  let finished = false;
  const inflater = new Inflate((chunk, final) => {
    chunks.push(chunk);
    total += chunk.length;
    if (final) finished = true;
  });
  try {
    for (let offset = 0; offset < compressed.length && !finished; offset += INFLATE_STEP) {
      const end = Math.min(offset + INFLATE_STEP, compressed.length);
      inflater.push(compressed.subarray(offset, end), end === compressed.length);
      if (total > cap) return { ok: false, message: `the share code unpacks to more than ${formatMegabytes(cap)}; Faultline reads files up to ${formatMegabytes(cap)}` };
    }
  } catch {
    return { ok: false, message: 'the share code is damaged: its data cannot be unpacked (was it copied completely?)' };
  }
  if (!finished) return { ok: false, message: 'the share code is incomplete: its data ends too early (was it copied completely?)' };
  const bytes = new Uint8Array(total);
  let position = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, position);
    position += chunk.length;
  }
  return { ok: true, bytes };
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

function failure(message: string): LoadResult {
  return { ok: false, errors: [{ path: '', message }], warnings: [] };
}
