/**
 * `faultline run FILE [--duration S] [--seed N] [--json] [--out FILE] [--csv FILE]` (DESIGN §5,
 * Contract): simulate as fast as possible, then print a human summary — or, with --json,
 * exactly one JSON report and nothing else on stdout. Progress and problems go to stderr.
 *
 * Exit codes: 0 all checks pass (or none), 1 a check failed, 2 invalid file or arguments,
 * 3 internal error.
 */
import { constants as fsConstants, write as writeToDescriptor } from 'node:fs';
import { access, open, realpath, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import cliProgress from 'cli-progress';
import { loadDocument } from '../../shared/model/load';
import { MAX_DURATION_S } from '../../shared/model/limits';
import { terminalText } from './terminalText';
import { LOADER_ALSO_WARNS, lintDocument } from '../../shared/model/lint/lintDocument';
import type { FaultlineDocument } from '../../shared/model/types';
import { reportToJson, type Report } from '../../shared/sim/report';
import { EXIT } from './exitCodes';
import { formatError, formatWarning } from './problemText';
import { describeFsError, readInputFile } from './readInputFile';
import { formatSummary, timelineToCsv } from './report-format';

export interface RunOptions {
  duration?: string;
  seed?: string;
  json?: boolean;
  out?: string;
  csv?: string;
}

/** What the CLI needs from a simulation (the engine's `Simulation` class). */
export interface SimulationRun {
  runUntil(timeMs: number): void;
  readonly durationMs: number;
  /** Follows in-flight requests to their outcomes and returns the report (wallMs 0). */
  finish(): Report;
  /** Things the engine wants the user to know (e.g. a kind it does not simulate yet). */
  readonly warnings?: readonly string[];
}

export interface SimulationSettings {
  durationS?: number;
  seed?: number;
}

/** Where `runCommand` reads and writes; tests substitute their own. */
export interface RunEnvironment {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown; isTTY?: boolean };
  createSimulation(document: FaultlineDocument, settings: SimulationSettings): SimulationRun | Promise<SimulationRun>;
  /** Monotonic wall clock in ms, for the report's `wallMs`. */
  clockMs(): number;
}

const defaultEnvironment: RunEnvironment = {
  stdout: process.stdout,
  stderr: process.stderr,
  // Loaded on first use: `faultline validate` and argument errors never pay for the engine, and
  // tests that inject a fake never load it.
  createSimulation: async (document, settings) => {
    const { Simulation } = await import('../../shared/sim/simulation');
    return new Simulation(document, settings);
  },
  clockMs: () => performance.now(),
};

/**
 * Simulated time advanced per progress update. One simulated second keeps the bar lively on
 * slow designs while costing nothing measurable on fast ones.
 */
const CHUNK_MS = 1000;

/** Thrown for problems the user can fix (bad flag, unreadable or invalid file): exit 2. */
class UsageProblem extends Error {}

export async function runCommand(
  file: string,
  options: RunOptions | Readonly<Record<string, unknown>>,
  environment: RunEnvironment = defaultEnvironment,
): Promise<number> {
  const { stderr } = environment;
  try {
    const settings = parseRunOptions(options);
    await checkOutputs(file, settings);

    const document = await loadFile(file, stderr);
    const report = await simulate(document, settings, environment);

    if (settings.outFile !== undefined) await writeOutput('--out', settings.outFile, reportToJson(report));
    if (settings.csvFile !== undefined) await writeOutput('--csv', settings.csvFile, timelineToCsv(report));
    environment.stdout.write(settings.json ? reportToJson(report) : terminalText(formatSummary(report, document.checks)));

    return report.checks.every((check) => check.pass) ? EXIT.ok : EXIT.checkFailed;
  } catch (error) {
    if (error instanceof UsageProblem) {
      stderr.write(`${terminalText(error.message)}\n`);
      return EXIT.invalid;
    }
    const message = error instanceof Error ? error.message : String(error);
    stderr.write(`faultline run: internal error: ${message}\n`);
    if (process.env.FAULTLINE_DEBUG && error instanceof Error && error.stack) stderr.write(`${error.stack}\n`);
    return EXIT.internal;
  }
}

interface ParsedRunOptions {
  durationS?: number;
  seed?: number;
  json: boolean;
  outFile?: string;
  csvFile?: string;
}

/** Validates the flags; each problem names its flag (exit 2). */
export function parseRunOptions(options: RunOptions | Readonly<Record<string, unknown>>): ParsedRunOptions {
  const raw = options as Readonly<Record<string, unknown>>;
  const parsed: ParsedRunOptions = { json: raw.json === true };

  if (raw.duration !== undefined) {
    const text = String(raw.duration).trim();
    // Decimal only: Number() would also take "0x10" (16) or "0b11".
    const seconds = /^(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(text) ? Number(text) : Number.NaN;
    if (!(Number.isFinite(seconds) && seconds > 0 && seconds <= MAX_DURATION_S)) {
      throw new UsageProblem(`faultline run: --duration must be a positive number of seconds, at most ${MAX_DURATION_S.toLocaleString('en-US')} (got "${String(raw.duration)}")`);
    }
    parsed.durationS = seconds;
  }

  if (raw.seed !== undefined) {
    const text = String(raw.seed).trim();
    const seed = /^\d+$/.test(text) ? Number(text) : Number.NaN;
    if (!Number.isSafeInteger(seed)) {
      throw new UsageProblem(`faultline run: --seed must be a whole number ≥ 0 (at most ${Number.MAX_SAFE_INTEGER.toLocaleString('en-US')}; got "${String(raw.seed)}")`);
    }
    parsed.seed = seed;
  }

  for (const [flag, key, target] of [
    ['--out', 'out', 'outFile'],
    ['--csv', 'csv', 'csvFile'],
  ] as const) {
    const value = raw[key];
    if (value === undefined) continue;
    if (typeof value !== 'string' || value.trim() === '') throw new UsageProblem(`faultline run: ${flag} needs a file name`);
    parsed[target] = value;
  }
  return parsed;
}

/**
 * Fails before a long simulation rather than after it when an output would destroy the input or
 * the other output, or could not be written. Paths are compared as the files they name, so
 * `./d.faultline`, `/tmp/./x.json` or a symlink are not taken for different files.
 */
async function checkOutputs(inputFile: string, settings: ParsedRunOptions): Promise<void> {
  const outputs: [flag: string, file: string][] = [];
  if (settings.outFile !== undefined) outputs.push(['--out', settings.outFile]);
  if (settings.csvFile !== undefined) outputs.push(['--csv', settings.csvFile]);
  const input = await fileIdentity(inputFile);
  const named: { flag: string; file: string; identity: string }[] = [];
  for (const [flag, file] of outputs) {
    const identity = await fileIdentity(file);
    if (identity === input) {
      throw new UsageProblem(`faultline run: ${flag} ${file} is the input file; the ${flag === '--csv' ? 'timeline' : 'report'} would overwrite it (name another file)`);
    }
    const earlier = named.find((other) => other.identity === identity);
    if (earlier) throw new UsageProblem(`faultline run: ${earlier.flag} ${earlier.file} and ${flag} ${file} are the same file; name two different files`);
    named.push({ flag, file, identity });
  }
  for (const { flag, file } of named) await checkWritable(flag, file);
}

/**
 * The file a path names, as far as can be told without creating it: an existing file by its
 * device and inode (so a hard link to the input is the input: writing the report through it
 * replaced the .faultline file), else the path, absolute, with `.`, `..` and symlinks resolved
 * (for a file that does not exist yet, those of its folder).
 */
async function fileIdentity(file: string): Promise<string> {
  const absolute = resolve(file);
  const existing = await stat(absolute).catch(() => undefined);
  // Some file systems (and Windows, at times) give no inode: the path then stands for the file.
  if (existing !== undefined && existing.ino !== 0) return `inode ${existing.dev}:${existing.ino}`;
  const real = await realpath(absolute).catch(() => undefined);
  if (real !== undefined) return real;
  const folder = await realpath(dirname(absolute)).catch(() => dirname(absolute));
  return join(folder, basename(absolute));
}

/**
 * Whether an output can be written, found out without changing anything: the folder of a new
 * file must be writable; an existing regular file is opened for writing without truncating it and
 * given a zero-byte write, which a read-only or special file system (such as /proc) refuses even
 * when permissions say yes (as they always do for root). Devices and pipes (`/dev/stdout`) are
 * left alone: opening a pipe to probe it would block.
 */
async function checkWritable(flag: string, file: string): Promise<void> {
  const refuse = (reason: string): never => {
    throw new UsageProblem(`faultline run: ${flag} ${file}: cannot write: ${reason}`);
  };
  const info = await stat(file).catch(() => undefined);
  if (info === undefined) {
    const directory = dirname(resolve(file));
    const folder = await stat(directory).catch(() => undefined);
    if (!folder?.isDirectory()) throw new UsageProblem(`faultline run: ${flag} ${file}: the folder ${directory} does not exist`);
    await access(directory, fsConstants.W_OK).catch((error: unknown) => refuse(`the folder ${directory}: ${describeFsError(error)}`));
    return;
  }
  if (info.isDirectory()) refuse('is a folder');
  if (!info.isFile()) return;
  await access(file, fsConstants.W_OK).catch((error: unknown) => refuse(describeFsError(error)));
  const handle = await open(file, 'r+').catch((error: unknown) => refuse(describeFsError(error)));
  try {
    await writeZeroBytes(handle.fd).catch((error: unknown) => refuse(describeFsError(error)));
  } finally {
    await handle.close().catch(() => undefined);
  }
}

async function writeOutput(flag: string, file: string, text: string): Promise<void> {
  try {
    await writeFile(file, text, 'utf8');
  } catch (error) {
    throw new UsageProblem(`faultline run: ${flag} ${file}: cannot write: ${describeFsError(error)}`);
  }
}

/**
 * A write of no bytes: no change to a regular file, but the file system still gets to refuse it.
 * Through the callback API because FileHandle.write returns early for an empty buffer without
 * asking the file system.
 */
function writeZeroBytes(descriptor: number): Promise<void> {
  return new Promise((resolveWrite, rejectWrite) => {
    writeToDescriptor(descriptor, new Uint8Array(0), 0, 0, null, (error) => (error ? rejectWrite(error) : resolveWrite()));
  });
}

/** Reads and validates the file; every problem is printed as `file: path: message` (exit 2). */
async function loadFile(file: string, stderr: RunEnvironment['stderr']): Promise<FaultlineDocument> {
  const read = await readInputFile(file);
  if (!read.ok) throw new UsageProblem(`${file}: ${read.message}`);

  const result = loadDocument(read.text);
  for (const warning of result.warnings) stderr.write(`${terminalText(formatWarning(file, warning))}\n`);
  if (!result.ok) {
    throw new UsageProblem(result.errors.map((problem) => formatError(file, problem)).join('\n'));
  }
  // The editor's design-problems list: the file runs, but probably not as meant.
  for (const finding of lintDocument(result.document).filter((finding) => !LOADER_ALSO_WARNS.has(finding.rule))) stderr.write(`${terminalText(`${file}: note: ${finding.message}`)}\n`);
  return result.document;
}

/**
 * Runs the whole simulation, in chunks so a terminal can show progress, and stamps wallMs.
 * With a progress bar the loop yields to the event loop between chunks so the bar's timer and
 * Ctrl-C are served; without one it never yields (nothing is waiting).
 */
async function simulate(document: FaultlineDocument, options: ParsedRunOptions, environment: RunEnvironment): Promise<Report> {
  const settings: SimulationSettings = {};
  if (options.durationS !== undefined) settings.durationS = options.durationS;
  if (options.seed !== undefined) settings.seed = options.seed;

  const startedMs = environment.clockMs();
  const simulation = await environment.createSimulation(document, settings);
  for (const warning of simulation.warnings ?? []) environment.stderr.write(`faultline run: warning: ${terminalText(warning)}\n`);
  const durationMs = simulation.durationMs;
  const progress = environment.stderr.isTTY === true ? new ProgressBar(durationMs / 1000) : undefined;
  let report: Report;
  try {
    for (let reachedMs = 0; reachedMs < durationMs; ) {
      reachedMs = Math.min(durationMs, reachedMs + CHUNK_MS);
      simulation.runUntil(reachedMs);
      if (progress) {
        progress.update(reachedMs / 1000);
        await yieldToEventLoop();
      }
    }
    report = simulation.finish();
  } finally {
    progress?.stop();
  }
  return { ...report, wallMs: Math.round(environment.clockMs() - startedMs) };
}

/** cli-progress on stderr, only ever created when stderr is a terminal. */
class ProgressBar {
  private readonly bar: cliProgress.SingleBar;
  /**
   * cli-progress's own SIGINT handling ("gracefulExit") only stops the bar and lets the run go
   * on, so Ctrl-C would appear to do nothing; ours restores the terminal and really exits.
   */
  private readonly onInterrupt = (): void => {
    this.bar.stop();
    process.stderr.write('faultline run: interrupted\n');
    process.exit(130);
  };

  constructor(totalSeconds: number) {
    this.bar = new cliProgress.SingleBar({
      format: 'simulating {bar} {percentage}% | {value}/{total} simulated s | ETA {eta_formatted}',
      stream: process.stderr,
      clearOnComplete: true,
      hideCursor: true,
      gracefulExit: false,
      fps: 10,
    });
    process.once('SIGINT', this.onInterrupt);
    this.bar.start(roundSeconds(totalSeconds), 0);
  }

  update(seconds: number): void {
    this.bar.update(roundSeconds(seconds));
  }

  stop(): void {
    process.removeListener('SIGINT', this.onInterrupt);
    this.bar.stop();
  }
}

function roundSeconds(seconds: number): number {
  return Math.round(seconds * 10) / 10;
}
