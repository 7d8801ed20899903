import { Fragment } from 'react';
import type { NodeKind } from '../../../shared/model/types';
import { NODE_DEGRADED, NODE_DOWN, ROLE_PRIMARY, ROLE_REPLICA } from '../../../shared/sim/session/protocol';
import { useLiveModel } from '../../live/LiveContext';
import { formatSimTime } from '../../live/speedPresets';
import { formatCount as count, formatFixed, formatMeanQueue, formatPercent as percent } from './statFormat';

/** Report fields (DESIGN §5) in reading order, with how to show them. */
const REPORT_FIELDS: readonly { key: string; label: string; format: (value: number) => string; title?: string }[] = [
  { key: 'arrivals', label: 'Arrivals', format: count },
  { key: 'completed', label: 'Completed', format: count },
  { key: 'errors', label: 'Errors', format: count },
  { key: 'rejected', label: 'Rejected', format: count },
  { key: 'utilization', label: 'Utilization', format: percent },
  { key: 'meanQueue', label: 'Mean queue', format: formatMeanQueue },
  { key: 'maxQueue', label: 'Max queue', format: count },
  { key: 'downS', label: 'Down', format: (value) => `${formatFixed(value, 1)} s` },
  { key: 'hits', label: 'Hits', format: count },
  { key: 'misses', label: 'Misses', format: count },
  { key: 'hitRatio', label: 'Hit ratio', format: percent },
  { key: 'keys', label: 'Keys', format: count },
  {
    key: 'keysMoved',
    label: 'Keys moved',
    format: count,
    // DESIGN §3: a what-if unless a shard joined during the run, when it is what that did.
    title: "Keys of the clients' key space that would change shard if one more shard were linked; after a shard is linked while the run plays, the keys that did",
  },
];

/**
 * Kinds the engine models without servers or a queue (a client is its users; DNS and a CDN edge
 * answer after a delay): their utilization and queue figures are always 0, so they are not shown.
 */
const WITHOUT_STATION: ReadonlySet<NodeKind> = new Set<NodeKind>(['client', 'dns', 'cdn']);
const STATION_FIELDS: ReadonlySet<string> = new Set(['utilization', 'meanQueue', 'maxQueue']);

/**
 * A client's report line counts requests sent *to* it (none: nothing may link to a client), not
 * the ones its users send, so its zeros there would read as "this client sent nothing".
 */
const RECEIVED_FIELDS: ReadonlySet<string> = new Set(['arrivals', 'completed', 'errors', 'rejected']);

/**
 * A queue's `errors` are messages it never got processed (shared/sim/nodes/queue.ts): "Errors"
 * read as refused publishes, which are its `rejected`.
 */
export function reportFieldLabel(kind: NodeKind, field: { key: string; label: string; title?: string }): { label: string; title?: string } {
  if (kind === 'queue' && field.key === 'errors') {
    return { label: 'Never processed', title: 'Messages dead-lettered after maxReceives deliveries, or lost when the queue crashed without being durable' };
  }
  return field;
}

/** Whether a report field is worth a row in the inspector of a node of `kind`. */
function showsReportField(kind: NodeKind, key: string, value: number): boolean {
  if (WITHOUT_STATION.has(kind) && STATION_FIELDS.has(key)) return false;
  return !(kind === 'client' && RECEIVED_FIELDS.has(key) && value === 0);
}

function Row({ label, value, testId, title }: { label: string; value: string; testId?: string; title?: string }) {
  return (
    <div className="field-row readonly" title={title}>
      <span className="field-label">{label}</span>
      <span data-testid={testId}>{value}</span>
    </div>
  );
}

/**
 * Requests that came in and never got an answer out of this node, from its report line: lost with
 * a node or link behind it (a crashed app server behind a load balancer), or given up on when the
 * caller's timeout passed. The report has no field for them (DESIGN §5: arrivals, completed,
 * errors, rejected), so without this row they are nowhere on the node. Not for a queue, whose
 * arrivals are answered when accepted and counted `completed` when processed (the rest are still
 * queued; its `errors` were dead-lettered or lost in a crash), nor a client (nothing is sent to one).
 */
export function unansweredArrivals(kind: NodeKind, line: Record<string, unknown>): number | null {
  if (kind === 'queue' || kind === 'client') return null;
  const [arrivals, completed, errors, rejected] = ['arrivals', 'completed', 'errors', 'rejected'].map((key) => line[key]);
  if (typeof arrivals !== 'number' || typeof completed !== 'number' || typeof errors !== 'number' || typeof rejected !== 'number') return null;
  const unanswered = arrivals - completed - errors - rejected;
  return unanswered > 0 ? unanswered : null;
}

const UNANSWERED_TITLE = 'Requests that reached this node and got no answer from it: lost with a node or link behind it, or given up on when the caller timed out (arrivals − completed − errors − rejected)';

/**
 * What the running (or finished) simulation says about one node: its state at the current frame,
 * and once the run has ended its line of the report. Nothing before the first frame.
 */
export function NodeLiveStats({ nodeId, kind }: { nodeId: string; kind: NodeKind }) {
  const model = useLiveModel();
  const frame = model?.frame ?? null;
  const index = model?.nodeIds.indexOf(nodeId) ?? -1;
  if (model === null || frame === null || index < 0 || (frame.timeMs === 0 && !frame.ended)) return null;
  const status = frame.nodeStatus[index];
  const role = frame.role[index];
  const now: [string, string][] = [
    ['Status', status === NODE_DOWN ? 'Down' : status === NODE_DEGRADED ? 'Degraded (slowed)' : 'Up'],
    ...(role === ROLE_PRIMARY ? [['Role', 'Primary'] as [string, string]] : role === ROLE_REPLICA ? [['Role', 'Replica'] as [string, string]] : []),
  ];
  const hasStation = !WITHOUT_STATION.has(kind);
  if (hasStation) now.push(['Utilization', percent(frame.utilization[index])]);
  if (frame.queueFill[index] > 0) now.push(['Queue fill', percent(frame.queueFill[index])]);
  if (Number.isFinite(frame.cacheFill[index])) now.push(['Cache fill', percent(frame.cacheFill[index])]);
  if (Number.isFinite(frame.hitRatio[index])) now.push(['Hit ratio', percent(frame.hitRatio[index])]);
  const reportNodes = model.report?.nodes as Record<string, Record<string, unknown>> | undefined;
  const line = frame.ended ? reportNodes?.[nodeId] : undefined;
  const unanswered = line ? unansweredArrivals(kind, line) : null;
  return (
    <>
      <fieldset className="field-group live-stats" data-testid="node-live-now">
        <legend>At {formatSimTime(frame.timeMs)}</legend>
        {now.map(([label, value]) => (
          <Row key={label} label={label} value={value} />
        ))}
      </fieldset>
      {line && (
        <fieldset className="field-group live-stats" data-testid="node-live-report">
          <legend>Whole run</legend>
          {REPORT_FIELDS.filter((field) => typeof line[field.key] === 'number' && showsReportField(kind, field.key, line[field.key] as number)).map((field) => (
            <Fragment key={field.key}>
              <Row {...reportFieldLabel(kind, field)} value={field.format(line[field.key] as number)} testId={`node-report-${field.key}`} />
              {field.key === 'rejected' && unanswered !== null && <Row label="No answer" value={count(unanswered)} testId="node-report-unanswered" title={UNANSWERED_TITLE} />}
            </Fragment>
          ))}
        </fieldset>
      )}
    </>
  );
}
