import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LESSONS } from '../../../shared/examples/lessons';
import { loadDocument, saveDocument } from '../../../shared/model';
import { Simulation } from '../../../shared/sim/simulation';

const LESSON_DIR = fileURLToPath(new URL('../../../shared/examples/lessons/', import.meta.url));

describe('the lessons', () => {
  it('lists every file in shared/examples/lessons, numbered in order, each once', () => {
    const files = readdirSync(LESSON_DIR).filter((name) => name.endsWith('.faultline'));
    expect(LESSONS.map((lesson) => lesson.file).sort()).toEqual(files.sort());
    const numbers = LESSONS.map((lesson) => lesson.number);
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    expect(new Set(LESSONS.map((lesson) => lesson.id)).size).toBe(LESSONS.length);
  });

  it('README lists the same lessons with the same one-line summaries as the lessons browser', () => {
    const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
    const rows = [...readme.matchAll(/^\| (\d+) \| \[[^\]]*\]\(shared\/examples\/lessons\/([^)]+)\) \| (.*) \|$/gm)].map((match) => ({ number: Number(match[1]), file: match[2], summary: match[3] }));
    expect(rows).toEqual(LESSONS.map(({ number, file, summary }) => ({ number, file, summary })));
  });

  it.each(LESSONS)('$file: canonical, narrated, with at least one pause and checks that all pass', (lesson) => {
    const text = readFileSync(`${LESSON_DIR}${lesson.file}`, 'utf8');
    const result = loadDocument(text);
    if (!result.ok) throw new Error(result.errors.map((problem) => `${problem.path}: ${problem.message}`).join('\n'));
    expect(result.warnings).toEqual([]);
    expect(saveDocument(result.document)).toBe(text);
    const document = result.document;
    expect(document.meta.title).toBe(lesson.title);
    expect(document.meta.description?.length ?? 0).toBeGreaterThan(80);
    expect(document.scenario.filter((event) => event.note).length).toBeGreaterThanOrEqual(3);
    expect(document.scenario.some((event) => event.pause)).toBe(true);
    expect(document.checks.length).toBeGreaterThan(0);

    const simulation = new Simulation(document);
    const report = simulation.finish();
    expect(simulation.warnings).toEqual([]);
    expect(report.checks.filter((check) => !check.pass)).toEqual([]);
  });
});
