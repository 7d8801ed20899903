import type { Check, FaultlineDocument, ResolvedConfig, ScenarioEvent } from '../model/types';
import { resolveAllNodes, resolveLink } from '../model/defaults';
import { eventTimeToMillisecond } from '../model/eventTime';
import { Kernel } from './kernel';
import { createStream } from './random';
import type { Report } from './report';
import { World } from './engine/world';
import { LinkTable } from './network/linkTable';
import { Partitions } from './network/partitions';
import { createNodeModel, isSupportedKind } from './nodes/registry';
import { FailureProcess } from './scenario/failureProcess';
import { ScenarioRunner } from './scenario/scenarioRunner';
import { buildReport } from './metrics/buildReport';
import { tallyWindows, WindowStats } from './metrics/windowStats';
import { evaluateChecks } from './checks';
import { dataTierNotes } from './nodes/db/designNotes';
import { node, warning, warningText, type SimWarning } from './warnings';

/** Config settings this version accepts but does not simulate yet (said plainly, never silently). */
function notYetSimulated(id: string, config: ResolvedConfig): SimWarning[] {
  const notes: SimWarning[] = [];
  if ('sticky' in config && config.sticky && config.layer === 4) notes.push(warning`${node(id)}: sticky sessions need layer 7 (a layer-4 balancer never sees the cookie); ignored`);
  return notes;
}

export interface SimulationOptions {
  /** Overrides the document's `durationS`. */
  durationS?: number;
  /** Overrides the document's `seed`. */
  seed?: number;
  /**
   * Links of the document left out of the run until `activateLink` links them live (a shard
   * added to a router while it runs).
   */
  inactiveLinks?: readonly string[];
  /** Record the event trace's fingerprint (`fingerprint()`), for determinism tests. */
  trace?: boolean;
}

/**
 * One run of a document (DESIGN §3): build the world, then advance it with `runUntil` (the live
 * session does so frame by frame) or `finish` (the CLI: to the end, then the report).
 *
 * Hooks for the live session (DESIGN §6): `inject` applies a scenario event at the current time
 * and records it; `setNodeConfig` hot-applies a config patch; `world` exposes node liveness,
 * station fill and the call table (session/packets.ts reads the messages on the wire from it).
 */
export class Simulation {
  readonly world: World;
  readonly seed: number;
  readonly durationS: number;
  /**
   * What the engine wants the user to know about this design (a kind it does not simulate yet,
   * wiring that will surprise, events cut off by a shorter run), with nodes as references so the
   * live view can name them as the user does (`warningText`).
   */
  readonly warningParts: SimWarning[] = [];
  private readonly kernel: Kernel;
  private readonly scenario: ScenarioRunner;
  private readonly nodeIndex = new Map<string, number>();
  private report: Report | null = null;

  constructor(
    private readonly document: FaultlineDocument,
    options: SimulationOptions = {},
  ) {
    this.kernel = new Kernel({ initialCapacity: 4096, trace: options.trace === true });
    this.seed = options.seed ?? document.seed;
    this.durationS = options.durationS ?? document.durationS;
    const nodeIds = Object.keys(document.nodes);
    nodeIds.forEach((id, i) => this.nodeIndex.set(id, i));
    const nodeKinds = nodeIds.map((id) => document.nodes[id].kind);
    const linkIds = Object.keys(document.links);
    const linkIndex = new Map(linkIds.map((id, i) => [id, i] as const));
    const links = new LinkTable(
      linkIds.map((id) => resolveLink(document, id)),
      this.nodeIndex,
      (name) => createStream(this.seed, name),
    );
    this.world = new World(this.kernel, this.seed, nodeIds, nodeKinds, links, new Partitions(), this.durationS * 1000);

    const outLinks: number[][] = nodeIds.map(() => []);
    const inactive = new Set(options.inactiveLinks ?? []);
    for (let l = 0; l < links.count; l++) if (links.replication[l] === 0 && !inactive.has(links.ids[l])) outLinks[links.from[l]].push(l);
    // Resolved in one pass over the links: one resolveNodeConfig per node reads every link each time.
    const resolved = resolveAllNodes(document);
    const failures = nodeIds.map((id, index) => {
      const config = resolved.get(id)!.config;
      const kind = nodeKinds[index];
      if (!isSupportedKind(kind)) this.warningParts.push(warning`${node(id)}: ${kind} nodes are not simulated yet; they answer every request with an error`);
      this.warningParts.push(...notYetSimulated(id, config));
      this.world.models.push(createNodeModel(kind, { world: this.world, index, config, outLinks: outLinks[index], document, resolved }));
      // Every node gets one (idle without mtbfS) so that a later `set` can switch failures on.
      return new FailureProcess(this.world, index, config);
    });
    const scripted = scriptedFates(document, this.durationS);
    this.warningParts.push(
      ...dataTierNotes(
        this.world,
        outLinks,
        (node) => (resolved.get(nodeIds[node])!.config.mtbfS ?? 0) > 0 || scripted.mayCrash.has(nodeIds[node]),
        (node) => (resolved.get(nodeIds[node])!.config.mttrS ?? 0) > 0 || scripted.mayComeBack.has(nodeIds[node]),
      ),
    );
    const regions = nodeIds.map((id) => document.nodes[id].region);
    this.scenario = new ScenarioRunner(this.world, document, this.nodeIndex, linkIndex, regions, failures);

    for (const model of this.world.models) model.start?.();
    for (const failure of failures) failure.start();
    // Checks over windows that do not fall on whole seconds keep their own tallies (from now on).
    for (const window of tallyWindows(document.checks, this.durationS)) this.world.metrics.tallies.ensure(window.fromMs, window.toMs);
    this.scenario.start(document.scenario);
    // The file's own end is checked when it loads; a shorter run asked for here (the CLI's
    // --duration) can cut off events the file's end does not.
    if (this.durationS < document.durationS) {
      const cut = document.scenario.flatMap((event, i) =>
        event.atS >= this.durationS && event.atS < document.durationS ? [`scenario[${i}] (${event.action} at ${eventTimeToMillisecond(event.atS)} s)`] : [],
      );
      if (cut.length === 1) this.warningParts.push(warning`${cut[0]} is not before the end of this ${this.durationS} s run, so it never happens`);
      else if (cut.length > 1) this.warningParts.push(warning`${cut.length} scenario events, from ${cut[0]} on, are not before the end of this ${this.durationS} s run, so they never happen`);
      // Checks too: one whose window starts at or after the shorter end measures nothing and fails.
      const empty = document.checks.flatMap((check, i) =>
        check.fromS !== undefined && check.fromS >= this.durationS && check.fromS < document.durationS ? [`checks[${i}] (${check.id ?? check.metric} from ${check.fromS} s)`] : [],
      );
      if (empty.length === 1) this.warningParts.push(warning`${empty[0]} starts at or after the end of this ${this.durationS} s run, so it measures nothing and fails`);
      else if (empty.length > 1) this.warningParts.push(warning`${empty.length} checks, from ${empty[0]} on, start at or after the end of this ${this.durationS} s run, so they measure nothing and fail`);
    }
  }

  /** The warnings in words, nodes named by id (the CLI's wording). */
  get warnings(): string[] {
    return this.warningParts.map((parts) => warningText(parts));
  }

  /** Simulated time (ms). */
  get now(): number {
    return this.kernel.now;
  }

  get durationMs(): number {
    return this.durationS * 1000;
  }

  /** Kernel events processed so far. */
  get events(): number {
    return this.kernel.eventsProcessed;
  }

  /** Client requests generated, finished, and in between (generated = finished + inFlight, always). */
  get requestCounts(): { generated: number; finished: number; inFlight: number } {
    const world = this.world;
    return { generated: world.generated, finished: world.finished, inFlight: world.inFlight };
  }

  /** Processes every event up to `timeMs` (which may lie beyond the duration: nothing new is generated there). */
  runUntil(timeMs: number): void {
    if (timeMs < this.kernel.now) throw new RangeError(`runUntil(${timeMs}): cannot go back from ${this.kernel.now} ms`);
    this.kernel.runUntil(timeMs);
  }

  /**
   * Runs to the duration, stops generating, follows every request still in flight to its
   * outcome (each is bounded by its timeouts and retries), and returns the report. Idempotent.
   */
  /**
   * The finished run's report with its checks measured again, for `checks` edited after the end
   * (a check over a window that is not whole seconds and was not in the document at the start is
   * measured over the whole seconds it touches: the live session re-runs the design instead).
   */
  rescoreChecks(checks: readonly Check[]): Report {
    const report = this.finish();
    const stats = new WindowStats(this.world, this.durationS);
    this.report = { ...report, checks: evaluateChecks(checks, stats, this.durationS, this.nodeIndex) };
    return this.report;
  }

  finish(): Report {
    if (this.report !== null) return this.report;
    const world = this.world;
    if (this.kernel.now < this.durationMs) this.kernel.runUntil(this.durationMs);
    world.stopGeneratingMs = Math.min(world.stopGeneratingMs, this.kernel.now);
    // Every request ends within its timeouts and backoffs; the bound only guards against a model
    // bug turning the drain into an endless walk through health checks.
    const limitMs = this.kernel.now + world.maxRequestLifetimeMs + 1000;
    while (world.inFlight > 0 && this.kernel.peekTime() <= limitMs) this.kernel.step();
    if (world.inFlight > 0) throw new Error(`${world.inFlight} client requests never finished (simulation bug)`);
    this.report = buildReport(world, this.document, this.seed, this.durationS, this.nodeIndex);
    return this.report;
  }

  /** Hash of every event processed so far: equal runs have equal fingerprints. */
  fingerprint(): string {
    return this.kernel.fingerprint();
  }

  /** Applies a scenario event now (a fault injected while playing); returns it stamped with the time. */
  inject(event: ScenarioEvent): ScenarioEvent {
    const stamped = this.scenario.inject(event);
    this.kernel.runUntil(this.kernel.now); // apply it before returning
    return stamped;
  }

  /**
   * Links, from now on, a link that was left out with `inactiveLinks` (live editing). Only kinds
   * that can take a new link while running accept it (a shard router gaining a shard).
   */
  activateLink(linkId: string): void {
    const links = this.world.links;
    const link = links.ids.indexOf(linkId);
    if (link < 0) throw new Error(`no link "${linkId}"`);
    const model = this.world.models[links.from[link]] as { addLink?: (link: number) => void; kind: string };
    if (model.addLink === undefined) throw new Error(`${model.kind} nodes cannot take a new link while running`);
    model.addLink(link);
  }

  /** Hot-applies a sparse config patch to a node from now on (same as a `set` event). */
  setNodeConfig(nodeId: string, patch: Record<string, unknown>): void {
    const node = this.nodeIndex.get(nodeId);
    if (node === undefined) throw new Error(`no node "${nodeId}"`);
    this.scenario.setConfig(node, patch);
  }

  /** Scenario events applied so far, in order (file events and injected ones). */
  get appliedEvents(): readonly { timeMs: number; event: ScenarioEvent }[] {
    return this.scenario.applied;
  }
}

/**
 * The nodes the scenario may crash (a `crash`, or a `set` giving `mtbfS`) and may bring back after
 * a crash (a `restart`, or a `set` giving `mttrS`). Only events before the end count (one after it
 * never happens, as Design problems says). A node's own `mtbfS` / `mttrS` count too (the caller's).
 */
function scriptedFates(document: FaultlineDocument, durationS: number): { mayCrash: Set<string>; mayComeBack: Set<string> } {
  const mayCrash = new Set<string>();
  const mayComeBack = new Set<string>();
  const positive = (value: unknown): boolean => typeof value === 'number' && value > 0;
  for (const event of document.scenario) {
    if (event.target === undefined || !(event.atS < durationS)) continue;
    if (event.action === 'crash' || (event.action === 'set' && positive(event.params?.mtbfS))) mayCrash.add(event.target);
    if (event.action === 'restart' || (event.action === 'set' && positive(event.params?.mttrS))) mayComeBack.add(event.target);
  }
  return { mayCrash, mayComeBack };
}
