import type { FailureConfig } from '../../model/types';
import { exponential, type RandomStream } from '../random';
import type { World } from '../engine/world';

const CRASH = 0;
const REPAIR = 1;

/**
 * Random crashes and repairs of one node (`mtbfS` / `mttrS`, DESIGN §3): up-times and repair
 * times are exponential with those means, drawn from the node's own failure stream so they do not
 * depend on its traffic. Without `mttrS` a random crash is permanent (until a scenario restart).
 * Tokens are `(epoch << 1) | what`; a config change bumps the epoch and restarts the process.
 */
export class FailureProcess {
  private epoch = 0;
  /** A random crash of this process has the node down: its repair is pending (or, without `mttrS`, never comes). */
  private inOutage = false;
  private readonly timer: number;
  private readonly rng: RandomStream;

  constructor(
    private readonly world: World,
    private readonly node: number,
    private config: FailureConfig,
  ) {
    this.rng = world.stream(`fail:${world.nodeIds[node]}`);
    this.timer = world.addTimer((token) => this.onTimer(token));
  }

  start(): void {
    this.epoch = (this.epoch + 1) & 0x3fffffff;
    this.scheduleCrash();
  }

  /**
   * New means from now on. Restarting the process while one of its crashes has the node down would
   * orphan the pending repair (its token is of the old epoch) and leave the node down for good. So
   * an outage in progress ends as drawn — a repair under way keeps its time, as a request in
   * service keeps its service time — and the new means apply from the next draw; an outage that had
   * no repair coming (no `mttrS`) gets one now that there is a mean.
   */
  setConfig(config: FailureConfig): void {
    if (config.mtbfS === this.config.mtbfS && config.mttrS === this.config.mttrS) return;
    const repairPending = this.config.mttrS !== undefined;
    this.config = config;
    if (this.inOutage && this.world.up[this.node] === 0) {
      if (!repairPending) this.scheduleRepair();
      return;
    }
    this.start();
  }

  private scheduleCrash(): void {
    const mtbf = this.config.mtbfS;
    if (mtbf === undefined || !(mtbf > 0)) return;
    this.world.scheduleTimer(this.timer, exponential(this.rng, mtbf * 1000), (this.epoch << 1) | CRASH);
  }

  /** A mean repair time of 0 restarts the node at once (its in-memory state is still gone); without one it stays down. */
  private scheduleRepair(): void {
    const mttr = this.config.mttrS;
    if (mttr !== undefined) this.world.scheduleTimer(this.timer, mttr > 0 ? exponential(this.rng, mttr * 1000) : 0, (this.epoch << 1) | REPAIR);
  }

  private onTimer(token: number): void {
    const world = this.world;
    // Past the end of the run nothing fails or recovers: only requests in flight are finished.
    if (token >>> 1 !== this.epoch || world.now >= world.endMs) return;
    if ((token & 1) === CRASH) {
      if (world.up[this.node] === 0) {
        this.scheduleCrash(); // already down (scenario): try again after another up-time
        return;
      }
      world.crashNode(this.node);
      world.noteRandomFailure(this.node, true);
      this.inOutage = true;
      this.scheduleRepair();
    } else {
      this.inOutage = false;
      world.restartNode(this.node);
      world.noteRandomFailure(this.node, false);
      this.scheduleCrash();
    }
  }
}
