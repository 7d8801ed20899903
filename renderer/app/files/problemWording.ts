import { countOf } from '../../../shared/model/plural';
import { countProblems } from '../../../shared/model/problems';
import type { Problem } from '../../../shared/model/types';

/**
 * How every report of something that could not be opened is worded, whatever it came from. The
 * source is named the same way in the title and in the count line over the list: a file by its
 * quoted name (“bad.faultline”), anything else by what it is ("this share code").
 */

/** A file's name as the messages quote it: “lesson.faultline”. */
export const quoted = (name: string): string => `“${name}”`;

export const SHARE_CODE_SOURCE = 'this share code';
export const RECOVERED_WORK_SOURCE = 'the recovered work';
/** A file whose name the host could not give (it failed before it had one). */
export const UNNAMED_FILE_SOURCE = 'the file';

export const NOTHING_CHANGED = 'Nothing you had open was changed.';

const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** The title: "“bad.faultline” could not be opened", "This share code could not be opened". */
export function couldNotOpen(source: string): string {
  return `${capitalise(source)} could not be opened`;
}

/** The title when it opened but parts may not do what was meant. */
export function openedWithWarnings(source: string): string {
  return `${capitalise(source)} opened with warnings`;
}

/**
 * The line a problem list begins with: "3 problems in this share code", "One problem and 2
 * warnings in “bad.faultline”". A list's closing "…and N more" counts as those N.
 */
export function problemCountLine(errors: readonly Problem[], warnings: readonly Problem[], source: string): string {
  const parts: string[] = [];
  const errorCount = countProblems(errors);
  const warningCount = countProblems(warnings);
  if (errorCount > 0) parts.push(counted(errorCount, 'problem'));
  if (warningCount > 0) parts.push(counted(warningCount, 'warning'));
  return capitalise(`${parts.join(' and ') || 'no problems'} in ${source}`);
}

/** "one problem", "1,500 problems". */
function counted(count: number, noun: string): string {
  return countOf(count, noun, `${noun}s`, (n) => (n === 1 ? 'one' : n.toLocaleString('en-US')));
}
