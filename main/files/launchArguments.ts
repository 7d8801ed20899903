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

/** What a second launch hands the running instance (`app.requestSingleInstanceLock(additionalData)`). */
export type LaunchHandOver = {
  /** Absolute paths, resolved by the launching process against its own working directory. */
  faultlineFiles: string[];
};

/** More than a launch could mean; a longer list is not a file association at work. */
const MAX_HANDED_OVER_FILES = 64;

export function launchHandOver(argv: readonly string[], workingDirectory: string): LaunchHandOver {
  return { faultlineFiles: faultlineFilesIn(argv, workingDirectory).slice(0, MAX_HANDED_OVER_FILES) };
}

/**
 * The files a second launch asks for. Electron's `second-instance` argv is not the launch's own
 * (the docs: "The order might change and additional arguments might be appended. If you need to
 * maintain the exact same arguments, it's advised to use `additionalData` instead"), so the list
 * the launch resolved itself comes first; argv is the fallback for a launch that sent none (or an
 * unreadable one, as the data crosses processes it is checked like any other input).
 */
export function filesFromSecondLaunch(argv: unknown, workingDirectory: unknown, additionalData: unknown): string[] {
  const handedOver = (additionalData as Partial<LaunchHandOver> | null | undefined)?.faultlineFiles;
  if (
    Array.isArray(handedOver) &&
    handedOver.length <= MAX_HANDED_OVER_FILES &&
    handedOver.every((path): path is string => typeof path === 'string' && isAbsolute(path) && path.toLowerCase().endsWith('.faultline'))
  ) {
    return [...handedOver];
  }
  const validArgv = Array.isArray(argv) && argv.every((argument) => typeof argument === 'string');
  return validArgv && typeof workingDirectory === 'string' ? faultlineFilesIn(argv as string[], workingDirectory) : [];
}
