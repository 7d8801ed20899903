/**
 * One line per problem for both commands, location first as compilers write it:
 * `FILE: path: message` for an error, `FILE: path: warning: message` for a warning.
 */
import type { Problem } from '../../shared/model/types';

export function formatError(file: string, problem: Problem): string {
  return formatProblem(file, problem, '');
}

export function formatWarning(file: string, problem: Problem): string {
  return formatProblem(file, problem, 'warning: ');
}

function formatProblem(file: string, problem: Problem, severity: string): string {
  // A problem with a line and column says where in its message already ("… at line 4, column 18").
  const path = problem.path === '' ? '' : `${problem.path}: `;
  return `${file}: ${path}${severity}${problem.message}`;
}
