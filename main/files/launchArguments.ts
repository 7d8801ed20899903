import { isAbsolute, resolve } from 'node:path';

/**
 * The `.faultline` files in a command line (the OS launches `faultline FILE`; a second launch
 * hands its argv to the running instance). Flags and the executable are skipped; relative paths
 * are resolved against the launching process's working directory. These paths come from the OS,
 * never from the page.
 */
export function faultlineFilesIn(argv: readonly string[], workingDirectory: string): string[] {
  return argv
    .slice(1)
    .filter((argument) => !argument.startsWith('-') && argument.toLowerCase().endsWith('.faultline'))
    .map((argument) => (isAbsolute(argument) ? argument : resolve(workingDirectory, argument)));
}
