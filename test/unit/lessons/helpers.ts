import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { LESSONS } from '../../../shared/examples/lessons';
import { loadDocument } from '../../../shared/model';
import type { Check, FaultlineDocument } from '../../../shared/model/types';
import type { Report } from '../../../shared/sim/report';
import { Simulation } from '../../../shared/sim/simulation';

const LESSON_DIR = fileURLToPath(new URL('../../../shared/examples/lessons/', import.meta.url));

/** The lesson's document, loaded through the real loader. */
export function lessonDocument(id: string): FaultlineDocument {
  const lesson = LESSONS.find((candidate) => candidate.id === id);
  if (!lesson) throw new Error(`no lesson "${id}"`);
  const result = loadDocument(readFileSync(`${LESSON_DIR}${lesson.file}`, 'utf8'));
  if (!result.ok) throw new Error(result.errors.map((problem) => `${problem.path}: ${problem.message}`).join('\n'));
  return result.document;
}

/** Timeline sums over requests sent in seconds [fromS, toS). */
export function window(report: Report, fromS: number, toS: number): { sent: number; ok: number; failed: number; availability: number } {
  const rows = report.timeline.filter((row) => row.t >= fromS && row.t < toS);
  const sent = rows.reduce((sum, row) => sum + row.sent, 0);
  const ok = rows.reduce((sum, row) => sum + row.ok, 0);
  return { sent, ok, failed: sent - ok, availability: sent === 0 ? Number.NaN : ok / sent };
}

/** The actual value of each check-shaped measurement, evaluated on one run of `document`. */
export function measure(document: FaultlineDocument, measurements: Omit<Check, 'op' | 'value'>[]): number[] {
  const checks = measurements.map((measurement) => ({ ...measurement, op: '>=' as const, value: 0 }));
  return new Simulation({ ...document, checks }).finish().checks.map((check) => check.actual ?? Number.NaN);
}
