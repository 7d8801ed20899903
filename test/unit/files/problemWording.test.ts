import { describe, expect, it } from 'vitest';
import { couldNotOpen, problemCountLine } from '../../../renderer/app/files/problemWording';

describe('the wording of reports of what could not be opened', () => {
  const problem = { path: 'nodes[0].kind', message: 'unknown kind' };

  it('the count line counts errors and warnings, and a closing “…and N more” as those N', () => {
    expect(problemCountLine([problem, problem, problem], [], 'this share code')).toBe('3 problems in this share code');
    expect(problemCountLine([problem], [problem, problem], '“bad.faultline”')).toBe('One problem and 2 warnings in “bad.faultline”');
    expect(problemCountLine([], [problem], '“lesson.faultline”')).toBe('One warning in “lesson.faultline”');
    expect(problemCountLine([problem, { path: '', message: '…and 1,499 more errors not listed', omitted: 1499 }], [], 'the file')).toBe('1,500 problems in the file');
  });

  it('the title names the source first, capitalised where it is not a quoted name', () => {
    expect(couldNotOpen('this share code')).toBe('This share code could not be opened');
    expect(couldNotOpen('“bad.faultline”')).toBe('“bad.faultline” could not be opened');
  });
});
