import type { HealthCheckConfig } from '../../../model/types';
import type { World } from '../../engine/world';
import { OP_PROBE } from '../../engine/codes';

const SEQ_MASK = 0x3fffffff;

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
  private readonly outstanding: Uint8Array;
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
    this.outstanding = new Uint8Array(n);
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
    this.markedUp.fill(1);
    this.okStreak.fill(0);
    this.failStreak.fill(0);
    this.outstanding.fill(0);
  }

  setConfig(config: HealthCheckConfig): void {
    const wasEnabled = this.config.enabled;
    this.config = config;
    if (!config.enabled) this.markedUp.fill(1);
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
    this.outstanding[backend] = 1;
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
    if (seq !== this.seq[backend] || this.outstanding[backend] === 0) return;
    this.outstanding[backend] = 0;
    this.failStreak[backend] = 0;
    this.okStreak[backend]++;
    if (this.markedUp[backend] === 0 && this.okStreak[backend] >= this.config.healthyAfter) this.markedUp[backend] = 1;
  }

  private onProbeTimeout(backend: number, seq: number): void {
    if (seq !== this.seq[backend] || this.outstanding[backend] === 0) return;
    this.outstanding[backend] = 0;
    this.okStreak[backend] = 0;
    this.failStreak[backend]++;
    if (this.markedUp[backend] === 1 && this.failStreak[backend] >= this.config.unhealthyAfter) this.markedUp[backend] = 0;
  }
}
