/**
 * The engine ↔ UI protocol (DESIGN §6), declared once and validated on receipt: a message port is
 * an input like any other, so neither side trusts what arrives. Commands flow UI → engine;
 * engine messages flow back. Frames carry typed arrays only (their buffers are transferred where
 * the transport allows), never arrays of objects.
 */
import { z } from 'zod';
import { LINK_RATE_FLOATS } from './linkRates';

/** Bumped whenever a message changes shape; the client refuses a different version. */
export const PROTOCOL_VERSION = 7;

/** Slowest speed: 1 simulated second per 100 real seconds. */
export const MIN_SPEED = 0.01;
/** Fastest finite speed; beyond this use 'max' (as fast as possible). */
export const MAX_FINITE_SPEED = 10_000;

/** Simulated seconds per real second, or 'max' for as fast as possible. */
export const speedSchema = z.union([z.number().min(MIN_SPEED).max(MAX_FINITE_SPEED), z.literal('max')]);
export type Speed = z.infer<typeof speedSchema>;

const timeMs = z.number().finite().min(0);
/**
 * A scenario event's envelope; its meaning (target exists, action fits it) is checked against the
 * document by the model's own validator before it is applied.
 */
const scenarioEventShape = z.looseObject({ action: z.string().max(32), atS: z.number().finite().min(0).optional() });

/** Documents travel as `.faultline` text and go through the model's loader on receipt. */
const documentText = z.string().max(20 * 1024 * 1024);

export const engineCommandSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('load'), documentText }),
  z.object({ type: z.literal('play') }),
  z.object({ type: z.literal('pause') }),
  z.object({ type: z.literal('speed'), speed: speedSchema }),
  z.object({ type: z.literal('step'), deltaMs: z.number().finite().positive().max(3_600_000) }),
  z.object({ type: z.literal('seek'), timeMs }),
  /** Stops a seek that is still under way where it has got to (no seek under way: nothing). */
  z.object({ type: z.literal('cancelSeek') }),
  z.object({ type: z.literal('reset') }),
  z.object({ type: z.literal('inject'), event: scenarioEventShape }),
  /** The edited document: config changes hot-apply from now, other changes re-simulate to now. */
  z.object({ type: z.literal('edit'), documentText }),
  /** Handled by the supervisor, never the session: start the engine again after it gave up. */
  z.object({ type: z.literal('restartEngine') }),
]);
export type EngineCommand = z.infer<typeof engineCommandSchema>;

/** Why a node is drawn the way it is. */
export const NODE_UP = 0;
export const NODE_DOWN = 1;
/** Up but slowed by a `slow` event. */
export const NODE_DEGRADED = 2;

export const ROLE_NONE = 0;
export const ROLE_PRIMARY = 1;
export const ROLE_REPLICA = 2;
/** An lb `ha` half holding the pair's address (the configured active, or its peer after a takeover). */
export const ROLE_ACTIVE = 3;
/** The other half of an lb `ha` pair: it listens for heartbeats, ready to take the address. */
export const ROLE_PASSIVE = 4;

/**
 * Floats per packet in `frame.packets`: link index, position along the link (0 at `from`, 1 at
 * `to`: a response travels from 1 towards 0), kind (the message's op code), outcome
 * ({@link PACKET_PENDING} for a request, else the response's status + 1).
 */
export const PACKET_FLOATS = 4;
export const PACKET_PENDING = 0;

/**
 * Numbers per metric row: t, sent, ok, failed, p50, p99 (NaN where no request succeeded), then
 * p95 and the finished failures by outcome: error, timeout, rejected, dropped.
 */
export const METRIC_ROW_FLOATS = 11;

/**
 * The whole run's consistency counts so far (DESIGN §3), in a frame's `consistency`, in this order:
 * the report's `consistency` fields of the same names once the run has ended.
 */
export const CONSISTENCY_COUNTS = ['staleReads', 'lostWrites', 'sessionsLost'] as const;

/**
 * Numbers per consistency row (session/consistencyRows.ts): t, then the CONSISTENCY_COUNTS of the
 * client requests sent in second t.
 */
export const CONSISTENCY_ROW_FLOATS = 1 + CONSISTENCY_COUNTS.length;

/** Most event-log entries one frame carries; the rest follow in the next frames. */
export const LOG_SLICE_CAP = 64;
/**
 * Most event-log entries waiting to be sent (after a long seek or step): older ones are counted in a
 * frame's `logDropped` instead. The live view keeps no more than this many entries either.
 */
export const LOG_BACKLOG_CAP = 2000;
/** Log actions of a health check marking the target of link `target` down / up again. */
export const HEALTH_DOWN = 'health-down';
export const HEALTH_UP = 'health-up';
/** Log action of a database cluster's failover: `target` took over as primary from `from`. */
export const FAILOVER = 'failover';
/** Log action of a load balancer HA pair's address moving: `target` holds the address of `from` from now on. */
export const HA_ADDRESS = 'ha-address';
/** Log actions of a random crash and repair (`mtbfS` / `mttrS`) of node `target`. */
export const RANDOM_CRASH = 'random-crash';
export const RANDOM_REPAIR = 'random-repair';

const f32 = z.custom<Float32Array>((value) => value instanceof Float32Array, { message: "expected a Float32Array" });
const f64 = z.custom<Float64Array>((value) => value instanceof Float64Array, { message: "expected a Float64Array" });
const u8 = z.custom<Uint8Array>((value) => value instanceof Uint8Array, { message: "expected a Uint8Array" });

export const logEntrySchema = z.object({
  timeMs,
  action: z.string(),
  target: z.string().optional(),
  note: z.string().optional(),
  /** A failover's lost primary (its `target` is the node that took over). */
  from: z.string().optional(),
  /** True for faults injected in this session (they are in the document's scenario now). */
  injected: z.boolean(),
});
export type LogEntry = z.infer<typeof logEntrySchema>;

/**
 * What is wrong with a frame's consistency rows, or null: whole rows, each a whole second ≥ 0 and
 * counts that are whole numbers ≥ 0 (the renderer indexes its series by them).
 */
function consistencyRowsProblem(rows: Float64Array): string | null {
  if (rows.length % CONSISTENCY_ROW_FLOATS !== 0) return `not whole rows of ${CONSISTENCY_ROW_FLOATS} (t, ${CONSISTENCY_COUNTS.join(', ')})`;
  for (let o = 0; o < rows.length; o++) {
    const value = rows[o];
    if (!(Number.isInteger(value) && value >= 0)) {
      const row = Math.floor(o / CONSISTENCY_ROW_FLOATS);
      const column = o % CONSISTENCY_ROW_FLOATS === 0 ? 't' : CONSISTENCY_COUNTS[(o % CONSISTENCY_ROW_FLOATS) - 1];
      return `row ${row}: ${column} is ${value}, not a whole number ≥ 0`;
    }
  }
  return null;
}

export const frameSchema = z
  .object({
    type: z.literal('frame'),
    seq: z.number().int().min(0),
    timeMs,
    durationMs: timeMs,
    playing: z.boolean(),
    speed: speedSchema,
    /** Simulated ms advanced per real ms over the last frame (below `speed` when the engine cannot keep up). */
    achievedSpeed: z.number().min(0),
    ended: z.boolean(),
    nodeStatus: u8,
    utilization: f32,
    queueFill: f32,
    /** NaN for nodes that hold no keys. */
    cacheFill: f32,
    role: u8,
    /** Cache hit ratio over the last and current second; NaN for non-caches and idle caches. */
    hitRatio: f32,
    /** Per link (file order): 1 where the sending lb or dns marks the target down by its health checks. */
    linkMarkedDown: u8,
    /**
     * Per link (file order), LINK_RATE_FLOATS each: requests, answers and failed answers put on it
     * per simulated second, averaged over the last moments (session/linkRates.ts): the flow dashes.
     */
    linkRates: f32,
    /** Per document check (file order), measured over the seconds whose requests have all finished; NaN = nothing yet. */
    checkActual: f64,
    checkPass: u8,
    /** 1 where the check's verdict can no longer change (sim/checkFinality.ts); a 0 verdict is only so far. */
    checkFinal: u8,
    /** CONSISTENCY_COUNTS so far: stale reads, lost writes, sessions lost. */
    consistency: f64,
    packetCount: z.number().int().min(0),
    packets: f32,
    /** Per-second node rows (session/nodeRows.ts: t, then utilization, hit ratio and queue fill per node), same seconds as metricRows. */
    nodeRows: f64,
    /** Rows to overwrite by `t` (recent seconds still change as their requests finish). */
    metricRows: f64,
    /**
     * Consistency rows (CONSISTENCY_ROW_FLOATS each) to overwrite by `t`: the seconds of
     * metricRows and any older second whose counts changed since the last frame (a lost write
     * is counted when a failover decides it, in the second it was sent).
     */
    consistencyRows: f64,
    /** The UI drops its metric rows and event log first: this frame starts them afresh (load, seek, reset). */
    resync: z.boolean(),
    log: z.array(logEntrySchema).max(LOG_SLICE_CAP),
    logDropped: z.number().int().min(0),
  })
  .superRefine((frame, ctx) => {
    const n = frame.nodeStatus.length;
    for (const key of ['utilization', 'queueFill', 'cacheFill', 'role', 'hitRatio'] as const) {
      if (frame[key].length !== n) ctx.addIssue({ code: 'custom', path: [key], message: `has ${frame[key].length} entries for ${n} nodes` });
    }
    if (frame.linkRates.length !== frame.linkMarkedDown.length * LINK_RATE_FLOATS) ctx.addIssue({ code: 'custom', path: ['linkRates'], message: `has ${frame.linkRates.length} entries for ${frame.linkMarkedDown.length} links` });
    if (frame.packets.length < frame.packetCount * PACKET_FLOATS) ctx.addIssue({ code: 'custom', path: ['packets'], message: 'shorter than packetCount' });
    if (frame.metricRows.length % METRIC_ROW_FLOATS !== 0) ctx.addIssue({ code: 'custom', path: ['metricRows'], message: 'not whole rows' });
    const consistencyProblem = consistencyRowsProblem(frame.consistencyRows);
    if (consistencyProblem !== null) ctx.addIssue({ code: 'custom', path: ['consistencyRows'], message: consistencyProblem });
    for (const key of ['checkPass', 'checkFinal'] as const) {
      if (frame[key].length !== frame.checkActual.length) ctx.addIssue({ code: 'custom', path: [key], message: `has ${frame[key].length} entries for ${frame.checkActual.length} checks` });
    }
    if (frame.consistency.length !== CONSISTENCY_COUNTS.length) ctx.addIssue({ code: 'custom', path: ['consistency'], message: `has ${frame.consistency.length} counts, not ${CONSISTENCY_COUNTS.length}` });
  });
export type Frame = z.infer<typeof frameSchema>;

const problemSchema = z.object({ path: z.string(), message: z.string() });

const warningsSchema = z.array(z.array(z.union([z.string(), z.object({ node: z.string() })])));

export const engineStatusSchema = z.enum(['starting', 'ready', 'restarting', 'stopped']);
export type EngineStatus = z.infer<typeof engineStatusSchema>;

export const engineMessageSchema = z.discriminatedUnion('type', [
  frameSchema,
  /** A document is running (after load, reset or a structural edit). */
  z.object({
    type: z.literal('loaded'),
    protocol: z.literal(PROTOCOL_VERSION),
    nodeIds: z.array(z.string()),
    linkIds: z.array(z.string()),
    durationMs: timeMs,
    /** The engine's warnings about the design, nodes as references (sim/warnings.ts) to be named by the reader. */
    warnings: warningsSchema,
  }),
  /** The warnings changed with an edit that did not restart the run (a node's config). */
  z.object({ type: z.literal('warnings'), warnings: warningsSchema }),
  /** A command was refused; nothing changed. */
  z.object({ type: z.literal('rejected'), command: z.string(), message: z.string(), problems: z.array(problemSchema) }),
  /** An injected fault, stamped with its time: the UI appends it to the document's scenario. */
  z.object({ type: z.literal('injected'), event: scenarioEventShape }),
  /** Something the user should read (edits that re-simulated, pauses asked for by the scenario…). */
  z.object({ type: z.literal('notice'), message: z.string() }),
  /** The run reached its duration; the report is the CLI's (DESIGN §5). */
  z.object({ type: z.literal('finished'), report: z.record(z.string(), z.unknown()) }),
  /** Worker liveness; the supervisor consumes these. */
  z.object({ type: z.literal('heartbeat') }),
  /**
   * A long seek or step is under way (sent instead of a heartbeat while it runs): the run has got to
   * `doneMs` of `targetMs`. The next frame ends it.
   */
  z.object({ type: z.literal('progress'), doneMs: timeMs, targetMs: timeMs }),
  /** From the supervisor: the engine's health, and what happened, in words the UI can show. */
  z.object({ type: z.literal('status'), status: engineStatusSchema, message: z.string() }),
]);
export type EngineMessage = z.infer<typeof engineMessageSchema>;

export type ParseResult<T> = { ok: true; value: T } | { ok: false; error: string };

function describe(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(message)'}: ${issue.message}`)
    .join('; ');
}

export function parseEngineCommand(data: unknown): ParseResult<EngineCommand> {
  const result = engineCommandSchema.safeParse(data);
  return result.success ? { ok: true, value: result.data } : { ok: false, error: describe(result.error) };
}

export function parseEngineMessage(data: unknown): ParseResult<EngineMessage> {
  const result = engineMessageSchema.safeParse(data);
  return result.success ? { ok: true, value: result.data } : { ok: false, error: describe(result.error) };
}

/** The buffers of a frame, to transfer rather than copy. */
export function frameTransferables(frame: Frame): ArrayBuffer[] {
  const buffers = [frame.nodeStatus, frame.utilization, frame.queueFill, frame.cacheFill, frame.role, frame.hitRatio, frame.linkMarkedDown, frame.linkRates, frame.checkActual, frame.checkPass, frame.checkFinal, frame.consistency, frame.packets, frame.metricRows, frame.consistencyRows, frame.nodeRows].map((array) => array.buffer);
  return buffers.filter((buffer): buffer is ArrayBuffer => buffer instanceof ArrayBuffer);
}
