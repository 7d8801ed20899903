import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCommand } from '../../../main/cli/run';
import { LESSONS } from '../../../shared/examples/lessons';
import { Simulation } from '../../../shared/sim/simulation';

const LESSON_DIR = fileURLToPath(new URL('../../../shared/examples/lessons/', import.meta.url));

/** `npx faultline run` on every lesson file exits 0: every check of every lesson passes. */
describe('faultline run on each lesson', () => {
  it.each(LESSONS)('$file exits 0', async (lesson) => {
    let stderr = '';
    const exitCode = await runCommand(
      `${LESSON_DIR}${lesson.file}`,
      { json: true },
      {
        stdout: { write: () => {} },
        stderr: { write: (text: string) => (stderr += text), isTTY: false },
        createSimulation: (document, settings) => new Simulation(document, settings),
        clockMs: () => 0,
      },
    );
    expect(stderr).toBe('');
    expect(exitCode).toBe(0);
  });
});
