import type { NodeKind, ResolvedConfig } from '../../model/types';
import type { RandomStream } from '../random';
import type { World } from '../engine/world';
import type { StationStats } from '../engine/stationStats';
import { STATUS_ERROR, STATUS_OK, STATUS_REJECTED } from '../engine/codes';
import type { NodeCounters, NodeExtras, NodeModel } from './nodeModel';

/** Shared plumbing of node models: identity, random stream, counters, slow factor. */
export abstract class BaseNode implements NodeModel {
  readonly counters: NodeCounters = { arrivals: 0, completed: 0, errors: 0, rejected: 0 };
  station: StationStats | null = null;
  /** Service-time multiplier set by `slow` / `recover`. */
  protected slow = 1;
  /** This node's own stream: what it draws never depends on other nodes (DESIGN §3). */
  protected readonly rng: RandomStream;

  constructor(
    protected readonly world: World,
    readonly index: number,
    readonly kind: NodeKind,
  ) {
    this.rng = world.stream(`node:${world.nodeIds[index]}`);
  }

  abstract onRequest(call: number): void;

  onResponse(call: number): void {
    this.world.calls.free(call);
  }

  onServiceDone(_call: number): void {}

  crash(): void {}

  restart(): void {}

  setSlow(factor: number): void {
    this.slow = factor;
  }

  abstract applyConfig(config: ResolvedConfig): void;

  flush(): void {}

  extras(): NodeExtras {
    return {};
  }

  /** Sends the answer for `call` back to its caller (after `afterMs` more processing) and counts it. */
  protected answer(call: number, status: number, afterMs = 0): void {
    if (status === STATUS_REJECTED) this.counters.rejected++;
    else if (status === STATUS_ERROR) this.counters.errors++;
    else this.counters.completed++;
    this.world.sendResponse(call, status, afterMs);
  }

  protected answerOk(call: number): void {
    this.answer(call, STATUS_OK);
  }
}
