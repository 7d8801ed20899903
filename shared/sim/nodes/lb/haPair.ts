import type { LbHaConfig } from '../../../model/types';
import type { World } from '../../engine/world';
import { OP_HEARTBEAT } from '../../engine/codes';

/** Timer tokens: the active's heartbeat tick and the passive's check tick. */
const TICK_SEND = 0;
const TICK_CHECK = 1;

/**
 * An active-passive load-balancer pair (DESIGN §3 lb `ha`), VRRP-style. The active sends a
 * heartbeat every `heartbeatMs` — a packet over its link to the peer if it has one (so a cut or a
 * partition between them is a missed heartbeat: split brain), else over the pair's own cable
 * (not drawn, never cut). The passive checks half a period after each heartbeat is due; after
 * `deadAfter` checks in a row without one it takes over the active's address: requests sent to
 * the active are delivered to it (`world.addressOf`). A takeover therefore comes between
 * (deadAfter − ½) and (deadAfter + ½) heartbeats after the active's death — on average
 * deadAfter × heartbeatMs. When the passive hears the active again it hands the address back
 * (preemption, VRRP's default); if the passive is down, the returning active simply reclaims it.
 */
export class HaPair {
  private readonly timer: number;
  private readonly link: number;
  private heardSinceCheck = false;
  private missed = 0;

  constructor(
    private readonly world: World,
    private readonly active: number,
    private readonly passive: number,
    private readonly config: LbHaConfig,
  ) {
    this.timer = world.addTimer((token) => (token === TICK_SEND ? this.send() : this.check()));
    const links = world.links;
    let link = -1;
    for (let l = 0; l < links.count && link < 0; l++) if (links.from[l] === active && links.to[l] === passive && links.replication[l] === 0) link = l;
    this.link = link;
  }

  /** Does the passive hold the active's address now? */
  get tookOver(): boolean {
    return this.world.addressOf[this.active] === this.passive;
  }

  start(): void {
    this.world.scheduleTimer(this.timer, 0, TICK_SEND);
    this.world.scheduleTimer(this.timer, this.config.heartbeatMs / 2, TICK_CHECK);
  }

  private send(): void {
    const world = this.world;
    world.scheduleTimer(this.timer, this.config.heartbeatMs, TICK_SEND);
    if (world.up[this.active] === 0) return;
    if (this.tookOver && world.up[this.passive] === 0) world.moveAddress(this.active, this.active);
    if (this.link < 0) {
      if (world.up[this.passive] === 1) this.heard();
      return;
    }
    // A one-way message: no parent, nobody waits for an answer (the receiver frees it).
    world.sendRequest(world.calls.alloc(-1, 0, -1, this.link, OP_HEARTBEAT));
  }

  /** A heartbeat reached the passive. */
  heard(): void {
    this.heardSinceCheck = true;
    this.missed = 0;
    if (this.tookOver) this.world.moveAddress(this.active, this.active);
  }

  private check(): void {
    const world = this.world;
    world.scheduleTimer(this.timer, this.config.heartbeatMs, TICK_CHECK);
    if (world.up[this.passive] === 0) return;
    if (this.heardSinceCheck) {
      this.heardSinceCheck = false;
      return;
    }
    this.missed++;
    if (this.missed >= this.config.deadAfter && !this.tookOver) world.moveAddress(this.active, this.passive);
  }
}
