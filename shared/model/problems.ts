/** Collects the problems found while loading, each with its JSON path. */
import { MAX_REPORTED_PROBLEMS } from './limits';
import { formatPath, type PathSegment } from './paths';
import { countOf } from './plural';
import type { Problem } from './types';

export class ProblemLog {
  readonly errors: Problem[] = [];
  readonly warnings: Problem[] = [];
  private readonly errorPaths = new Set<string>();
  private omittedErrors = 0;
  private omittedWarnings = 0;

  /**
   * Records an error. Only the first error per path is kept: a value that is both non-finite and
   * out of range should read as one problem, not two.
   */
  error(path: readonly PathSegment[] | string, message: string, position?: { line: number; column: number }): void {
    const text = typeof path === 'string' ? path : formatPath(path);
    if (this.errorPaths.has(text)) return;
    this.errorPaths.add(text);
    if (this.errors.length >= MAX_REPORTED_PROBLEMS) {
      this.omittedErrors++;
      return;
    }
    this.errors.push(position ? { path: text, message, line: position.line, column: position.column } : { path: text, message });
  }

  warning(path: readonly PathSegment[] | string, message: string): void {
    if (this.warnings.length >= MAX_REPORTED_PROBLEMS) {
      this.omittedWarnings++;
      return;
    }
    this.warnings.push({ path: typeof path === 'string' ? path : formatPath(path), message });
  }

  hasErrorAt(path: readonly PathSegment[]): boolean {
    return this.errorPaths.has(formatPath(path));
  }

  get hasErrors(): boolean {
    return this.errorPaths.size > 0;
  }

  /**
   * The lists to report, in file order (by top-level section, then record index; problems of one
   * record in the order found), with a closing note when some were left out.
   */
  finish(): { errors: Problem[]; warnings: Problem[] } {
    const errors = inFileOrder(this.errors);
    const warnings = inFileOrder(this.warnings);
    if (this.omittedErrors > 0) errors.push({ path: '', message: `…and ${countOf(this.omittedErrors, 'more error', 'more errors')} not listed`, omitted: this.omittedErrors });
    if (this.omittedWarnings > 0) warnings.push({ path: '', message: `…and ${countOf(this.omittedWarnings, 'more warning', 'more warnings')} not listed`, omitted: this.omittedWarnings });
    return { errors, warnings };
  }
}

/** How many problems a finished list reports: its closing "…and N more" note counts as those N. */
export function countProblems(problems: readonly Problem[]): number {
  return problems.reduce((total, problem) => total + (problem.omitted ?? 1), 0);
}

/** A short rendering of a value for messages: `"8"`, `-1`, `{…}`. */
export function preview(value: unknown): string {
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : describeNonFinite(value);
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  return String(value);
}

/**
 * What a non-finite number is, in words. From JSON text only an overflow such as 1e400 gets here
 * (as ±Infinity); a value handed over already parsed (IPC) can also be NaN, which is no size.
 */
export function describeNonFinite(value: number): string {
  if (Number.isNaN(value)) return 'NaN, not a number';
  return value > 0 ? 'a number too large to represent' : 'a negative number too large to represent';
}

const SECTION_ORDER = ['', 'format', 'version', 'meta', 'seed', 'durationS', 'network', 'regions', 'nodes', 'links', 'scenario', 'checks', 'view'];
const LEADING = /^([A-Za-z_$][A-Za-z0-9_$]*)?(?:\[(\d+)\])?/;

function sortKey(path: string): [number, number] {
  const match = LEADING.exec(path);
  const section = match?.[1] ?? '';
  const rank = SECTION_ORDER.indexOf(section);
  return [rank < 0 ? SECTION_ORDER.length : rank, match?.[2] === undefined ? -1 : Number(match[2])];
}

function inFileOrder(problems: readonly Problem[]): Problem[] {
  // Array.prototype.sort is stable, so problems of one record keep the order they were found in.
  return [...problems].sort((a, b) => {
    const [sectionA, indexA] = sortKey(a.path);
    const [sectionB, indexB] = sortKey(b.path);
    return sectionA - sectionB || indexA - indexB;
  });
}
