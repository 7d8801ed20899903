/**
 * Reading untrusted JSON text safely: size and depth limits before parsing, and syntax errors
 * located by line and column without relying on engine-specific `SyntaxError` messages.
 */
import { MAX_FILE_BYTES, MAX_NESTING_DEPTH } from './limits';
import type { PathSegment } from './paths';
import { preview } from './problems';

/** What a file of nothing (or only white space) is told; it has no line and column to name. */
const EMPTY_FILE = 'the file is empty';

/** Something legal in JSON text but probably not meant, found while parsing it. */
export interface JsonTextWarning {
  path: PathSegment[];
  message: string;
}

export type JsonParseResult =
  | { ok: true; value: unknown; warnings: JsonTextWarning[] }
  | { ok: false; message: string; line?: number; column?: number };

/** UTF-8 size of a string, without allocating the bytes. Lone surrogates count as U+FFFD (3 bytes). */
export function utf8ByteLength(text: string): number {
  let bytes = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && index + 1 < text.length) {
      const next = text.charCodeAt(index + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        index++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

/** Whether the text is over `limit` UTF-8 bytes, counting only when the length leaves doubt. */
export function exceedsUtf8Bytes(text: string, limit: number): boolean {
  if (text.length > limit) return true; // every UTF-16 unit is at least one byte
  if (text.length * 3 <= limit) return false; // and at most three
  return utf8ByteLength(text) > limit;
}

export function formatMegabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** 1-based line and column of a UTF-16 offset; `\r\n`, `\n` and `\r` each end a line. */
export function lineColumnAt(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let index = 0; index < end; index++) {
    const code = text.charCodeAt(index);
    if (code === 0x0a || (code === 0x0d && text.charCodeAt(index + 1) !== 0x0a)) {
      line++;
      lineStart = index + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}

/**
 * Offset of the first bracket nested deeper than `maxDepth`, or -1. Skips string contents, so it
 * is exact for valid JSON and harmless for invalid JSON (the parser reports those).
 */
export function findExcessiveNesting(text: string, maxDepth: number): number {
  let depth = 0;
  let inString = false;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (inString) {
      if (code === 0x5c) index++; // backslash: skip the escaped character
      else if (code === 0x22) inString = false;
      continue;
    }
    if (code === 0x22) inString = true;
    else if (code === 0x5b || code === 0x7b) {
      if (++depth > maxDepth) return index;
    } else if (code === 0x5d || code === 0x7d) depth--;
  }
  return -1;
}

/**
 * Parses JSON text of a `.faultline` file: rejects text over the size limit and nesting over the
 * depth limit before `JSON.parse` sees it, and never throws.
 */
export function parseJsonText(text: string, maxBytes = MAX_FILE_BYTES, maxDepth = MAX_NESTING_DEPTH): JsonParseResult {
  if (exceedsUtf8Bytes(text, maxBytes)) {
    return { ok: false, message: `the file is ${formatMegabytes(utf8ByteLength(text))}; Faultline reads files up to ${formatMegabytes(maxBytes)}` };
  }
  const deep = findExcessiveNesting(text, maxDepth);
  if (deep >= 0) {
    const { line, column } = lineColumnAt(text, deep);
    return { ok: false, message: `nested more than ${maxDepth} levels deep at line ${line}, column ${column}`, line, column };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const located = locateJsonSyntaxError(text);
    // An empty file has no place to point at: "line 1, column 1" would only repeat that it is empty.
    if (located?.reason === EMPTY_FILE) return { ok: false, message: `not valid JSON: ${EMPTY_FILE}` };
    if (located) {
      const { line, column } = lineColumnAt(text, located.offset);
      return { ok: false, message: `not valid JSON: ${located.reason} at line ${line}, column ${column}`, line, column };
    }
    // Our scanner found nothing; fall back to the engine's words rather than say nothing.
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, message: `not valid JSON: ${detail}` };
  }
  return { ok: true, value, warnings: findDuplicateKeys(text) };
}

// --- duplicate keys ---------------------------------------------------------------------------

/** An object being scanned: its keys so far, and where the value of the current key starts. */
interface ObjectFrame {
  kind: 'object';
  keys: Set<string>;
  key: string;
  valueStart: number;
  /** Keys given more than once: how often, and the last value's preview (filled as it ends). */
  repeated: Map<string, { count: number; last: string }> | null;
}

interface ArrayFrame {
  kind: 'array';
  index: number;
}

/**
 * Keys given twice in one object. JSON.parse keeps the last value silently, so a file with two
 * `"seed"`s runs with whichever came last while its author may be reading the first. Expects
 * text JSON.parse accepted; reports each repeated key once, at its full path, when its object
 * closes.
 */
export function findDuplicateKeys(text: string): JsonTextWarning[] {
  const warnings: JsonTextWarning[] = [];
  const stack: (ObjectFrame | ArrayFrame)[] = [];
  let expectKey = false;

  const pathTo = (key: string): PathSegment[] => [
    ...stack.slice(0, -1).map((frame) => (frame.kind === 'object' ? frame.key : frame.index)),
    key,
  ];
  /** Ends the value of the current key of `frame` at `end` (a "," or "}" of that object). */
  const endValue = (frame: ObjectFrame, end: number): void => {
    const repeat = frame.repeated?.get(frame.key);
    if (repeat) repeat.last = previewJsonText(text.slice(frame.valueStart, end));
  };

  for (let position = 0; position < text.length; position++) {
    const code = text.charCodeAt(position);
    if (code === 0x22) {
      const start = position;
      let escaped = false;
      for (position++; text.charCodeAt(position) !== 0x22; position++) {
        if (text.charCodeAt(position) === 0x5c) {
          escaped = true;
          position++;
        }
      }
      if (!expectKey) continue;
      expectKey = false;
      const frame = stack[stack.length - 1] as ObjectFrame;
      const key = escaped ? (JSON.parse(text.slice(start, position + 1)) as string) : text.slice(start + 1, position);
      frame.key = key;
      // The value starts after the colon; whitespace around it is trimmed when it is previewed.
      frame.valueStart = text.indexOf(':', position) + 1;
      if (!frame.keys.has(key)) frame.keys.add(key);
      else {
        frame.repeated ??= new Map();
        const repeat = frame.repeated.get(key);
        if (repeat) repeat.count++;
        else frame.repeated.set(key, { count: 2, last: '' });
      }
    } else if (code === 0x7b) {
      stack.push({ kind: 'object', keys: new Set(), key: '', valueStart: 0, repeated: null });
      expectKey = true;
    } else if (code === 0x5b) {
      stack.push({ kind: 'array', index: 0 });
    } else if (code === 0x2c) {
      const frame = stack[stack.length - 1];
      if (frame.kind === 'array') frame.index++;
      else {
        endValue(frame, position);
        expectKey = true;
      }
    } else if (code === 0x7d) {
      const frame = stack[stack.length - 1] as ObjectFrame;
      if (frame.keys.size > 0) endValue(frame, position);
      for (const [key, { count, last }] of frame.repeated ?? []) {
        const times = count > 2 ? ` (given ${count} times)` : '';
        warnings.push({ path: pathTo(key), message: `duplicate key${times}; the last value (${last}) is used` });
      }
      stack.pop();
      expectKey = false;
    } else if (code === 0x5d) {
      stack.pop();
    }
  }
  return warnings;
}

/** The preview of a JSON value's text; only scalars are parsed (a repeated object may be large). */
function previewJsonText(valueText: string): string {
  const trimmed = valueText.trim();
  if (trimmed.startsWith('{')) return 'an object';
  if (trimmed.startsWith('[')) return 'a list';
  return preview(JSON.parse(trimmed));
}

// --- syntax error locator ---------------------------------------------------------------------

interface SyntaxFault {
  offset: number;
  reason: string;
}

class JsonFault extends Error {
  constructor(
    readonly offset: number,
    readonly reason: string,
  ) {
    super(reason);
  }
}

/**
 * Finds the first syntax error of JSON text, or null when the text is valid JSON.
 * Recursive descent; callers bound the depth first (`findExcessiveNesting`).
 */
export function locateJsonSyntaxError(text: string): SyntaxFault | null {
  let position = 0;

  const describe = (offset: number): string => {
    if (offset >= text.length) return 'unexpected end of text';
    const char = text[offset];
    if (char === '/' && (text[offset + 1] === '/' || text[offset + 1] === '*')) return 'comments are not allowed in JSON';
    if (char === "'") return 'strings must use double quotes';
    return `unexpected character ${JSON.stringify(char)}`;
  };
  const propertyNameProblem = (offset: number): string => {
    if (text[offset] === '}') return 'trailing comma before "}"';
    const general = describe(offset);
    return general.startsWith('unexpected character') ? `expected a property name in double quotes, found ${JSON.stringify(text[offset])}` : general;
  };
  const fail = (offset: number, reason?: string): never => {
    throw new JsonFault(offset, reason ?? describe(offset));
  };
  const skipWhitespace = (): void => {
    while (position < text.length) {
      const char = text[position];
      if (char === ' ' || char === '\t' || char === '\n' || char === '\r') position++;
      else break;
    }
  };
  const expectLiteral = (word: string): void => {
    if (text.startsWith(word, position)) position += word.length;
    else fail(position);
  };

  const parseString = (): void => {
    position++; // opening quote
    for (;;) {
      if (position >= text.length) fail(position, 'unterminated string');
      const code = text.charCodeAt(position);
      if (code === 0x22) {
        position++;
        return;
      }
      if (code < 0x20) fail(position, code === 0x0a ? 'unterminated string (line break inside a string)' : 'control character inside a string');
      if (code === 0x5c) {
        const escape = text[position + 1];
        if (escape === 'u') {
          if (!/^[0-9A-Fa-f]{4}$/.test(text.slice(position + 2, position + 6))) fail(position, 'invalid \\u escape in a string');
          position += 6;
        } else if (escape !== undefined && '"\\/bfnrt'.includes(escape)) position += 2;
        else fail(position, 'invalid escape in a string');
      } else position++;
    }
  };

  const parseNumber = (): void => {
    const match = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/.exec(text.slice(position, position + 400));
    if (!match || match[0] === '-') fail(position, 'invalid number');
    position += match![0].length;
    // A digit right after a complete number means something like 01 or 1.2.3.
    if (position < text.length && /[0-9.eE]/.test(text[position])) fail(position, 'invalid number');
  };

  const parseValue = (): void => {
    skipWhitespace();
    const char = text[position];
    if (char === '{') parseObject();
    else if (char === '[') parseArray();
    else if (char === '"') parseString();
    else if (char === '-' || (char >= '0' && char <= '9')) parseNumber();
    else if (char === 't') expectLiteral('true');
    else if (char === 'f') expectLiteral('false');
    else if (char === 'n') expectLiteral('null');
    else fail(position);
  };

  const parseObject = (): void => {
    position++;
    skipWhitespace();
    if (text[position] === '}') {
      position++;
      return;
    }
    for (;;) {
      skipWhitespace();
      if (text[position] !== '"') fail(position, propertyNameProblem(position));
      parseString();
      skipWhitespace();
      if (text[position] !== ':') fail(position, position >= text.length ? 'unexpected end of text' : 'expected ":" after a property name');
      position++;
      parseValue();
      skipWhitespace();
      if (text[position] === ',') {
        position++;
        continue;
      }
      if (text[position] === '}') {
        position++;
        return;
      }
      fail(position, position >= text.length ? 'unexpected end of text (missing "}")' : `expected "," or "}", found ${JSON.stringify(text[position])}`);
    }
  };

  const parseArray = (): void => {
    position++;
    skipWhitespace();
    if (text[position] === ']') {
      position++;
      return;
    }
    for (;;) {
      skipWhitespace();
      if (text[position] === ']') fail(position, 'trailing comma before "]"');
      parseValue();
      skipWhitespace();
      if (text[position] === ',') {
        position++;
        continue;
      }
      if (text[position] === ']') {
        position++;
        return;
      }
      fail(position, position >= text.length ? 'unexpected end of text (missing "]")' : `expected "," or "]", found ${JSON.stringify(text[position])}`);
    }
  };

  try {
    skipWhitespace();
    if (position >= text.length) return { offset: 0, reason: EMPTY_FILE };
    parseValue();
    skipWhitespace();
    if (position < text.length) fail(position, 'unexpected text after the end of the JSON value');
    return null;
  } catch (error) {
    if (error instanceof JsonFault) return { offset: error.offset, reason: error.reason };
    // A stack overflow on input deeper than the caller allowed: say so rather than crash.
    return { offset: position, reason: 'nested too deeply' };
  }
}

/**
 * TextDecoder is in every host shared code runs in (Node, the renderer, workers) but not in the
 * ECMAScript library shared/ compiles against.
 */
type StrictUtf8Decoder = new (label: 'utf-8', options: { fatal: true }) => { decode(bytes: Uint8Array): string };
const HostTextDecoder = (globalThis as unknown as { TextDecoder: StrictUtf8Decoder }).TextDecoder;

/** Bytes read as UTF-8, or null when they are not valid UTF-8 (a .faultline file is UTF-8 JSON). */
export function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    return new HostTextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}
