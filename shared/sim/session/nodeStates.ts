import type { FaultlineDocument, ResolvedConfig } from '../../model/types';
import { resolveNodeConfig } from '../../model/defaults';
import type { Simulation } from '../simulation';
import { hasQueue } from './queueingStation';
import { NODE_DEGRADED, NODE_DOWN, NODE_UP, ROLE_ACTIVE, ROLE_NONE, ROLE_PASSIVE, ROLE_PRIMARY, ROLE_REPLICA } from './protocol';

/** Per-node arrays of one frame. */
export interface NodeStateArrays {
  nodeStatus: Uint8Array;
  utilization: Float32Array;
  queueFill: Float32Array;
  cacheFill: Float32Array;
  role: Uint8Array;
}

function numberField(config: ResolvedConfig, name: string): number | null {
  const value = (config as unknown as Record<string, unknown>)[name];
  return typeof value === 'number' && value > 0 ? value : null;
}

/**
 * Reads what a node looks like right now, knowing nothing about kinds: liveness from the world,
 * utilization and queue from the node's station (if it has one), cache fill from the keys it
 * reports against its configured `capacity`, the role from the model or its config (an lb `ha`
 * half's from who holds the pair's address), and "degraded" from the
 * `slow` / `recover` events applied so far.
 */
export class NodeStateSampler {
  private configs: ResolvedConfig[];
  /** The lb `ha` pairs: the configured active's index and its peer's. */
  private haPairs: [number, number][] = [];
  private readonly slowed: Uint8Array;
  private eventsSeen = 0;

  constructor(
    private readonly sim: Simulation,
    document: FaultlineDocument,
  ) {
    this.configs = this.resolve(document);
    this.slowed = new Uint8Array(sim.world.nodeIds.length);
  }

  /** After a config edit: capacities and roles come from the edited document. */
  refreshConfigs(document: FaultlineDocument): void {
    this.configs = this.resolve(document);
  }

  private resolve(document: FaultlineDocument): ResolvedConfig[] {
    const nodeIds = this.sim.world.nodeIds;
    const configs = nodeIds.map((id) => resolveNodeConfig(document, id));
    this.haPairs = [];
    configs.forEach((config, active) => {
      const peer = (config as { ha?: { peer: string } | null }).ha?.peer;
      const passive = peer === undefined ? -1 : nodeIds.indexOf(peer);
      if (passive >= 0) this.haPairs.push([active, passive]);
    });
    return configs;
  }

  sample(): NodeStateArrays {
    const world = this.sim.world;
    const n = world.nodeIds.length;
    const out: NodeStateArrays = {
      nodeStatus: new Uint8Array(n),
      utilization: new Float32Array(n),
      queueFill: new Float32Array(n),
      cacheFill: new Float32Array(n).fill(Number.NaN),
      role: new Uint8Array(n),
    };
    this.trackSlowEvents();
    const nowMs = this.sim.now;
    const second = Math.floor(nowMs / 1000);
    for (let i = 0; i < n; i++) {
      out.nodeStatus[i] = world.up[i] === 0 ? NODE_DOWN : this.slowed[i] === 1 ? NODE_DEGRADED : NODE_UP;
      const model = world.models[i];
      const station = model.station;
      if (station !== null) {
        station.advance(nowMs);
        // The last second and the current one: recent enough to follow changes, long enough not to flicker.
        const capacity = station.capacityMs.sum(second - 1, second + 1);
        const busy = station.busyMs.sum(second - 1, second + 1);
        out.utilization[i] = capacity > 0 ? Math.min(1, busy / capacity) : 0;
        if (hasQueue(station) && station.queueLimit > 0) out.queueFill[i] = Math.min(1, station.queueLength / station.queueLimit);
      }
      const config = this.configs[i];
      const capacity = numberField(config, 'capacity');
      if (capacity !== null) {
        const keys = model.extras().keys;
        if (keys !== undefined) out.cacheFill[i] = Math.min(1, keys / capacity);
      }
      // The model's live role first: a failover promotes a replica and demotes the old primary.
      const role = model.role ?? (config as unknown as Record<string, unknown>).role;
      out.role[i] = role === 'primary' ? ROLE_PRIMARY : role === 'replica' ? ROLE_REPLICA : ROLE_NONE;
    }
    // Whichever half holds the pair's address is the active one: the peer after a takeover.
    for (const [active, passive] of this.haPairs) {
      const holder = world.addressOf[active] === passive ? passive : active;
      out.role[holder] = ROLE_ACTIVE;
      out.role[holder === active ? passive : active] = ROLE_PASSIVE;
    }
    return out;
  }

  private trackSlowEvents(): void {
    const applied = this.sim.appliedEvents;
    const world = this.sim.world;
    for (; this.eventsSeen < applied.length; this.eventsSeen++) {
      const { action, target } = applied[this.eventsSeen].event;
      if (action !== 'slow' && action !== 'recover') continue;
      const node = target === undefined ? -1 : world.nodeIds.indexOf(target);
      if (node >= 0) this.slowed[node] = action === 'slow' ? 1 : 0;
    }
  }
}
