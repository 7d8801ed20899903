import { deflateSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { decodeShareCode, encodeBase64Url, encodeShareCode, saveDocument } from '../../../shared/model';
import { baseFile, expectErrors, expectLoaded, loadObject } from './helpers';

function codeOf(text: string): string {
  return encodeBase64Url(deflateSync(strToU8(text)));
}

describe('share codes', () => {
  it('round-trip a document', () => {
    const file = baseFile();
    file.meta.title = 'Zürich → 東京 🚀'; // non-ASCII survives the byte conversions
    file.nodes[0].config = { rps: 42, futureField: { kept: true } };
    const document = expectLoaded(loadObject(file));
    const code = encodeShareCode(document);
    expect(code).toMatch(/^[A-Za-z0-9_-]+$/);
    const decoded = expectLoaded(decodeShareCode(code));
    expect(decoded).toEqual(document);
    expect(saveDocument(decoded)).toBe(saveDocument(document));
  });

  it('are much shorter than the file', () => {
    const document = expectLoaded(loadObject(baseFile()));
    expect(encodeShareCode(document).length).toBeLessThan(saveDocument(document).length / 2);
  });

  it('tolerate whitespace and padding added when pasting', () => {
    const document = expectLoaded(loadObject(baseFile()));
    const code = encodeShareCode(document);
    const wrapped = `  ${code.slice(0, 20)}\n  ${code.slice(20)}==\n`;
    expect(expectLoaded(decodeShareCode(wrapped))).toEqual(document);
  });

  it('reject characters outside base64url, naming the position', () => {
    const errors = expectErrors(decodeShareCode('abc+def/'));
    expect(errors).toEqual([{ path: '', message: expect.stringContaining('contains "+" at position 4, which is not a base64url character') }]);
  });

  it('name a wrong character before a wrong length (a typo is likelier than a cut)', () => {
    // 9 characters is also an impossible length; the "!" is what the user needs to hear about.
    expect(expectErrors(decodeShareCode('garbage!!'))[0].message).toContain('contains "!" at position 8');
  });

  it('reject an impossible length', () => {
    expect(expectErrors(decodeShareCode('abcde'))[0].message).toContain('has a length (5 characters) that no base64url text can have');
  });

  it('reject an empty code', () => {
    expect(expectErrors(decodeShareCode('  \n'))[0].message).toBe('the share code is empty');
  });

  it('reject corrupt data', () => {
    // Valid base64url, but the bytes are not a DEFLATE stream.
    expect(expectErrors(decodeShareCode(encodeBase64Url(new Uint8Array([0xff, 0xff, 0xff, 0xff, 0xff]))))[0].message).toContain('the share code is damaged');
  });

  it('reject a truncated code', () => {
    const code = encodeShareCode(expectLoaded(loadObject(baseFile())));
    const message = expectErrors(decodeShareCode(code.slice(0, Math.floor(code.length / 2))))[0].message;
    expect(message).toMatch(/the share code is (incomplete|damaged)/);
  });

  it('reject codes longer than the limit before decoding them', () => {
    expect(expectErrors(decodeShareCode('A'.repeat(101), { maxCodeChars: 100 }))[0].message).toBe('the share code is 101 characters long; Faultline accepts codes up to 100');
  });

  it('stop inflating a zip bomb at the size cap', () => {
    // 64 MB of spaces deflate to about 64 kB; the default cap is 20 MB.
    const bomb = new Uint8Array(64 * 1024 * 1024).fill(0x20);
    const code = encodeBase64Url(deflateSync(bomb, { level: 9 }));
    const errors = expectErrors(decodeShareCode(code));
    expect(errors[0].message).toBe('the share code unpacks to more than 20.0 MB; Faultline reads files up to 20.0 MB');
  });

  it('stop at the cap before reading the rest of the code', () => {
    // The last half of the compressed bomb is garbage: a decoder that inflated everything before
    // measuring would meet it and call the code damaged. Stopping at the cap (the first half
    // already unpacks to ~32 MB) never reaches it.
    const compressed = deflateSync(new Uint8Array(64 * 1024 * 1024).fill(0x20), { level: 9 });
    compressed.fill(0xff, compressed.length >> 1);
    const errors = expectErrors(decodeShareCode(encodeBase64Url(compressed)));
    expect(errors[0].message).toBe('the share code unpacks to more than 20.0 MB; Faultline reads files up to 20.0 MB');
  });

  it('honours a smaller inflate cap', () => {
    const text = saveDocument(expectLoaded(loadObject(baseFile())));
    const errors = expectErrors(decodeShareCode(codeOf(text), { maxInflatedBytes: 100 }));
    expect(errors[0].message).toContain('unpacks to more than');
  });

  it('send the unpacked text through the loader', () => {
    const errors = expectErrors(decodeShareCode(codeOf('{"format": "faultline", "version": 1, "nodes": [{"id": "a", "kind": "toaster", "x": 0, "y": 0}]}')));
    expect(errors).toEqual([{ path: 'nodes[0].kind', message: expect.stringContaining('unknown node kind "toaster"') }]);
  });

  it('call a code that unpacks to broken text damaged, without the line and column of text the user never saw', () => {
    expect(expectErrors(decodeShareCode(codeOf('not json')))).toEqual([{ path: '', message: expect.stringMatching(/^the share code is damaged: it unpacks to broken text/) }]);
    // One character of a real code changed: raw DEFLATE has no checksum, so it may still unpack,
    // to broken JSON (character 19 made "A") or to bytes that are not UTF-8 (character 6 made "Q").
    const code = codeOf(`${JSON.stringify({ format: 'faultline', version: 1, meta: { title: 'A lesson with a long enough title to compress' } }, null, 2)}\n`);
    const changed = (at: number, letter: string) => expectErrors(decodeShareCode(code.slice(0, at) + letter + code.slice(at + 1)))[0].message;
    expect(changed(19, 'A')).toMatch(/^the share code is damaged: it unpacks to broken text, so a character in it was changed or lost/);
    expect(changed(6, 'Q')).toMatch(/^the share code is damaged: it unpacks to bytes that are not UTF-8 text/);
  });

  it("say that a file's JSON text pasted as a code is a file, not a share code", () => {
    const text = saveDocument(expectLoaded(loadObject(baseFile())));
    expect(expectErrors(decodeShareCode(text))).toEqual([{ path: '', message: expect.stringContaining('this is the text of a file (JSON), not a share code') }]);
  });
});
