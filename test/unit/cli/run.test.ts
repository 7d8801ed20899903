import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync, linkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative as relativeTo } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { FaultlineDocument } from '../../../shared/model/types';
import type { Report } from '../../../shared/sim/report';
import { runCommand, type RunEnvironment, type SimulationSettings } from '../../../main/cli/run';
import { makeReport } from './fakeReport';

const VALID_DOCUMENT = {
  format: 'faultline',
  version: 1,
  meta: { title: 'CLI test' },
  seed: 1,
  durationS: 3,
  regions: [],
  nodes: [
    { id: 'c1', kind: 'client', x: 0, y: 0 },
    { id: 'app1', kind: 'app', x: 100, y: 0 },
  ],
  links: [{ id: 'l1', from: 'c1', to: 'app1' }],
  scenario: [],
  checks: [],
};

let workDirectory: string;
beforeAll(() => {
  workDirectory = mkdtempSync(join(tmpdir(), 'faultline-cli-'));
});
afterAll(() => rmSync(workDirectory, { recursive: true, force: true }));
afterEach(() => {
  delete process.env.FAULTLINE_DEBUG;
});

function writeDocument(name: string, content: unknown): string {
  const file = join(workDirectory, name);
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

interface Harness {
  environment: RunEnvironment;
  stdout: () => string;
  stderr: () => string;
  runUntilCalls: number[];
  createdWith: SimulationSettings[];
  documents: FaultlineDocument[];
}

/** A fake engine that returns `report(settings)` and records how the CLI drove it. */
function harness(report: (settings: SimulationSettings) => Report = () => makeReport(), options: { tty?: boolean; durationMs?: number } = {}): Harness {
  let out = '';
  let err = '';
  const runUntilCalls: number[] = [];
  const createdWith: SimulationSettings[] = [];
  const documents: FaultlineDocument[] = [];
  let clock = 1000;
  const environment: RunEnvironment = {
    stdout: { write: (text: string) => (out += text) },
    stderr: { write: (text: string) => (err += text), isTTY: options.tty ?? false },
    clockMs: () => (clock += 250),
    createSimulation(document, settings) {
      documents.push(document);
      createdWith.push(settings);
      const durationMs = options.durationMs ?? (settings.durationS ?? document.durationS) * 1000;
      return {
        durationMs,
        runUntil: (timeMs: number) => {
          runUntilCalls.push(timeMs);
        },
        finish: () => report(settings),
      };
    },
  };
  return { environment, stdout: () => out, stderr: () => err, runUntilCalls, createdWith, documents };
}

describe('runCommand arguments', () => {
  it.each([['abc'], ['0'], ['-5'], ['Infinity'], [''], ['10s'], ['NaN'], ['0x10'], ['0b11'], ['1e9'], ['86401']])('--duration %j is refused with exit 2, naming the flag', async (duration) => {
    const file = writeDocument('valid.faultline', VALID_DOCUMENT);
    const h = harness();
    expect(await runCommand(file, { duration }, h.environment)).toBe(2);
    expect(h.stderr()).toContain('--duration must be a positive number of seconds, at most 86,400');
    expect(h.stdout()).toBe('');
    expect(h.createdWith).toEqual([]);
  });

  it.each([['-1'], ['1.5'], ['abc'], [''], ['1e3'], ['99999999999999999999']])('--seed %j is refused with exit 2, naming the flag', async (seed) => {
    const file = writeDocument('valid.faultline', VALID_DOCUMENT);
    const h = harness();
    expect(await runCommand(file, { seed }, h.environment)).toBe(2);
    expect(h.stderr()).toContain('--seed');
    expect(h.stdout()).toBe('');
  });

  it('passes --duration and --seed to the simulation and runs it in one-second chunks to the end', async () => {
    const file = writeDocument('valid.faultline', VALID_DOCUMENT);
    const h = harness();
    expect(await runCommand(file, { duration: '2.5', seed: '42' }, h.environment)).toBe(0);
    expect(h.createdWith).toEqual([{ durationS: 2.5, seed: 42 }]);
    expect(h.runUntilCalls).toEqual([1000, 2000, 2500]);
  });

  it('without flags the file decides: no overrides are passed', async () => {
    const file = writeDocument('valid.faultline', VALID_DOCUMENT);
    const h = harness();
    expect(await runCommand(file, {}, h.environment)).toBe(0);
    expect(h.createdWith).toEqual([{}]);
    expect(h.documents[0].meta.title).toBe('CLI test');
    expect(h.runUntilCalls).toEqual([1000, 2000, 3000]);
  });

  it('refuses --out into a folder that does not exist before simulating', async () => {
    const file = writeDocument('valid.faultline', VALID_DOCUMENT);
    const h = harness();
    expect(await runCommand(file, { out: join(workDirectory, 'missing', 'r.json') }, h.environment)).toBe(2);
    expect(h.stderr()).toContain('--out');
    expect(h.createdWith).toEqual([]);
  });
});

describe('runCommand outputs that would overwrite a file it needs', () => {
  it('refuses --out naming the input file, however the path is written, and leaves the design alone', async () => {
    const file = writeDocument('design.faultline', VALID_DOCUMENT);
    const before = readFileSync(file, 'utf8');
    const relative = join(relativeTo(process.cwd(), workDirectory), '.', 'design.faultline');
    for (const out of [file, relative, join(workDirectory, 'sub', '..', 'design.faultline')]) {
      mkdirSync(join(workDirectory, 'sub'), { recursive: true });
      const h = harness();
      expect(await runCommand(file, { out }, h.environment)).toBe(2);
      expect(h.stderr()).toBe(`faultline run: --out ${out} is the input file; the report would overwrite it (name another file)\n`);
      expect(h.createdWith).toEqual([]);
    }
    const h = harness();
    expect(await runCommand(file, { csv: file }, h.environment)).toBe(2);
    expect(h.stderr()).toContain(`--csv ${file} is the input file; the timeline would overwrite it`);
    expect(readFileSync(file, 'utf8')).toBe(before);
  });

  it('refuses an output that is a symlink to the input file', async () => {
    const file = writeDocument('linked.faultline', VALID_DOCUMENT);
    const link = join(workDirectory, 'link-to-design.json');
    symlinkSync(file, link);
    const h = harness();
    expect(await runCommand(file, { out: link }, h.environment)).toBe(2);
    expect(h.stderr()).toContain('is the input file');
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(VALID_DOCUMENT);
  });

  it('refuses an output that is a hard link to the input file (another name, the same file)', async () => {
    const file = writeDocument('hard-linked.faultline', VALID_DOCUMENT);
    const link = join(workDirectory, 'hard-link-to-design.json');
    linkSync(file, link);
    const h = harness();
    expect(await runCommand(file, { out: link }, h.environment)).toBe(2);
    expect(h.stderr()).toContain('is the input file');
    expect(h.createdWith).toEqual([]);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(VALID_DOCUMENT);
  });

  it('refuses --out and --csv naming one file by two spellings, before simulating', async () => {
    const file = writeDocument('valid.faultline', VALID_DOCUMENT);
    const out = join(workDirectory, 'x.json');
    const csv = `${workDirectory}/./x.json`;
    const h = harness();
    expect(await runCommand(file, { out, csv }, h.environment)).toBe(2);
    expect(h.stderr()).toBe(`faultline run: --out ${out} and --csv ${csv} are the same file; name two different files\n`);
    expect(h.createdWith).toEqual([]);
  });
});

describe('runCommand outputs that cannot be written', () => {
  const PROC_FILE = '/proc/version'; // exists, says root may write it, and refuses every write

  it.runIf(existsSync(PROC_FILE))('refuses --csv into a file that refuses writes before simulating, naming the flag and path', async () => {
    const file = writeDocument('valid.faultline', VALID_DOCUMENT);
    const h = harness();
    expect(await runCommand(file, { csv: PROC_FILE }, h.environment)).toBe(2);
    expect(h.stderr()).toBe(`faultline run: --csv ${PROC_FILE}: cannot write: the file does not accept writes (input/output error)\n`);
    expect(h.createdWith).toEqual([]);
  });

  it('refuses --out naming a folder before simulating', async () => {
    const file = writeDocument('valid.faultline', VALID_DOCUMENT);
    const h = harness();
    expect(await runCommand(file, { out: workDirectory }, h.environment)).toBe(2);
    expect(h.stderr()).toBe(`faultline run: --out ${workDirectory}: cannot write: is a folder\n`);
    expect(h.createdWith).toEqual([]);
  });

  it('leaves an existing output untouched when checking it', async () => {
    const file = writeDocument('valid.faultline', VALID_DOCUMENT);
    const outFile = writeDocument('kept.json', 'old contents');
    const longAgo = new Date('2020-01-01T00:00:00Z');
    utimesSync(outFile, longAgo, longAgo);
    const h = harness();
    h.environment.createSimulation = () => {
      // The check ran before the simulation was made: the old report is still whole.
      expect(readFileSync(outFile, 'utf8')).toBe('old contents');
      expect(statSync(outFile).mtime).toEqual(longAgo);
      throw new Error('stop here');
    };
    expect(await runCommand(file, { out: outFile }, h.environment)).toBe(3);
  });

  it.runIf(existsSync(PROC_FILE))('words a write that fails after the run, naming the flag and path', async () => {
    const file = writeDocument('valid.faultline', VALID_DOCUMENT);
    const outFile = writeDocument('swapped.json', '');
    const h = harness();
    const create = h.environment.createSimulation.bind(h.environment);
    h.environment.createSimulation = (document, settings) => {
      // The output passed its check, then became unwritable while the simulation ran.
      rmSync(outFile);
      symlinkSync(PROC_FILE, outFile);
      return create(document, settings);
    };
    expect(await runCommand(file, { out: outFile }, h.environment)).toBe(2);
    expect(h.stderr()).toBe(`faultline run: --out ${outFile}: cannot write: the file does not accept writes (input/output error)\n`);
  });
});

describe('runCommand with invalid files', () => {
  it('a missing file exits 2 with the file named', async () => {
    const h = harness();
    const file = join(workDirectory, 'nope.faultline');
    expect(await runCommand(file, {}, h.environment)).toBe(2);
    expect(h.stderr()).toContain(`${file}: cannot open: no such file or folder`);
  });

  it('a named pipe is refused at once, not waited on for a writer that never comes', async () => {
    const fifo = join(workDirectory, 'pipe.faultline');
    execFileSync('mkfifo', [fifo]);
    const h = harness();
    expect(await runCommand(fifo, {}, h.environment)).toBe(2);
    expect(h.stderr()).toBe(`${fifo}: is not a regular file\n`);
  });

  it('a folder, a file over the size limit and bytes that are not UTF-8 are refused in the words `validate` uses', async () => {
    const h = harness();
    expect(await runCommand(workDirectory, {}, h.environment)).toBe(2);
    expect(h.stderr()).toContain(`${workDirectory}: is a folder, not a .faultline file`);
    const latin1 = writeDocument('latin1.faultline', '');
    writeFileSync(latin1, Buffer.from([0x7b, 0x22, 0xe9, 0x22, 0x7d]));
    const h2 = harness();
    expect(await runCommand(latin1, {}, h2.environment)).toBe(2);
    expect(h2.stderr()).toContain(`${latin1}: is not UTF-8 text`);
  });

  it('broken JSON exits 2 and says where', async () => {
    const file = writeDocument('broken.faultline', '{ "format": "faultline", ');
    const h = harness();
    expect(await runCommand(file, {}, h.environment)).toBe(2);
    expect(h.stderr()).toMatch(new RegExp(`^${escapeRegExp(file)}: `));
    expect(h.stdout()).toBe('');
  });

  it('prints every problem as "file: path: message", then exits 2 without simulating', async () => {
    const file = writeDocument('invalid.faultline', {
      ...VALID_DOCUMENT,
      nodes: [
        { id: 'c1', kind: 'client', x: 0, y: 0 },
        { id: 'app1', kind: 'app', x: 100, y: 0, config: { workers: 0 } },
        { id: 'x', kind: 'teleporter', x: 0, y: 0 },
      ],
    });
    const h = harness();
    expect(await runCommand(file, {}, h.environment)).toBe(2);
    const lines = h.stderr().trim().split('\n');
    expect(lines.length).toBeGreaterThanOrEqual(2);
    for (const line of lines) expect(line).toMatch(new RegExp(`^${escapeRegExp(file)}: \\S+: .+`));
    expect(h.stderr()).toContain('nodes[1].config.workers');
    expect(h.stderr()).toContain('nodes[2]');
    expect(h.createdWith).toEqual([]);
  });

  it('refuses a file that is not UTF-8', async () => {
    const file = join(workDirectory, 'latin1.faultline');
    writeFileSync(file, Buffer.from([0x7b, 0xe9, 0x7d]));
    const h = harness();
    expect(await runCommand(file, {}, h.environment)).toBe(2);
    expect(h.stderr()).toContain('UTF-8');
  });

  it('prints warnings on stderr and still runs', async () => {
    const file = writeDocument('extra.faultline', { ...VALID_DOCUMENT, someFutureField: true });
    const h = harness();
    expect(await runCommand(file, { json: true }, h.environment)).toBe(0);
    expect(h.stderr()).toBe(`${file}: someFutureField: warning: unknown field, kept but not used\n`);
    expect(() => JSON.parse(h.stdout())).not.toThrow();
  });
});

describe('runCommand output', () => {
  it('--json prints exactly one JSON report, in contract key order, with wallMs measured by the CLI', async () => {
    const file = writeDocument('valid.faultline', VALID_DOCUMENT);
    const h = harness();
    expect(await runCommand(file, { json: true }, h.environment)).toBe(0);
    const text = h.stdout();
    const report = JSON.parse(text) as Report;
    expect(text.endsWith('}\n')).toBe(true);
    expect(text.trim().startsWith('{')).toBe(true);
    expect(Object.keys(report)).toEqual([
      'format', 'version', 'title', 'seed', 'durationS', 'events', 'wallMs', 'requests', 'latencyMs',
      'availability', 'throughputRps', 'consistency', 'nodes', 'checks', 'timeline',
    ]);
    expect(report.format).toBe('faultline-report');
    // The fake clock advances 250 ms per reading: start and end are one reading apart.
    expect(report.wallMs).toBe(250);
    expect(h.stderr()).toBe('');
  });

  it('exits 1 when a check fails, 0 when all pass, and the summary says PASS/FAIL', async () => {
    const file = writeDocument('valid.faultline', VALID_DOCUMENT);
    const passing = harness(() =>
      makeReport({ checks: [{ id: 'fast', metric: 'latency.p99', op: '<', value: 200, actual: 55.5, pass: true }] }),
    );
    expect(await runCommand(file, {}, passing.environment)).toBe(0);
    expect(passing.stdout()).toMatch(/PASS\s+fast/);

    const failing = harness(() =>
      makeReport({
        checks: [
          { id: 'fast', metric: 'latency.p99', op: '<', value: 200, actual: 55.5, pass: true },
          { id: 'available', metric: 'availability', op: '>=', value: 0.999, actual: 0.99, pass: false },
        ],
      }),
    );
    expect(await runCommand(file, {}, failing.environment)).toBe(1);
    expect(failing.stdout()).toMatch(/FAIL\s+available/);
    expect(failing.stdout()).toContain('1 of 2 passed');

    const failingJson = harness(() => makeReport({ checks: [{ id: 'x', metric: 'errorRate', op: '<', value: 0, actual: 0.01, pass: false }] }));
    expect(await runCommand(file, { json: true }, failingJson.environment)).toBe(1);
    expect(JSON.parse(failingJson.stdout()).checks[0].pass).toBe(false);
  });

  it('the human summary shows outcomes, latency, availability, throughput and the nodes table', async () => {
    const file = writeDocument('valid.faultline', VALID_DOCUMENT);
    const h = harness();
    expect(await runCommand(file, {}, h.environment)).toBe(0);
    const summary = h.stdout();
    expect(summary).toContain('Fake run');
    expect(summary).toMatch(/total\s+ok\s+error\s+timeout\s+rejected\s+dropped/);
    expect(summary).toMatch(/300\s+297\s+1\s+1\s+1\s+0/);
    expect(summary).toContain('p99 55.5 ms');
    expect(summary).toContain('99.000%');
    expect(summary).toContain('99 ok requests/s');
    expect(summary).toMatch(/cache1\s+cache\s+270\s+270/);
    expect(() => JSON.parse(summary)).toThrow();
  });

  it('--out writes the same JSON as --json prints; --csv writes the timeline', async () => {
    const file = writeDocument('valid.faultline', VALID_DOCUMENT);
    const outFile = join(workDirectory, 'report.json');
    const csvFile = join(workDirectory, 'timeline.csv');
    const h = harness();
    expect(await runCommand(file, { json: true, out: outFile, csv: csvFile }, h.environment)).toBe(0);
    expect(readFileSync(outFile, 'utf8')).toBe(h.stdout());
    const csv = readFileSync(csvFile, 'utf8');
    expect(csv.split('\n')).toEqual(['t,sent,ok,failed,p50,p99', '0,100,99,1,10.123,50', '1,100,100,0,9.5,49.25', '2,100,98,2,,', '']);
  });

  it('--out alongside the human summary still prints the summary on stdout', async () => {
    const file = writeDocument('valid.faultline', VALID_DOCUMENT);
    const outFile = join(workDirectory, 'report2.json');
    const h = harness();
    expect(await runCommand(file, { out: outFile }, h.environment)).toBe(0);
    expect(JSON.parse(readFileSync(outFile, 'utf8')).title).toBe('Fake run');
    expect(h.stdout()).toContain('Requests');
  });

  it('draws no progress bar when stderr is not a terminal', async () => {
    const file = writeDocument('valid.faultline', VALID_DOCUMENT);
    const h = harness(undefined, { tty: false, durationMs: 30_000 });
    expect(await runCommand(file, { json: true }, h.environment)).toBe(0);
    expect(h.stderr()).toBe('');
    expect(h.runUntilCalls).toHaveLength(30);
  });
});

describe('runCommand internal errors', () => {
  it('exits 3 with the message and no stack trace', async () => {
    const file = writeDocument('valid.faultline', VALID_DOCUMENT);
    const h = harness(() => {
      throw new Error('engine exploded');
    });
    expect(await runCommand(file, { json: true }, h.environment)).toBe(3);
    expect(h.stderr()).toContain('internal error: engine exploded');
    expect(h.stderr()).not.toMatch(/\n\s+at /);
    expect(h.stdout()).toBe('');
  });

  it('adds the stack trace when FAULTLINE_DEBUG is set', async () => {
    process.env.FAULTLINE_DEBUG = '1';
    const file = writeDocument('valid.faultline', VALID_DOCUMENT);
    const h = harness(() => {
      throw new Error('engine exploded');
    });
    expect(await runCommand(file, {}, h.environment)).toBe(3);
    expect(h.stderr()).toMatch(/\n\s+at /);
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
