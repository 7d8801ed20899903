import type { FaultlineDocument, NodeKind, ScenarioEvent } from '../../model/types';
import { mergeConfigPatch, resolveConfig, resolveContext } from '../../model/defaults';
import type { World } from '../engine/world';
import type { FailureProcess } from './failureProcess';

/** An event as it was applied, for the event log and the live session. */
export interface AppliedEvent {
  timeMs: number;
  event: ScenarioEvent;
}

/**
 * Applies scenario events (DESIGN §3, **Contract**) at their times. The file's events are
 * scheduled at construction, in (atS, file order); `inject` applies one at the current time and
 * records it, so a live session's faults replay exactly. Each event is one timer whose token is
 * its index in `events`.
 */
export class ScenarioRunner {
  readonly events: ScenarioEvent[] = [];
  readonly applied: AppliedEvent[] = [];
  private readonly timer: number;
  /** The sparse configs as patched by `set` so far (resolution needs the sparse form). */
  private readonly sparseConfigs: Record<string, unknown>[];

  constructor(
    private readonly world: World,
    private readonly doc: FaultlineDocument,
    private readonly nodeIndex: ReadonlyMap<string, number>,
    private readonly linkIndex: ReadonlyMap<string, number>,
    private readonly regionOf: readonly (string | undefined)[],
    private readonly failures: readonly (FailureProcess | null)[],
  ) {
    this.timer = world.addTimer((index) => this.apply(this.events[index]));
    this.sparseConfigs = world.nodeIds.map((id) => ({ ...doc.nodes[id].config }));
  }

  /**
   * Schedules the document's events (stable by time, then file order). An event at or after the
   * end of the run never happens: the run covers [0, durationS), and what follows only finishes
   * the requests still in flight.
   */
  start(events: readonly ScenarioEvent[]): void {
    const order = events.map((event, i) => ({ event, i })).sort((x, y) => x.event.atS - y.event.atS || x.i - y.i);
    for (const { event } of order) {
      const atMs = Math.max(0, event.atS * 1000);
      if (atMs < this.world.endMs) this.scheduleEvent(event, atMs);
    }
  }

  /** Applies `event` now (its `atS` is replaced by the current time) and keeps it in the log. */
  inject(event: ScenarioEvent): ScenarioEvent {
    const stamped = { ...event, atS: this.world.now / 1000 };
    this.scheduleEvent(stamped, this.world.now);
    return stamped;
  }

  private scheduleEvent(event: ScenarioEvent, atMs: number): void {
    this.events.push(event);
    this.world.kernel.scheduleAt(Math.max(atMs, this.world.now), this.world.timerEvent, this.timer, this.events.length - 1);
  }

  private node(id: string | undefined): number {
    return id === undefined ? -1 : (this.nodeIndex.get(id) ?? -1);
  }

  private link(id: string | undefined): number {
    return id === undefined ? -1 : (this.linkIndex.get(id) ?? -1);
  }

  private apply(event: ScenarioEvent): void {
    const world = this.world;
    this.applied.push({ timeMs: world.now, event });
    const node = this.node(event.target);
    const link = this.link(event.target);
    switch (event.action) {
      case 'crash':
        if (node >= 0) world.crashNode(node);
        break;
      case 'restart':
        if (node >= 0) world.restartNode(node);
        break;
      case 'slow':
        if (node >= 0) world.models[node].setSlow(event.factor ?? 1);
        break;
      case 'recover':
        if (node >= 0) world.models[node].setSlow(1);
        break;
      case 'cut':
        if (link >= 0) world.cutLink(link);
        break;
      case 'restore':
        if (link >= 0) world.links.restore(link);
        break;
      case 'degrade':
        if (link >= 0) this.degrade(link, event.params ?? {});
        break;
      case 'partition':
        this.partition(event.groups ?? []);
        break;
      case 'heal':
        world.partitions.heal();
        break;
      case 'set':
        if (node >= 0) this.setConfig(node, event.params ?? {});
        break;
      case 'flush':
        if (node >= 0) world.models[node].flush();
        break;
      case 'note':
        break;
    }
  }

  private degrade(link: number, params: Record<string, unknown>): void {
    const links = this.world.links;
    const number = (value: unknown): number | undefined => (typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : undefined);
    const latency = number(params.latencyMs);
    const jitter = number(params.jitterMs);
    const loss = number(params.lossRate);
    if (latency !== undefined) links.latencyMs[link] = latency;
    if (jitter !== undefined) links.jitterMs[link] = jitter;
    if (loss !== undefined) links.lossRate[link] = Math.min(1, loss);
  }

  /** Groups may name nodes or regions (a region stands for every node in it). */
  private partition(groups: string[][]): void {
    const resolved = groups.map((members) => {
      const nodes: number[] = [];
      for (const id of members) {
        const node = this.nodeIndex.get(id);
        if (node !== undefined) nodes.push(node);
        else this.regionOf.forEach((region, n) => region === id && nodes.push(n));
      }
      return nodes;
    });
    this.world.partitions.apply(resolved);
    this.world.partitionChanged();
  }

  /** Patches the node's sparse config and hands the re-resolved config to its model. */
  setConfig(node: number, patch: Record<string, unknown>): void {
    const world = this.world;
    const id = world.nodeIds[node];
    const kind: NodeKind = world.nodeKinds[node];
    this.sparseConfigs[node] = mergeConfigPatch(kind, this.sparseConfigs[node], patch);
    const resolved = resolveConfig(kind, this.sparseConfigs[node], resolveContext(this.doc, id));
    world.models[node].applyConfig(resolved);
    this.failures[node]?.setConfig(resolved);
  }
}
