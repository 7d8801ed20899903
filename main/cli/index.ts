import { Command, CommanderError } from 'commander';
import { EXIT } from './exitCodes';
import { validateCommand } from './validate';
import { runCommand } from './run';
import { CLI_VERSION } from './version';
import { applyEngineV8Flags } from '../simHost/engineV8Flags';

/** Entry of `faultline`. Returns the process exit code; never throws. */
export async function main(argv: string[]): Promise<number> {
  applyEngineV8Flags();
  let exitCode: number = EXIT.ok;
  // A reader that stops early (`| head`) closes the pipe: what is left of the output is not
  // wanted, and the run's own exit code still stands (not a stack trace and exit 1).
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') return;
    process.stderr.write(`faultline: cannot write the output: ${error.message}\n`);
    process.exit(EXIT.internal);
  });
  const program = new Command()
    .name('faultline')
    .description('Headless Faultline: validate and run .faultline files.')
    .version(CLI_VERSION, '-V, --version', 'print the version')
    .exitOverride()
    .configureOutput({ writeErr: (text) => process.stderr.write(text), writeOut: (text) => process.stdout.write(text) });

  program
    .command('validate')
    .description('check a .faultline file and report every problem')
    .argument('<file>', 'the .faultline file')
    .action(async (file: string) => {
      exitCode = await validateCommand(file);
    });

  program
    .command('run')
    .description('simulate a .faultline file as fast as possible and report')
    .argument('<file>', 'the .faultline file')
    .option('--duration <seconds>', 'simulated seconds (overrides the file)')
    .option('--seed <n>', 'random seed (overrides the file)')
    .option('--json', 'print exactly one JSON report on stdout')
    .option('--out <file>', 'also write the JSON report to this file')
    .option('--csv <file>', 'write the per-second timeline as CSV')
    .action(async (file: string, options: Record<string, unknown>) => {
      exitCode = await runCommand(file, options);
    });

  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help asked for (--help, `help`) and the version are not errors; help shown because the
      // command line was incomplete (no command, `help bogus`) is a usage problem like the rest.
      return error.exitCode === 0 ? EXIT.ok : EXIT.invalid;
    }
    process.stderr.write(`faultline: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT.internal;
  }
}
