import type { Draft } from 'immer';
import { METRIC_INFO, UTILIZATION_KINDS } from '../../shared/model/schema/checks';
import type { Check, CheckMetric, CheckOp, FaultlineDocument, NodeRecord } from '../../shared/model/types';

type DocDraft = Draft<FaultlineDocument>;

/**
 * A sensible first threshold for each metric, so that choosing a metric gives a check that reads
 * like a goal ("p99 ≤ 200 ms", "no lost writes") rather than a leftover number in the wrong unit.
 */
const STARTING_POINT: Record<CheckMetric, { op: CheckOp; value: number }> = {
  'latency.mean': { op: '<=', value: 100 },
  'latency.p50': { op: '<=', value: 100 },
  'latency.p95': { op: '<=', value: 200 },
  'latency.p99': { op: '<=', value: 500 },
  availability: { op: '>=', value: 0.99 },
  errorRate: { op: '<=', value: 0.01 },
  throughput: { op: '>=', value: 100 },
  staleReads: { op: '<=', value: 0 },
  lostWrites: { op: '<=', value: 0 },
  sessionsLost: { op: '<=', value: 0 },
  'cache.hitRatio': { op: '>=', value: 0.8 },
  'queue.maxDepth': { op: '<=', value: 100 },
  utilization: { op: '<=', value: 0.8 },
};

/** Nodes a metric can measure (none for client-wide metrics), its first-named kind first (caches before CDNs for a hit ratio). */
export function nodesFor(doc: FaultlineDocument, metric: CheckMetric, current?: string): NodeRecord[] {
  const info = METRIC_INFO[metric];
  if (!info.needsNode) return [];
  // A file may measure the utilization of any node (it reads 0 where nothing is busy, and the
  // design lint says so); the editor offers only nodes with something to measure, plus the one
  // the check already names.
  const kinds = info.nodeKinds ?? (metric === 'utilization' ? UTILIZATION_KINDS : undefined);
  const nodes = Object.values(doc.nodes).filter((node) => kinds === undefined || kinds.includes(node.kind) || node.id === current);
  return kinds === undefined ? nodes : nodes.sort((a, b) => rank(kinds, a.kind) - rank(kinds, b.kind));
}

/** Offered kinds in their order; a kind not offered (the current node's) goes last. */
function rank(kinds: readonly string[], kind: string): number {
  const index = kinds.indexOf(kind);
  return index < 0 ? kinds.length : index;
}

/** Metrics that can be measured in this document (a per-node metric needs a node of its kinds). */
export function usableMetrics(doc: FaultlineDocument): CheckMetric[] {
  return (Object.keys(METRIC_INFO) as CheckMetric[]).filter((metric) => !METRIC_INFO[metric].needsNode || nodesFor(doc, metric).length > 0);
}

/** "check-1", "check-2"…: the first id no check has (ids name checks in reports). */
function freshId(checks: readonly Check[]): string {
  const taken = new Set(checks.map((check) => check.id));
  let n = checks.length + 1;
  while (taken.has(`check-${n}`)) n++;
  return `check-${n}`;
}

/** A new check (availability ≥ 99% over the whole run); returns its index. */
export function addCheck(draft: DocDraft): number {
  draft.checks.push({ id: freshId(draft.checks as Check[]), metric: 'availability', ...STARTING_POINT.availability });
  return draft.checks.length - 1;
}

export function deleteCheck(draft: DocDraft, index: number): void {
  if (index >= 0 && index < draft.checks.length) draft.checks.splice(index, 1);
}

/**
 * Changes a check's metric, keeping the document valid: a per-node metric gets a node it can
 * measure (the current one if it still fits), a client-wide metric loses its node, and the
 * comparison and threshold start again from the metric's starting point.
 */
export function setCheckMetric(draft: DocDraft, index: number, metric: CheckMetric): void {
  const check = draft.checks[index];
  if (check === undefined || check.metric === metric) return;
  const candidates = nodesFor(draft as FaultlineDocument, metric);
  if (METRIC_INFO[metric].needsNode && candidates.length === 0) return;
  check.metric = metric;
  check.op = STARTING_POINT[metric].op;
  check.value = STARTING_POINT[metric].value;
  if (!METRIC_INFO[metric].needsNode) delete check.node;
  else if (!candidates.some((node) => node.id === check.node)) check.node = candidates[0].id;
}

export type CheckFields = Partial<Pick<Check, 'label' | 'node' | 'op' | 'value' | 'fromS' | 'toS'>>;

/** Sets the given fields; `undefined` (or an empty label) removes an optional one. */
export function setCheckFields(draft: DocDraft, index: number, fields: CheckFields): void {
  const check = draft.checks[index];
  if (check === undefined) return;
  for (const [key, value] of Object.entries(fields) as [keyof CheckFields, unknown][]) {
    if (value === undefined || value === '') delete check[key];
    else (check as Record<string, unknown>)[key] = value;
  }
}

/**
 * The window typed into From / To, or why it cannot be: times are seconds ≥ 0 within the run, an
 * empty field means "from the start" / "to the end", and To must come after From.
 */
export function parseWindow(fromText: string, toText: string, durationS: number): { ok: true; fromS?: number; toS?: number } | { ok: false; message: string; field: 'from' | 'to' } {
  const read = (text: string, field: 'from' | 'to'): { ok: true; value?: number } | { ok: false; message: string; field: 'from' | 'to' } => {
    const name = field === 'from' ? 'From' : 'To';
    if (text.trim() === '') return { ok: true };
    const value = Number(text.trim());
    if (!Number.isFinite(value) || value < 0) return { ok: false, message: `${name} must be a time in seconds ≥ 0`, field };
    if (field === 'from' && value >= durationS) return { ok: false, message: `From must be before the end of the run (${durationS} s)`, field };
    if (field === 'to' && value > durationS) return { ok: false, message: `To must be at most the end of the run (${durationS} s)`, field };
    return { ok: true, value };
  };
  const from = read(fromText, 'from');
  if (!from.ok) return from;
  const to = read(toText, 'to');
  if (!to.ok) return to;
  if (from.value !== undefined && to.value !== undefined && to.value <= from.value) return { ok: false, message: 'To must be after From', field: 'to' };
  return { ok: true, ...(from.value !== undefined ? { fromS: from.value } : {}), ...(to.value !== undefined ? { toS: to.value } : {}) };
}
