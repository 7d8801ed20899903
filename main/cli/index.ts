import { Command, CommanderError } from 'commander';
import { EXIT } from './exitCodes';
import { validateCommand } from './validate';
import { runCommand } from './run';

/** Entry of `faultline`. Returns the process exit code; never throws. */
export async function main(argv: string[]): Promise<number> {
  let exitCode: number = EXIT.ok;
  const program = new Command()
    .name('faultline')
    .description('Headless Faultline: validate and run .faultline files.')
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
      // Help and version are not errors; everything else is a usage problem.
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return EXIT.ok;
      return EXIT.invalid;
    }
    process.stderr.write(`faultline: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT.internal;
  }
}
