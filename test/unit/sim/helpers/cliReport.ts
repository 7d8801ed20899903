import { fileURLToPath } from 'node:url';
import { runCommand, type RunEnvironment } from '../../../../main/cli/run';
import { Simulation } from '../../../../shared/sim/simulation';
import type { Report } from '../../../../shared/sim/report';

/** The fixture `test/fixtures/sim/<relativePath>` as a file path. */
export function simFixturePath(relativePath: string): string {
  return fileURLToPath(new URL(`../../../fixtures/sim/${relativePath}`, import.meta.url));
}

/**
 * `faultline run FILE --json` in-process with the real engine: the exit code and the one JSON
 * report it printed (what the Contract's outside users read).
 */
export async function cliReport(file: string): Promise<{ exit: number; report: Report }> {
  let out = '';
  const environment: RunEnvironment = {
    stdout: { write: (text: string) => (out += text) },
    stderr: { write: () => undefined, isTTY: false },
    createSimulation: (document, settings) => new Simulation(document, settings),
    clockMs: () => 0,
  };
  const exit = await runCommand(file, { json: true }, environment);
  return { exit, report: JSON.parse(out) as Report };
}
