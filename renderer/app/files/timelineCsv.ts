import { normalizeReport, type Report } from '../../../shared/sim/report';

/**
 * The run's timeline as CSV, in the CLI's format (`faultline run --csv`): header
 * `t,sent,ok,failed,p50,p99`, one row per simulated second, LF line ends, an empty field for a
 * percentile with nothing to measure. test/unit/files/exports.test.ts checks it against the CLI's
 * own function byte for byte (the renderer may not import main/).
 */
export function timelineCsv(report: Report): string {
  const rows = normalizeReport(report).timeline.map((row) => [row.t, row.sent, row.ok, row.failed, row.p50 ?? '', row.p99 ?? ''].join(','));
  return `${['t,sent,ok,failed,p50,p99', ...rows].join('\n')}\n`;
}
