/**
 * `faultline validate FILE` (DESIGN §5): report every problem of a file, exit 0 when it loads,
 * 2 when it does not or cannot be read. Messages only — never a stack trace. Besides the
 * file's problems it prints the design notes and engine warnings `run` would, so a file that
 * validates quietly runs quietly.
 */
import { countProblems, loadDocument } from '../../shared/model';
import { terminalText } from './terminalText';
import { LOADER_ALSO_WARNS, lintDocument } from '../../shared/model/lint/lintDocument';
import { countOf } from '../../shared/model/plural';
import { EXIT } from './exitCodes';
import { formatError, formatWarning } from './problemText';
import { readInputFile } from './readInputFile';

export async function validateCommand(file: string): Promise<number> {
  try {
    const read = await readInputFile(file);
    if (!read.ok) {
      writeErr(`${file}: ${read.message}`);
      return EXIT.invalid;
    }
    const result = loadDocument(read.text);
    for (const warning of result.warnings) writeErr(formatWarning(file, warning));
    if (!result.ok) {
      for (const error of result.errors) writeErr(formatError(file, error));
      // Not errors.length: past the listing limit the last entry stands for the rest.
      const count = countProblems(result.errors);
      writeErr(`${file}: not valid (${countOf(count, 'problem')})`);
      return EXIT.invalid;
    }
    const { document } = result;
    // The editor's design-problems list: valid, but probably not what was meant.
    for (const finding of lintDocument(document).filter((finding) => !LOADER_ALSO_WARNS.has(finding.rule))) writeErr(`${file}: note: ${finding.message}`);
    // What the engine finds when it builds the design (wiring a failover will surprise, a kind it
    // does not simulate). Built, not run; imported here so a file that does not load never pays
    // for the engine.
    const { Simulation } = await import('../../shared/sim/simulation');
    for (const warning of new Simulation(document).warnings) writeErr(`faultline validate: warning: ${warning}`);
    const count = (record: object): number => Object.keys(record).length;
    process.stdout.write(
      `${file}: valid — "${terminalText(document.meta.title)}", ${countOf(count(document.nodes), 'node')}, ${countOf(count(document.links), 'link')}, ` +
        `${countOf(document.scenario.length, 'scenario event')}, ${countOf(document.checks.length, 'check')}\n`,
    );
    return EXIT.ok;
  } catch (error) {
    writeErr(`${file}: internal error while validating: ${error instanceof Error ? error.message : String(error)}`);
    return EXIT.internal;
  }
}

function writeErr(line: string): void {
  process.stderr.write(`${terminalText(line)}\n`);
}

