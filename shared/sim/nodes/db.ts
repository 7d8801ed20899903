import type { DbConfig, ResolvedConfig } from '../../model/types';
import { sample } from '../random';
import type { World } from '../engine/world';
import { FifoServers } from '../engine/fifoServers';
import { OP_DB_WRITE, OP_WRITE, STATUS_OK, STATUS_REJECTED } from '../engine/codes';
import { BaseNode } from './baseNode';
import type { NodeExtras } from './nodeModel';

/**
 * Database node (DESIGN §3 `db`), single primary for now: `connections` queries at once, a FIFO
 * of at most `queueLimit`, reads take `readMs`, writes `writeMs`. Every key carries a version
 * (incremented by each write this primary accepts) so that replication, stale reads and lost
 * writes can be measured when replicas arrive. Data is on disk: a crash loses the queries in
 * progress, not the data.
 */
export class DbModel extends BaseNode {
  override readonly station: FifoServers;
  private config: DbConfig;
  /** key → version of the newest write applied here. */
  readonly versions = new Map<number, number>();
  reads = 0;
  writes = 0;

  constructor(world: World, index: number, config: DbConfig) {
    super(world, index, 'db');
    this.config = config;
    this.station = new FifoServers(config.connections, config.queueLimit);
  }

  /**
   * Admits the query (FIFO over `connections`, see FifoServers), applies it in arrival order and
   * schedules the answer for its departure. Replication will need the apply order to be the
   * completion order; with one primary nothing can observe the difference.
   */
  onRequest(call: number): void {
    this.counters.arrivals++;
    const world = this.world;
    const write = this.isWrite(call);
    const spec = write ? this.config.writeMs : this.config.readMs;
    const departure = this.station.admit(world.now, sample(spec, this.rng) * this.slow);
    if (departure < 0) {
      this.answer(call, STATUS_REJECTED);
      return;
    }
    if (write) {
      const key = world.requests.key[world.calls.req[call]];
      this.versions.set(key, (this.versions.get(key) ?? 0) + 1);
      this.writes++;
    } else {
      this.reads++;
    }
    this.answer(call, STATUS_OK, departure - world.now);
  }

  private isWrite(call: number): boolean {
    const op = this.world.calls.op[call];
    return op === OP_DB_WRITE || op === OP_WRITE;
  }

  override crash(): void {
    this.station.reset(this.world.now);
  }

  applyConfig(config: ResolvedConfig): void {
    const next = config as DbConfig;
    this.config = next;
    this.station.setServers(next.connections, this.world.now);
    this.station.queueLimit = next.queueLimit;
  }

  override extras(): NodeExtras {
    return { keys: this.versions.size };
  }
}
