/**
 * Share codes (DESIGN §4): the canonical file text, deflated (fflate) and base64url-encoded.
 * The deflate stream is wrapped as zlib (RFC 1950: a 2-byte header and an Adler-32 of the text),
 * so a code mistyped by one character is refused instead of opening a subtly different lesson
 * (raw DEFLATE has no checksum: about 1 in 30 single-character typos used to unpack to valid
 * JSON with a changed name or number). Codes made before, as raw DEFLATE, still open: a raw
 * stream from fflate never starts with a valid zlib header (see `hasZlibHeader`).
 * Decoding is bounded in both the code length and the inflated size — a share code is untrusted
 * input and a zip bomb must not take the app down — and the text then goes through
 * `loadDocument` like any file.
 */
import { Inflate, strToU8, zlibSync } from 'fflate';
import { decodeBase64Url, encodeBase64Url } from './base64url';
import { decodeUtf8, formatMegabytes } from './jsonText';
import { MAX_FILE_BYTES, MAX_SHARE_CODE_CHARS } from './limits';
import { loadDocument } from './load';
import { saveDocument } from './save';
import type { FaultlineDocument, LoadResult } from './types';

export function encodeShareCode(doc: FaultlineDocument): string {
  return encodeBase64Url(zlibSync(strToU8(saveDocument(doc)), { level: 9 }));
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

  const decoded = decodeBase64Url(compact);
  if (!decoded.ok) return failure(`the share code ${decoded.message}`);

  const zlib = hasZlibHeader(decoded.bytes);
  // Header and trailer are taken off here: fflate's own unzlib does not verify the Adler-32.
  const stream = zlib ? decoded.bytes.subarray(2, Math.max(2, decoded.bytes.length - 4)) : decoded.bytes;
  const inflated = inflateCapped(stream, maxInflatedBytes);
  if (!inflated.ok) return failure(inflated.message);
  if (zlib) {
    const trailer = decoded.bytes.subarray(decoded.bytes.length - 4);
    const expected = decoded.bytes.length < 6 ? -1 : ((trailer[0] << 24) | (trailer[1] << 16) | (trailer[2] << 8) | trailer[3]) >>> 0;
    if (adler32(inflated.bytes) !== expected) return failure(MISTYPED);
  }
  // The same check as for a file's bytes: broken UTF-8 is refused, not turned into "�".
  const text = decodeUtf8(inflated.bytes);
  if (text === null) return failure('the share code unpacks to text that is not UTF-8, so it is not a Faultline file');
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

const MISTYPED = 'the share code is damaged: its checksum does not match what it unpacks to (was a character mistyped or changed?)';

/**
 * RFC 1950's header: deflate (CM 8) with a window of at most 32 KB, no preset dictionary, and a
 * header check making the first two bytes a multiple of 31. A raw DEFLATE stream starting so
 * would open with a non-final stored block (the low three bits of 0x08–0x78 are 0), which
 * fflate never writes for a Faultline file's compressible text.
 */
function hasZlibHeader(bytes: Uint8Array): boolean {
  if (bytes.length < 2) return false;
  const cmf = bytes[0];
  const flg = bytes[1];
  return (cmf & 0x0f) === 8 && cmf >> 4 <= 7 && (flg & 0x20) === 0 && ((cmf << 8) | flg) % 31 === 0;
}

function adler32(bytes: Uint8Array): number {
  let a = 1;
  let b = 0;
  // 5552 bytes is the most that can be summed before b may overflow 2^32 (RFC 1950's NMAX).
  for (let start = 0; start < bytes.length; start += 5552) {
    const end = Math.min(start + 5552, bytes.length);
    for (let index = start; index < end; index++) {
      a += bytes[index];
      b += a;
    }
    a %= 65521;
    b %= 65521;
  }
  return ((b << 16) | a) >>> 0;
}

function failure(message: string): LoadResult {
  return { ok: false, errors: [{ path: '', message }], warnings: [] };
}
