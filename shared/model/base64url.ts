/**
 * base64url (RFC 4648 §5) without padding. Hand-written because `shared/` may use neither `btoa`
 * (DOM) nor `Buffer` (Node), and fflate does not offer it.
 */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const VALUES = new Int16Array(128).fill(-1);
for (let index = 0; index < ALPHABET.length; index++) VALUES[ALPHABET.charCodeAt(index)] = index;

export function encodeBase64Url(bytes: Uint8Array): string {
  let text = '';
  let index = 0;
  for (; index + 2 < bytes.length; index += 3) {
    const triple = (bytes[index] << 16) | (bytes[index + 1] << 8) | bytes[index + 2];
    text += ALPHABET[triple >> 18] + ALPHABET[(triple >> 12) & 63] + ALPHABET[(triple >> 6) & 63] + ALPHABET[triple & 63];
  }
  const rest = bytes.length - index;
  if (rest === 1) {
    const single = bytes[index] << 16;
    text += ALPHABET[single >> 18] + ALPHABET[(single >> 12) & 63];
  } else if (rest === 2) {
    const double = (bytes[index] << 16) | (bytes[index + 1] << 8);
    text += ALPHABET[double >> 18] + ALPHABET[(double >> 12) & 63] + ALPHABET[(double >> 6) & 63];
  }
  return text;
}

export type Base64DecodeResult = { ok: true; bytes: Uint8Array } | { ok: false; message: string };

/** Decodes base64url; trailing `=` padding is tolerated. Reports the first bad character. */
export function decodeBase64Url(text: string): Base64DecodeResult {
  const body = text.replace(/={1,2}$/, '');
  // A wrong character is the likelier mistake (and the clearer message), so it is looked for first.
  for (let index = 0; index < body.length; index++) {
    const code = body.charCodeAt(index);
    if (code >= 128 || VALUES[code] < 0) {
      return { ok: false, message: `contains ${JSON.stringify(body[index])} at position ${index + 1}, which is not a base64url character (A–Z, a–z, 0–9, "-", "_")` };
    }
  }
  if (body.length % 4 === 1) return { ok: false, message: `has a length (${body.length} characters) that no base64url text can have; part of it is missing` };
  const bytes = new Uint8Array(Math.floor((body.length * 3) / 4));
  let written = 0;
  let buffer = 0;
  let bits = 0;
  for (let index = 0; index < body.length; index++) {
    const value = VALUES[body.charCodeAt(index)];
    buffer = (buffer << 6) | value;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes[written++] = (buffer >> bits) & 0xff;
    }
  }
  return { ok: true, bytes: bytes.subarray(0, written) };
}
