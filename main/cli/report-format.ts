/**
 * Human-readable renderings of a run report for `faultline run`: the terminal summary and the
 * per-second timeline as CSV. Both start from the normalised report (contract rounding), so
 * what a person reads matches the JSON digit for digit.
 */
import { countOf } from '../../shared/model/plural';
import type { Check } from '../../shared/model/types';
import { normalizeReport, type Report, type ReportNode } from '../../shared/sim/report';

const TIMELINE_CSV_HEADER = 't,sent,ok,failed,p50,p99';

/** The timeline as CSV: header `t,sent,ok,failed,p50,p99`, one row per simulated second, LF line ends. */
export function timelineToCsv(report: Report): string {
  const rows = normalizeReport(report).timeline.map((row) =>
    [row.t, row.sent, row.ok, row.failed, csvNumber(row.p50), csvNumber(row.p99)].join(','),
  );
  return `${[TIMELINE_CSV_HEADER, ...rows].join('\n')}\n`;
}

/** A percentile with nothing to measure is an empty field: spreadsheets read it as "no value". */
function csvNumber(value: number | null): string {
  return value === null ? '' : String(value);
}

/**
 * The terminal summary: outcomes, latency, availability, throughput, checks and a nodes table.
 * `checks` are the document's (in report order): each check's line then shows its label and the
 * seconds it measured, so "availability ≥ 0.99, actual 1" is not read against a whole run's 46 %.
 */
export function formatSummary(input: Report, checks: readonly Check[] = []): string {
  const report = normalizeReport(input);
  const { requests, latencyMs, consistency } = report;
  const lines: string[] = [];

  lines.push(`${report.title || 'Untitled'}`);
  lines.push(
    `  ${formatNumber(report.durationS)} simulated s, seed ${report.seed}, ${countOf(report.events, 'event')} in ${formatWall(report.wallMs)}`,
  );
  lines.push('');

  lines.push('Requests');
  lines.push(
    table(
      [['total', 'ok', 'error', 'timeout', 'rejected', 'dropped']],
      [[requests.total, requests.ok, requests.error, requests.timeout, requests.rejected, requests.dropped].map(String)],
      '  ',
    ),
  );
  lines.push('');
  lines.push(
    `Latency (ok requests)  mean ${ms(latencyMs.mean)}  p50 ${ms(latencyMs.p50)}  p95 ${ms(latencyMs.p95)}  p99 ${ms(latencyMs.p99)}  max ${ms(latencyMs.max)}`,
  );
  lines.push(`Availability           ${percent(report.availability)}`);
  lines.push(`Throughput             ${formatNumber(report.throughputRps)} ok requests/s`);
  lines.push(
    `Consistency            ${consistency.staleReads} stale of ${countOf(consistency.reads, 'read')}, ` +
      `${consistency.lostWrites} lost of ${countOf(consistency.writes, 'write')}, ${countOf(consistency.sessionsLost, 'session')} lost`,
  );

  if (report.checks.length > 0) {
    const passed = report.checks.filter((check) => check.pass).length;
    lines.push('');
    lines.push(`Checks (${passed} of ${report.checks.length} passed)`);
    lines.push(
      table(
        [],
        report.checks.map((check, index) => [
          check.pass ? 'PASS' : 'FAIL',
          check.id,
          `${check.metric}${check.node === undefined ? '' : ` (${check.node})`} ${check.op} ${check.value}`,
          `actual ${check.actual === null ? 'n/a (nothing measured)' : formatNumber(check.actual)}`,
          checkWindow(checks[index], report.durationS),
          checks[index]?.label ?? '',
        ]),
        '  ',
      ),
    );
  }

  const nodeIds = Object.keys(report.nodes);
  if (nodeIds.length > 0) {
    lines.push('');
    lines.push('Nodes');
    lines.push(
      table(
        [['id', 'kind', 'arrivals', 'completed', 'errors', 'rejected', 'util', 'meanQ', 'maxQ', 'downS', 'hitRatio', 'keys', 'keysMoved']],
        nodeIds.map((id) => nodeRow(id, report.nodes[id])),
        '  ',
      ),
    );
  }
  return `${lines.join('\n')}\n`;
}

function nodeRow(id: string, node: ReportNode): string[] {
  return [
    id,
    node.kind,
    String(node.arrivals),
    String(node.completed),
    String(node.errors),
    String(node.rejected),
    percent(node.utilization, 1),
    formatNumber(node.meanQueue),
    String(node.maxQueue),
    formatNumber(node.downS),
    node.hitRatio === undefined ? '' : percent(node.hitRatio, 1),
    node.keys === undefined ? '' : String(node.keys),
    node.keysMoved === undefined ? '' : String(node.keysMoved),
  ];
}

/** The seconds a check measured: "0–10 s", "from 41 s", or the whole run (client metrics count requests sent then). */
function checkWindow(check: Check | undefined, durationS: number): string {
  const fromS = check?.fromS ?? 0;
  const toS = check?.toS ?? durationS;
  if (fromS <= 0 && toS >= durationS) return 'whole run';
  if (toS >= durationS) return `from ${formatNumber(fromS)} s`;
  return `${formatNumber(fromS)}–${formatNumber(toS)} s`;
}

/**
 * Left-aligned columns (numbers right-aligned) indented by `indent`. Width follows content, so
 * long node ids never break the layout.
 */
function table(header: string[][], body: string[][], indent: string): string {
  const rows = [...header, ...body];
  const columnCount = Math.max(...rows.map((row) => row.length));
  const widths = Array.from({ length: columnCount }, (_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length)));
  return rows
    .map((row) =>
      indent +
      row
        .map((cell, column) => (/^-?[\d.]+%?$/.test(cell) ? cell.padStart(widths[column]) : cell.padEnd(widths[column])))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

/** Plain digits, no locale: the summary must read the same on every machine. */
function formatNumber(value: number): string {
  return String(value);
}

function ms(value: number | null): string {
  return value === null ? 'n/a' : `${value.toFixed(1)} ms`;
}

function percent(value: number | null, decimals = 3): string {
  return value === null ? 'n/a' : `${(value * 100).toFixed(decimals)}%`;
}

function formatWall(wallMs: number): string {
  return wallMs < 1000 ? `${wallMs} ms` : `${(wallMs / 1000).toFixed(2)} s`;
}
