/**
 * `faultline run` end to end with the real engine: in-process through runCommand, and as a real
 * process from an esbuild bundle of main/cli/index.ts (exit codes, stdout purity).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { cliBundleOptions } from '../../../scripts/cli-bundle.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCommand, type RunEnvironment } from '../../../main/cli/run';
import { Simulation } from '../../../shared/sim/simulation';
import type { Report } from '../../../shared/sim/report';

const LESSON = {
  format: 'faultline',
  version: 1,
  meta: { title: 'Two apps behind a load balancer' },
  seed: 7,
  durationS: 3,
  regions: [],
  nodes: [
    { id: 'users', kind: 'client', x: 0, y: 0, config: { rps: 200 } },
    { id: 'lb1', kind: 'lb', x: 100, y: 0 },
    { id: 'app1', kind: 'app', x: 200, y: 0 },
    { id: 'app2', kind: 'app', x: 200, y: 100 },
  ],
  links: [
    { id: 'l1', from: 'users', to: 'lb1' },
    { id: 'l2', from: 'lb1', to: 'app1' },
    { id: 'l3', from: 'lb1', to: 'app2' },
  ],
  scenario: [],
  checks: [{ id: 'mostly-up', metric: 'availability', op: '>', value: 0.5 }],
};
const FAILING_LESSON = {
  ...LESSON,
  checks: [...LESSON.checks, { id: 'impossible', metric: 'latency.p99', op: '<', value: 0.000001 }],
};

let workDirectory: string;
let lessonFile: string;
let failingFile: string;
beforeAll(() => {
  workDirectory = mkdtempSync(join(tmpdir(), 'faultline-cli-e2e-'));
  lessonFile = join(workDirectory, 'lesson.faultline');
  failingFile = join(workDirectory, 'failing.faultline');
  writeFileSync(lessonFile, JSON.stringify(LESSON));
  writeFileSync(failingFile, JSON.stringify(FAILING_LESSON));
});
afterAll(() => rmSync(workDirectory, { recursive: true, force: true }));

function realEngine(): { environment: RunEnvironment; stdout: () => string; stderr: () => string } {
  let out = '';
  let err = '';
  return {
    environment: {
      stdout: { write: (text: string) => (out += text) },
      stderr: { write: (text: string) => (err += text), isTTY: false },
      createSimulation: (document, settings) => new Simulation(document, settings),
      clockMs: () => performance.now(),
    },
    stdout: () => out,
    stderr: () => err,
  };
}

function withoutWallClock(json: string): string {
  return json.replace(/"wallMs": \d+/, '"wallMs": 0');
}

describe('faultline run with the real engine', () => {
  it('produces a complete report whose books balance', async () => {
    const run = realEngine();
    expect(await runCommand(lessonFile, { json: true }, run.environment)).toBe(0);
    const report = JSON.parse(run.stdout()) as Report;
    expect(report.title).toBe('Two apps behind a load balancer');
    expect(report.seed).toBe(7);
    expect(report.durationS).toBe(3);
    expect(report.events).toBeGreaterThan(0);
    const { total, ok, error, timeout, rejected, dropped } = report.requests;
    expect(total).toBeGreaterThan(300); // ~200 rps for 3 s, Poisson
    expect(ok + error + timeout + rejected + dropped).toBe(total);
    expect(report.timeline).toHaveLength(3);
    expect(report.timeline.reduce((sum, row) => sum + row.sent, 0)).toBe(total);
    expect(Object.keys(report.nodes)).toEqual(['users', 'lb1', 'app1', 'app2']);
    expect(report.checks).toEqual([{ id: 'mostly-up', metric: 'availability', op: '>', value: 0.5, actual: report.availability, pass: true }]);
  });

  it('is deterministic: same file and seed give the same report byte for byte (wallMs aside)', async () => {
    const first = realEngine();
    const second = realEngine();
    await runCommand(lessonFile, { json: true }, first.environment);
    await runCommand(lessonFile, { json: true }, second.environment);
    expect(withoutWallClock(second.stdout())).toBe(withoutWallClock(first.stdout()));

    const reseeded = realEngine();
    await runCommand(lessonFile, { json: true, seed: '8' }, reseeded.environment);
    expect(JSON.parse(reseeded.stdout()).seed).toBe(8);
    expect(withoutWallClock(reseeded.stdout())).not.toBe(withoutWallClock(first.stdout()));
  });

  it('--duration overrides the file and the timeline follows it', async () => {
    const run = realEngine();
    expect(await runCommand(lessonFile, { json: true, duration: '5' }, run.environment)).toBe(0);
    const report = JSON.parse(run.stdout()) as Report;
    expect(report.durationS).toBe(5);
    expect(report.timeline.map((row) => row.t)).toEqual([0, 1, 2, 3, 4]);
  });

  it('exits 1 when a check fails', async () => {
    const run = realEngine();
    expect(await runCommand(failingFile, {}, run.environment)).toBe(1);
    expect(run.stdout()).toMatch(/FAIL\s+impossible/);
    expect(run.stdout()).toMatch(/PASS\s+mostly-up/);
  });
});

describe('the bundled faultline binary', () => {
  let cli: string;
  beforeAll(async () => {
    cli = join(workDirectory, 'faultline.mjs');
    await build({
      ...cliBundleOptions(cli),
      logLevel: 'silent',
      // The entry exports main(); this footer runs it like bin/faultline.js does.
      footer: { js: 'process.exitCode = await main(process.argv.slice(2));' },
    });
  }, 60_000);

  function faultline(...args: string[]): { status: number | null; stdout: string; stderr: string } {
    const result = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', env: { ...process.env, FAULTLINE_DEBUG: '' } });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
  }

  it('--json prints exactly one JSON object on stdout and exits 0', () => {
    const result = faultline('run', lessonFile, '--json');
    expect(result.status).toBe(0);
    expect(result.stdout.trim().startsWith('{')).toBe(true);
    expect(JSON.parse(result.stdout).format).toBe('faultline-report');
    // No progress bar or anything else when stderr is not a terminal.
    expect(result.stderr).toBe('');
  });

  it('exits 1 on a failed check, 2 on a bad flag or file, and writes --out/--csv', () => {
    expect(faultline('run', failingFile).status).toBe(1);

    const badSeed = faultline('run', lessonFile, '--seed', 'x');
    expect(badSeed.status).toBe(2);
    expect(badSeed.stderr).toContain('--seed');
    expect(badSeed.stdout).toBe('');

    const missing = faultline('run', join(workDirectory, 'missing.faultline'));
    expect(missing.status).toBe(2);

    const out = join(workDirectory, 'report.json');
    const csv = join(workDirectory, 'timeline.csv');
    const written = faultline('run', lessonFile, '--out', out, '--csv', csv);
    expect(written.status).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8')).requests.total).toBeGreaterThan(0);
    const lines = readFileSync(csv, 'utf8').trim().split('\n');
    expect(lines[0]).toBe('t,sent,ok,failed,p50,p99');
    expect(lines).toHaveLength(4);
    expect(lines[1]).toMatch(/^0,\d+,\d+,\d+,[\d.]*,[\d.]*$/);
  });

  it('exits 2 with usage when the command line is incomplete, 0 when help is asked for', () => {
    for (const args of [[], ['help', 'bogus']]) {
      const result = faultline(...args);
      expect(result.status, args.join(' ')).toBe(2);
      expect(result.stderr).toContain('Usage: faultline');
    }
    expect(faultline('--help').status).toBe(0);
    expect(faultline('help', 'run').status).toBe(0);
  });

  it('--version prints the package version alone, and exits 0', () => {
    const { version } = JSON.parse(readFileSync(resolve(__dirname, '../../../package.json'), 'utf8')) as { version: string };
    for (const flag of ['--version', '-V']) {
      const result = faultline(flag);
      expect(result.status, flag).toBe(0);
      expect(result.stdout, flag).toBe(`${version}\n`);
      expect(result.stderr, flag).toBe('');
    }
  });

  it('a reader closing the pipe early is no error: no stack trace, and the run\'s own exit code', () => {
    // `true` exits without reading, so the report is written into a closed pipe.
    const script = `"${process.execPath}" "${cli}" run "${lessonFile}" --json | true; exit \${PIPESTATUS[0]}`;
    const result = spawnSync('bash', ['-c', script], { encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('validate and run name a design problem (the editor\'s lint) as a note on stderr, and still succeed', () => {
    // users resolve through DNS, which may answer app2, but users have no link to app2.
    const dnsDesign = {
      ...LESSON,
      nodes: [...LESSON.nodes.filter((node) => node.id !== 'lb1'), { id: 'dns', kind: 'dns', x: 100, y: 100 }],
      links: [
        { id: 'l1', from: 'users', to: 'dns' },
        { id: 'l2', from: 'users', to: 'app1' },
        { id: 'l3', from: 'dns', to: 'app1' },
        { id: 'l4', from: 'dns', to: 'app2' },
      ],
    };
    const file = join(workDirectory, 'dns-answer.faultline');
    writeFileSync(file, JSON.stringify(dnsDesign));
    const note = `${file}: note: users can be answered app2 by dns but has no link to it.`;
    const validated = faultline('validate', file);
    expect(validated.status).toBe(0);
    expect(validated.stderr.trim()).toBe(note);
    const ran = faultline('run', file, '--json');
    expect(ran.status).toBe(0);
    expect(ran.stderr.trim()).toBe(note);
    expect(JSON.parse(ran.stdout).format).toBe('faultline-report');
  });

  it("shows the control characters of a file's text instead of sending them to the terminal", () => {
    const file = join(workDirectory, 'escape.faultline');
    const named = { ...LESSON, meta: { title: '\u001b[31mRed\u001b[0m\rtitle' }, nodes: LESSON.nodes.map((node) => (node.id === 'users' ? { ...node, name: 'Us\u001b]0;owned\u0007ers' } : node)) };
    writeFileSync(file, JSON.stringify(named));
    const validated = faultline('validate', file);
    expect(validated.status).toBe(0);
    expect(validated.stdout).toContain('valid — "\\u001b[31mRed\\u001b[0m\\u000dtitle"');
    const ran = faultline('run', file);
    expect([...`${ran.stdout}${ran.stderr}`].filter((character) => character < ' ' && character !== '\n' && character !== '\t')).toEqual([]);
  });

  it('says an event or a check after the end of the run once, as the loader warns, not again as a design note', () => {
    const late = { ...LESSON, durationS: 20, scenario: [{ atS: 30, action: 'note', note: 'late' }], checks: [{ metric: 'availability', op: '>=', value: 0.9, fromS: 25 }] };
    const file = join(workDirectory, 'late.faultline');
    writeFileSync(file, JSON.stringify(late));
    const expected = [
      `${file}: scenario[0].atS: warning: is not before the end of the run (durationS 20), so it never happens`,
      `${file}: checks[0].fromS: warning: is not before the end of the run (durationS 20): the check measures nothing and fails`,
    ];
    const validated = faultline('validate', file);
    expect(validated.status).toBe(0);
    expect(validated.stderr.trim().split('\n')).toEqual(expected);
    const ran = faultline('run', file, '--json');
    expect(ran.stderr.trim().split('\n')).toEqual(expected);
  });

  it('validate prints the engine\'s warnings about a design, as run does', () => {
    const queueWithoutWorker = { ...LESSON, nodes: [...LESSON.nodes, { id: 'jobs', kind: 'queue', x: 300, y: 0 }], links: [...LESSON.links, { id: 'l4', from: 'app1', to: 'jobs' }] };
    const file = join(workDirectory, 'queue-without-worker.faultline');
    writeFileSync(file, JSON.stringify(queueWithoutWorker));
    const warning = 'jobs: a queue with no worker linked; its jobs are never consumed';
    const validated = faultline('validate', file);
    expect(validated.status).toBe(0);
    expect(validated.stderr.trim().split('\n')).toContain(`faultline validate: warning: ${warning}`);
    expect(faultline('run', file, '--json').stderr.trim().split('\n')).toContain(`faultline run: warning: ${warning}`);
  });

  it('says where invalid JSON breaks once, as validate does', () => {
    const broken = join(workDirectory, 'broken.faultline');
    writeFileSync(broken, '{\n  "format": "faultline",\n  "nodes": [1,]\n}');
    const ran = faultline('run', broken);
    expect(ran.status).toBe(2);
    expect(ran.stderr.match(/line 3, column/g)).toHaveLength(1);
    expect(faultline('validate', broken).stderr).toContain(ran.stderr.trim().split('\n')[0]);
  });
});
