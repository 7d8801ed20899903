import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeBase64Url, encodeBase64Url, lineColumnAt, locateJsonSyntaxError, utf8ByteLength } from '../../../shared/model';
import { findDuplicateKeys } from '../../../shared/model/jsonText';

describe('utf8ByteLength', () => {
  it.each([
    ['', 0],
    ['abc', 3],
    ['é', 2],
    ['€', 3],
    ['😀', 4],
    ['\uD800', 3], // a lone surrogate is written as U+FFFD
  ])('%j is %i bytes', (text, bytes) => {
    expect(utf8ByteLength(text)).toBe(bytes);
  });

  it('agrees with Buffer for arbitrary strings', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (text) => utf8ByteLength(text) === Buffer.byteLength(text, 'utf8')));
  });
});

describe('lineColumnAt', () => {
  it('counts \\n, \\r\\n and \\r line ends', () => {
    expect(lineColumnAt('ab\ncd', 4)).toEqual({ line: 2, column: 2 });
    expect(lineColumnAt('ab\r\ncd', 5)).toEqual({ line: 2, column: 2 });
    expect(lineColumnAt('ab\rcd', 3)).toEqual({ line: 2, column: 1 });
    expect(lineColumnAt('abc', 0)).toEqual({ line: 1, column: 1 });
  });
});

describe('locateJsonSyntaxError', () => {
  it('finds nothing wrong exactly when JSON.parse succeeds', () => {
    fc.assert(
      fc.property(fc.oneof(fc.json(), fc.string(), fc.json().map((json) => json.slice(0, -1))), (text) => {
        let parses = true;
        try {
          JSON.parse(text);
        } catch {
          parses = false;
        }
        expect(locateJsonSyntaxError(text) === null).toBe(parses);
      }),
    );
  });

  it.each([
    ['{"a" 1}', 5, 'expected ":" after a property name'],
    ['[1 2]', 3, 'expected "," or "]"'],
    ['{"a": 01}', 7, 'invalid number'],
    ['{"a": "x\ny"}', 8, 'unterminated string'],
    ['{"a": tru}', 6, 'unexpected character "t"'],
    ['{} {}', 3, 'unexpected text after the end of the JSON value'],
    ['{"a": "\\q"}', 7, 'invalid escape'],
  ])('%j fails at offset %i: %s', (text, offset, reason) => {
    expect(locateJsonSyntaxError(text)).toEqual({ offset, reason: expect.stringContaining(reason) });
  });
});

describe('findDuplicateKeys', () => {
  it('finds nothing in JSON without repeated keys', () => {
    fc.assert(
      fc.property(fc.json(), (text) => {
        // fc.json() builds objects from records, so its keys are unique within each object.
        expect(findDuplicateKeys(text)).toEqual([]);
      }),
    );
  });

  it.each([
    ['{"seed":1,"seed":2}', ['seed'], 'duplicate key; the last value (2) is used'],
    ['{"a":[{"b":{}},{"b":{"c":"x", "c" : "y" }}]}', ['a', 1, 'b', 'c'], 'duplicate key; the last value ("y") is used'],
    ['{"k":1,"k":2,"k":[3]}', ['k'], 'duplicate key (given 3 times); the last value (a list) is used'],
    ['{"k":{"z":1},"k":{"z":1}}', ['k'], 'duplicate key; the last value (an object) is used'],
    ['{"\\u0061":1,"a":true}', ['a'], 'duplicate key; the last value (true) is used'],
    ['{"x,}":"{[\\"",  "x,}":null}', ['x,}'], 'duplicate key; the last value (null) is used'],
  ])('%s: repeated key at %j', (text, path, message) => {
    expect(findDuplicateKeys(text)).toEqual([{ path, message }]);
  });

  it('keeps keys of different objects apart', () => {
    expect(findDuplicateKeys('{"a":{"id":1},"b":{"id":1},"c":[{"id":1},{"id":2}]}')).toEqual([]);
  });
});

describe('base64url', () => {
  it('round-trips arbitrary bytes and matches Node', () => {
    fc.assert(
      fc.property(fc.uint8Array(), (bytes) => {
        const text = encodeBase64Url(bytes);
        expect(text).toBe(Buffer.from(bytes).toString('base64url'));
        const decoded = decodeBase64Url(text);
        expect(decoded.ok && Array.from(decoded.bytes)).toEqual(Array.from(bytes));
      }),
    );
  });
});
