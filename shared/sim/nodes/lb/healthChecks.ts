import type { HealthCheckConfig } from '../../../model/types';
import type { World } from '../../engine/world';
import { OP_PROBE } from '../../engine/codes';

const SEQ_MASK = 0x3fffffff;
/**
 * Probes remembered per backend. Probes overlap whenever `timeoutMs` exceeds `intervalMs` (the
 * defaults do once the interval is below 500 ms), so each probe's fate is tracked by its own
 * sequence number; a probe older than this many intervals is forgotten and counts as nothing.
 */
const PROBE_MEMORY = 64;
const PROBE_PENDING = 0;
const PROBE_SETTLED = 1;

/**
 * Health checks of one load balancer (DESIGN §3 `healthCheck`): every `intervalMs` a probe
 * packet goes to each backend over the real link; no answer within `timeoutMs` is a failure.
 * `unhealthyAfter` consecutive failures mark a backend down, `healthyAfter` successes mark it up
 * again. Between checks the mark can be wrong — a backend that died since its last probe still
 * gets traffic — which is exactly the lesson.
 *
 * Each backend has its own timer owner; tokens are `(epoch << 1)` for a probe tick (the epoch
 * changes when the load balancer crashes or restarts) and `(seq << 1) | 1` for a probe timeout.
 */
export class HealthChecks {
  readonly markedUp: Uint8Array;
  private readonly okStreak: Int32Array;
  private readonly failStreak: Int32Array;
  private readonly seq: Int32Array;
  /** `PROBE_MEMORY` slots per backend: is the probe with that sequence number still unanswered? */
  private readonly probeState: Uint8Array;
  private readonly timers: number[];
  private epoch = 0;

  constructor(
    private readonly world: World,
    private readonly backends: readonly number[],
    private config: HealthCheckConfig,
  ) {
    const n = backends.length;
    this.markedUp = new Uint8Array(n).fill(1);
    this.okStreak = new Int32Array(n);
    this.failStreak = new Int32Array(n);
    this.seq = new Int32Array(n);
    this.probeState = new Uint8Array(n * PROBE_MEMORY).fill(PROBE_SETTLED);
    this.timers = backends.map((_, b) => world.addTimer((token) => this.onTimer(b, token)));
  }

  get enabled(): boolean {
    return this.config.enabled;
  }

  start(): void {
    this.epoch = (this.epoch + 1) & SEQ_MASK;
    if (!this.config.enabled) return;
    for (let b = 0; b < this.backends.length; b++) this.world.scheduleTimer(this.timers[b], 0, this.epoch << 1);
  }

  /** The load balancer crashed: it forgets what it knew; probes stop until restart. */
  reset(): void {
    this.epoch = (this.epoch + 1) & SEQ_MASK;
    this.forgetMarks();
    this.okStreak.fill(0);
    this.failStreak.fill(0);
    this.probeState.fill(PROBE_SETTLED);
  }

  setConfig(config: HealthCheckConfig): void {
    const wasEnabled = this.config.enabled;
    this.config = config;
    if (!config.enabled) this.forgetMarks();
    if (config.enabled !== wasEnabled) this.start();
  }

  private onTimer(backend: number, token: number): void {
    if ((token & 1) === 1) this.onProbeTimeout(backend, token >>> 1);
    else if (token >>> 1 === this.epoch && this.config.enabled) this.probe(backend);
  }

  private probe(backend: number): void {
    const world = this.world;
    const seq = (this.seq[backend] + 1) & SEQ_MASK;
    this.seq[backend] = seq;
    this.probeState[backend * PROBE_MEMORY + (seq % PROBE_MEMORY)] = PROBE_PENDING;
    // A probe call: req = backend index, parentGen = sequence number, no parent.
    const call = world.calls.alloc(-1, seq, backend, this.backends[backend], OP_PROBE);
    world.sendRequest(call);
    world.scheduleTimer(this.timers[backend], this.config.timeoutMs, (seq << 1) | 1);
    world.scheduleTimer(this.timers[backend], this.config.intervalMs, this.epoch << 1);
  }

  /** A probe answer came back (the load balancer frees nothing; this does). */
  onProbeResponse(call: number): void {
    const calls = this.world.calls;
    const backend = calls.req[call];
    const seq = calls.parentGen[call];
    calls.free(call);
    if (!this.settle(backend, seq)) return;
    this.failStreak[backend] = 0;
    this.okStreak[backend]++;
    if (this.markedUp[backend] === 0 && this.okStreak[backend] >= this.config.healthyAfter) this.mark(backend, 1);
  }

  /** Marks probe `seq` answered or timed out; false if it was already, or is too old to remember. */
  private settle(backend: number, seq: number): boolean {
    const age = (this.seq[backend] - seq) & SEQ_MASK;
    if (age >= PROBE_MEMORY) return false;
    const slot = backend * PROBE_MEMORY + (seq % PROBE_MEMORY);
    if (this.probeState[slot] !== PROBE_PENDING) return false;
    this.probeState[slot] = PROBE_SETTLED;
    return true;
  }

  private onProbeTimeout(backend: number, seq: number): void {
    if (!this.settle(backend, seq)) return;
    this.okStreak[backend] = 0;
    this.failStreak[backend]++;
    if (this.markedUp[backend] === 1 && this.failStreak[backend] >= this.config.unhealthyAfter) this.mark(backend, 0);
  }

  private mark(backend: number, up: 0 | 1): void {
    this.markedUp[backend] = up;
    this.world.noteHealthMark(this.backends[backend], up === 0);
  }

  /** Forgets every mark (crash, checks switched off): whatever was marked down is no longer. */
  private forgetMarks(): void {
    for (let backend = 0; backend < this.markedUp.length; backend++) if (this.markedUp[backend] === 0) this.mark(backend, 1);
  }
}
