import type { FaultlineDocument, ScenarioEvent } from '../../model/types';
import { Simulation } from '../simulation';

/** Something done to the run while it played, replayed at the same simulated time when seeking. */
type LiveAction =
  | { timeMs: number; kind: 'inject'; event: ScenarioEvent }
  | { timeMs: number; kind: 'config'; nodeId: string; patch: Record<string, unknown> }
  | { timeMs: number; kind: 'link'; linkId: string };

/** Simulated time between progress calls while seeking (splitting a run does not change it). */
export const SEEK_CHUNK_MS = 250;

/** Sub-millisecond offset of an injection time (2^-10 ms), see {@link injectionTimeMs}. */
const INJECTION_OFFSET_MS = 1 / 1024;

/**
 * When an injected fault takes effect. A fault injected live is applied after every event up to
 * that time; the same fault replayed from the saved file is scheduled at start-up and so runs
 * *before* any other event at exactly its time. The two agree when no other event shares its time,
 * so the fault is applied just after the next whole millisecond — deterministic model times fall
 * on round values (whole ms, link latencies), not on odd 2^-10 ms fractions — and at a time whose
 * `atS` (ms / 1000) converts back to exactly the same ms when the file is replayed.
 */
export function injectionTimeMs(nowMs: number): number {
  let time = Math.floor(nowMs) + 1 + INJECTION_OFFSET_MS;
  while ((time / 1000) * 1000 !== time) time += INJECTION_OFFSET_MS;
  return time;
}

/**
 * One live run of a document: the simulation plus everything done to it while playing (injected
 * faults, hot-applied config edits), kept as a timeline so that seeking backwards — a fresh
 * simulation of the same document with the same actions re-applied at the same simulated times,
 * by the same calls — reaches exactly the state playing reached (same event fingerprint).
 */
export class LiveRun {
  /** The simulation built from `base`; replaced when seeking backwards. */
  sim: Simulation;
  /** Injected events, by identity, so the event log can mark them. */
  readonly injectedEvents = new WeakSet<ScenarioEvent>();
  private readonly actions: LiveAction[] = [];
  /** actions[0, applied) have been applied to `sim`. */
  private applied = 0;

  /** `options.trace`: record the event trace's fingerprint in every simulation (tests compare them). */
  /**
   * `lateLinks`: links of `base` the run takes only from the time a `link` action says (a shard
   * linked while playing), left out of every simulation built until then.
   */
  constructor(
    readonly base: FaultlineDocument,
    private readonly options: { trace?: boolean } = {},
    private readonly lateLinks: readonly string[] = [],
  ) {
    this.sim = this.build();
  }

  private build(): Simulation {
    return new Simulation(this.base, { ...this.options, inactiveLinks: this.lateLinks });
  }

  /**
   * A run of `document` — this run's design with the shard links `linkIds` added — that takes
   * those links from now on, as an edit while playing does (DESIGN §3: linking a shard during a
   * run shows the keys that actually move). Like any structural edit it is a new run of the edited
   * design from 0 s (faults injected and settings changed so far are in the document by now), to be
   * sought to now; the shards linked earlier in this run, and these, join at the times they were.
   */
  withShardsLinkedNow(document: FaultlineDocument, linkIds: readonly string[]): LiveRun {
    const timeMs = this.sim.now;
    const next = new LiveRun(document, this.options, [...this.lateLinks, ...linkIds]);
    for (const action of this.actions) if (action.kind === 'link') next.record(action);
    for (const linkId of linkIds) next.record({ timeMs, kind: 'link', linkId });
    return next;
  }

  get nowMs(): number {
    return this.sim.now;
  }

  get durationMs(): number {
    return this.sim.durationMs;
  }

  /** Simulates up to `timeMs` (≥ now), applying recorded actions at their times on the way. */
  advanceTo(timeMs: number): void {
    const actions = this.actions;
    while (this.applied < actions.length && actions[this.applied].timeMs <= timeMs) {
      const action = actions[this.applied++];
      this.sim.runUntil(action.timeMs);
      if (action.kind === 'inject') this.injectedEvents.add(this.sim.inject(action.event));
      else if (action.kind === 'config') this.sim.setNodeConfig(action.nodeId, action.patch);
      else this.sim.activateLink(action.linkId);
    }
    // At equal times too: the events due now (a scenario event at 0 s, before anything ran) are
    // applied, so a pause there shows its narration. They run in the same (time, seq) order as
    // they would on the next advance.
    if (timeMs >= this.sim.now) this.sim.runUntil(timeMs);
  }

  /**
   * Goes to `timeMs`: forwards by simulating on, backwards by re-simulating from t=0. `progress` is
   * told the simulated time reached after every {@link SEEK_CHUNK_MS}, so a host can show it is alive.
   */
  seek(timeMs: number, progress?: (nowMs: number) => void): void {
    while (!this.seekStep(timeMs)) progress?.(this.sim.now);
  }

  /**
   * One step of a seek to `timeMs`, for a host that gives its message loop a turn between steps:
   * starts over from t=0 if `timeMs` is behind, else simulates up to {@link SEEK_CHUNK_MS} towards
   * it. True once the run is there (nothing was simulated then). Stepping in any number of calls
   * reaches the same state as one {@link seek}, since the chunks are the same.
   */
  seekStep(timeMs: number): boolean {
    if (timeMs < this.sim.now) {
      this.sim = this.build();
      this.applied = 0;
    }
    if (this.sim.now >= timeMs) return true;
    this.advanceTo(Math.min(timeMs, this.sim.now + SEEK_CHUNK_MS));
    return false;
  }

  /** Injects a (validated) scenario event just after now; returns it stamped with its time. */
  inject(event: ScenarioEvent): ScenarioEvent {
    const timeMs = injectionTimeMs(this.sim.now);
    const stamped: ScenarioEvent = { ...event, atS: timeMs / 1000 };
    this.record({ timeMs, kind: 'inject', event: stamped });
    this.advanceTo(timeMs);
    return stamped;
  }

  /** Hot-applies a node config patch from now on. */
  setNodeConfig(nodeId: string, patch: Record<string, unknown>): void {
    const timeMs = this.sim.now;
    this.record({ timeMs, kind: 'config', nodeId, patch });
    this.advanceTo(timeMs);
  }

  /** Keeps the timeline sorted (stable): after a seek backwards, later actions are still ahead. */
  private record(action: LiveAction): void {
    let index = this.actions.length;
    while (index > this.applied && this.actions[index - 1].timeMs > action.timeMs) index--;
    this.actions.splice(index, 0, action);
  }
}
