import type { NodeKind, ResolvedConfig } from '../../model/types';
import type { World } from '../engine/world';
import { STATUS_ERROR } from '../engine/codes';
import { BaseNode } from './baseNode';

/**
 * Stand-in for a kind without a model in the registry (every kind of DESIGN §3 has one today):
 * it answers every request with an error (501), so runs complete and the report shows where the
 * traffic went. The simulation lists these nodes in `Simulation.warnings`.
 */
export class UnsupportedModel extends BaseNode {
  constructor(world: World, index: number, kind: NodeKind) {
    super(world, index, kind);
  }

  onRequest(call: number): void {
    this.counters.arrivals++;
    this.answer(call, STATUS_ERROR);
  }

  applyConfig(_config: ResolvedConfig): void {}
}
