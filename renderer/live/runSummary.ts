import { countOf } from '../../shared/model/plural';

/** The parts of the run report (DESIGN §5) the end-of-run caption speaks about. */
interface SummaryReport {
  durationS?: number;
  requests?: { total?: number; ok?: number; error?: number; timeout?: number; rejected?: number; dropped?: number };
  checks?: { pass?: boolean }[];
}

const FAILURES = ['error', 'timeout', 'rejected', 'dropped'] as const;

/**
 * One sentence for the end of a run, for the caption bar: how many requests succeeded, how the
 * rest failed, and how many checks passed — what a class wants to know before the discussion.
 */
export function runSummary(report: Record<string, unknown>): string {
  const { requests = {}, checks = [] } = report as SummaryReport;
  const total = requests.total ?? 0;
  const ok = requests.ok ?? 0;
  let text = 'Run finished';
  if (total > 0) {
    const percent = (100 * ok) / total;
    text += `: ${percent >= 99.95 && ok < total ? '99.9' : percent.toFixed(1)}% of ${countOf(total, 'request', 'requests', (n) => n.toLocaleString('en-US'))} ok`;
    const failed = FAILURES.filter((outcome) => (requests[outcome] ?? 0) > 0).map((outcome) => `${(requests[outcome] ?? 0).toLocaleString('en-US')} ${outcome}`);
    if (failed.length > 0) text += ` (${failed.join(', ')})`;
  } else {
    text += ': no requests were sent';
  }
  if (checks.length > 0) {
    const passed = checks.filter((check) => check.pass === true).length;
    if (checks.length === 1) text += passed === 1 ? '. The check passes.' : '. The check fails — see Checks.';
    else text += passed === checks.length ? `. Checks: all ${checks.length} pass.` : `. Checks: ${passed} of ${checks.length} pass — see Checks.`;
  } else {
    text += '.';
  }
  return text;
}
