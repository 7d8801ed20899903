import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { validateCommand } from '../../../main/cli/validate';
import { EXIT } from '../../../main/cli/exitCodes';
import { MAX_FILE_BYTES } from '../../../shared/model';
import { baseFile, FIXTURES } from './helpers';

const directory = mkdtempSync(join(tmpdir(), 'faultline-validate-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

let stderr = '';
let stdout = '';
beforeEach(() => {
  stderr = '';
  stdout = '';
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stderr += String(chunk);
    return true;
  });
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += String(chunk);
    return true;
  });
});
afterEach(() => vi.restoreAllMocks());

function writeTemp(name: string, content: string | Buffer): string {
  const file = join(directory, name);
  writeFileSync(file, content);
  return file;
}

/** The fixture's app reads through its cache with nothing behind it: the editor's design problem, a note here. */
const CACHE_WITHOUT_STORE_NOTE = 'a1 reads through k1 with no database behind it: a miss has nothing to load the key from and is answered without data, so only writes fill the cache. Link a1 to a database or shard router.';

describe('faultline validate', () => {
  it('exits 0 for a valid file and prints a summary', async () => {
    const file = `${FIXTURES}valid/minimal.faultline`;
    expect(await validateCommand(file)).toBe(EXIT.ok);
    // The one design problem of the fixture, as a note: a1 reads through k1 with no database.
    expect(stderr).toBe(`${file}: note: ${CACHE_WITHOUT_STORE_NOTE}\n`);
    expect(stdout).toContain('valid');
    expect(stdout).toContain('4 nodes, 3 links');
  });

  it('exits 0 with warnings on stderr for unknown fields, each as "file: path: warning: message"', async () => {
    const content = baseFile();
    content.nodes[0].config = { futureKnob: 1 };
    const file = writeTemp('warn.faultline', JSON.stringify(content));
    expect(await validateCommand(file)).toBe(EXIT.ok);
    expect(stderr).toBe(`${file}: nodes[0].config.futureKnob: warning: unknown field, kept but not used\n${file}: note: ${CACHE_WITHOUT_STORE_NOTE}\n`);
  });

  it('prints warnings of an invalid file in the same form, file name first', async () => {
    const content = baseFile();
    content.nodes[0].config = { futureKnob: 1, rps: -5 };
    const file = writeTemp('warn-and-error.faultline', JSON.stringify(content));
    expect(await validateCommand(file)).toBe(EXIT.invalid);
    const lines = stderr.trimEnd().split('\n');
    expect(lines[0]).toBe(`${file}: nodes[0].config.futureKnob: warning: unknown field, kept but not used`);
    expect(lines.every((line) => line.startsWith(`${file}: `))).toBe(true);
  });

  it('exits 2 and lists every problem as "file: path: message"', async () => {
    const file = `${FIXTURES}errors/many-problems.faultline`;
    expect(await validateCommand(file)).toBe(EXIT.invalid);
    const lines = stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(7);
    expect(lines[0]).toBe(`${file}: nodes[0].config.rps: must be a number from 0 to 1,000,000 (got -5)`);
    expect(lines.slice(0, 6).every((line) => line.startsWith(`${file}: `))).toBe(true);
    expect(lines[6]).toBe(`${file}: not valid (6 problems)`);
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(stdout).toBe('');
  });

  it('speaks of one node, link, scenario event or check in the singular', async () => {
    const content = baseFile();
    content.nodes = content.nodes.slice(0, 2);
    content.links = content.links.slice(0, 1);
    content.scenario = [{ atS: 5, action: 'crash', target: 'lb1' }];
    content.checks = [{ metric: 'availability', op: '>=', value: 0.9 }];
    const file = writeTemp('singular.faultline', JSON.stringify(content));
    expect(await validateCommand(file)).toBe(EXIT.ok);
    expect(stdout).toBe(`${file}: valid — "Fixture", 2 nodes, 1 link, 1 scenario event, 1 check\n`);
  });

  it('counts one problem past the listing limit as one', async () => {
    const content = baseFile();
    content.nodes = Array.from({ length: 1001 }, (_, index) => ({ id: `n${index}`, kind: 'teleporter', x: 0, y: 0 }));
    content.links = [];
    content.scenario = [];
    content.checks = [];
    const file = writeTemp('one-over.faultline', JSON.stringify(content));
    expect(await validateCommand(file)).toBe(EXIT.invalid);
    const lines = stderr.trimEnd().split('\n');
    expect(lines.at(-2)).toBe(`${file}: …and 1 more error not listed`);
    expect(lines.at(-1)).toBe(`${file}: not valid (1001 problems)`);
  });

  it('counts every problem in its verdict, also those past the listing limit', async () => {
    const content = baseFile();
    content.nodes = Array.from({ length: 3000 }, (_, index) => ({ id: `n${index}`, kind: 'teleporter', x: 0, y: 0 }));
    content.links = [];
    content.scenario = [];
    content.checks = [];
    const file = writeTemp('many.faultline', JSON.stringify(content));
    expect(await validateCommand(file)).toBe(EXIT.invalid);
    const lines = stderr.trimEnd().split('\n');
    expect(lines.at(-2)).toBe(`${file}: …and 2000 more errors not listed`);
    expect(lines.at(-1)).toBe(`${file}: not valid (3000 problems)`);
  });

  it('prints a syntax error without a path but with its position', async () => {
    const file = `${FIXTURES}errors/invalid-json.faultline`;
    expect(await validateCommand(file)).toBe(EXIT.invalid);
    expect(stderr.split('\n')[0]).toBe(`${file}: not valid JSON: trailing comma before "]" at line 4, column 18`);
  });

  it('exits 2 with a clear message for a missing file', async () => {
    const file = join(directory, 'nope.faultline');
    expect(await validateCommand(file)).toBe(EXIT.invalid);
    // The same words as `faultline run` (they used to differ: "no such file", "is a directory").
    expect(stderr).toBe(`${file}: cannot open: no such file or folder\n`);
  });

  it('exits 2 for a directory', async () => {
    expect(await validateCommand(directory)).toBe(EXIT.invalid);
    expect(stderr).toBe(`${directory}: is a folder, not a .faultline file\n`);
  });

  it('exits 2 for a file over the size limit without reading it', async () => {
    const file = writeTemp('huge.faultline', Buffer.alloc(MAX_FILE_BYTES + 1, 0x20));
    expect(await validateCommand(file)).toBe(EXIT.invalid);
    expect(stderr).toBe(`${file}: the file is 20.0 MB; Faultline reads files up to 20.0 MB\n`);
  });

  it('exits 2 for bytes that are not UTF-8', async () => {
    const file = writeTemp('latin1.faultline', Buffer.from([0x7b, 0x22, 0xe9, 0x22, 0x7d]));
    expect(await validateCommand(file)).toBe(EXIT.invalid);
    expect(stderr).toBe(`${file}: is not UTF-8 text (a .faultline file is UTF-8 JSON)\n`);
  });

  it('accepts the default sandbox', async () => {
    const file = new URL('../../../shared/examples/classic-web-stack.faultline', import.meta.url).pathname;
    expect(await validateCommand(file)).toBe(EXIT.ok);
    expect(stderr).toBe('');
  });
});
