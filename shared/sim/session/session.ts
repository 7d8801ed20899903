import type { FaultlineDocument, ScenarioEvent } from '../../model/types';
import { loadDocument } from '../../model/load';
import { reportToJson, type Report } from '../report';
import { Simulation } from '../simulation';
import { appendScenarioEvent, lastScenarioEvent, planEdit } from './documentEdits';
import { LiveRun, SEEK_CHUNK_MS } from './liveRun';
import { metricRows } from './metricRows';
import { consistencyRowsSince } from './consistencyRows';
import { markedDownLinks } from './markedDownLinks';
import { LinkRates } from './linkRates';
import { LiveChecks } from './liveChecks';
import { recentHitRatios } from './hitRatios';
import { nodeRows } from './nodeRows';
import { NodeStateSampler } from './nodeStates';
import { collectPackets } from './packets';
import { Pacer, type PacedRun, type PacerOptions, type RealClock, type ScheduleTask } from './pacer';
import {
  CONSISTENCY_COUNTS,
  FAILOVER,
  HA_ADDRESS,
  HEALTH_DOWN,
  HEALTH_UP,
  LOG_BACKLOG_CAP,
  LOG_SLICE_CAP,
  PROTOCOL_VERSION,
  RANDOM_CRASH,
  RANDOM_REPAIR,
  frameTransferables,
  parseEngineCommand,
  type EngineCommand,
  type EngineMessage,
  type Frame,
  type LogEntry,
} from './protocol';

/** Real ms between heartbeats sent while a long seek runs (well inside the supervisor's timeout). */
const STILL_ALIVE_INTERVAL_MS = 250;

/**
 * Real ms a seek simulates before the message loop gets a turn: short enough that Cancel, or a
 * new place to go while scrubbing, is taken within a blink; long enough that yielding costs nothing.
 */
export const SEEK_SLICE_MS = 50;

/** Sends a message to the UI; `transfer` lists buffers the transport may move instead of copy. */
export type PostMessage = (message: EngineMessage, transfer: ArrayBuffer[]) => void;

export interface SessionOptions extends PacerOptions {
  post: PostMessage;
  clock: RealClock;
  schedule: ScheduleTask;
}

/** What belongs to the document currently running; replaced on load, reset and structural edits. */
interface Running {
  run: LiveRun;
  sampler: NodeStateSampler;
  checks: LiveChecks;
  /** Per-link throughput for the flow dashes, over this run's simulated time. */
  linkRates: LinkRates;
  /**
   * Per log source (applied scenario events, World.randomFailureMarks, World.healthMarks,
   * World.failoverMarks, World.addressMarks), how many are already sent in the event log.
   */
  logNext: [number, number, number, number, number];
  /** First metric row that may still change (its requests are not all finished). */
  rowsFrom: number;
  resync: boolean;
  report: Report | null;
  /** What the engine warns about the design as it now is (posted with `loaded`, then on change). */
  warnings: string;
  /** A setting changed while this run played has been announced (once a run: a slider sends many). */
  liveEditTold: boolean;
}

/**
 * A seek under way. It runs in slices with the message loop in between ({@link SEEK_SLICE_MS}), so
 * a `cancelSeek` can stop it where it has got to and a new `seek` can send it elsewhere (a scrub
 * lands only where the pointer stopped). Anything else that arrives meanwhile waits and then runs
 * in order, as it would have after a seek done in one go.
 */
interface SeekJob {
  targetMs: number;
  /** The simulation before the seek: if the seek replaced it (going back), the run's views start over. */
  simBefore: Simulation;
  /** The run was playing: it plays on from where the seek lands. */
  resumePlaying: boolean;
  deferred: EngineCommand[];
  cancelSlice: (() => void) | null;
  onLanded: ((nowMs: number) => void) | null;
}

/**
 * The live simulation session (DESIGN §6), independent of any transport: it takes protocol
 * commands (validated here — whatever sends them is an input), runs the document with a Pacer, and
 * posts frames. The Electron worker_thread and the web edition's Web Worker each wrap it in a few
 * lines; nothing in here knows which one it runs in.
 */
export class Session implements PacedRun {
  private document: FaultlineDocument | null = null;
  private running: Running | null = null;
  /** Playing stopped at 0 s for a scenario pause there, or was moved on from it (see nextPause). */
  private startPauseTaken = false;
  private readonly pacer: Pacer;
  private readonly post: PostMessage;
  private readonly clock: RealClock;
  private readonly schedule: ScheduleTask;
  private lastAliveMs = 0;
  private frameSeq = 0;
  private seeking: SeekJob | null = null;

  constructor(options: SessionOptions) {
    this.post = options.post;
    this.clock = options.clock;
    this.schedule = options.schedule;
    this.pacer = new Pacer(this, options.clock, options.schedule, options);
  }

  /** Handles one message from the UI. Malformed or impossible commands are answered with `rejected`. */
  handle(data: unknown): void {
    const parsed = parseEngineCommand(data);
    if (!parsed.ok) {
      const type = typeof data === 'object' && data !== null && typeof (data as { type?: unknown }).type === 'string' ? (data as { type: string }).type : 'unknown';
      this.reject(type, `malformed command: ${parsed.error}`);
      return;
    }
    this.dispatchGuarded(parsed.value);
  }

  private dispatchGuarded(command: EngineCommand): void {
    try {
      if (this.seeking === null || !this.whileSeeking(command, this.seeking)) this.dispatch(command);
    } catch (error) {
      this.failed(command.type, error);
    }
  }

  /** A model bug must not take the session down with a half-applied command: say so and stop. */
  private failed(command: string, error: unknown): void {
    this.pacer.pause();
    this.reject(command, `the simulation failed: ${error instanceof Error ? error.message : String(error)}`);
  }

  /**
   * A command that arrives while a seek is under way; true when it has been dealt with here. A seek
   * goes elsewhere at once (unless commands wait before it), `cancelSeek` stops the seek where it
   * has got to, a load or reset stops it too and then runs, and anything else waits for the landing.
   */
  private whileSeeking(command: EngineCommand, job: SeekJob): boolean {
    switch (command.type) {
      case 'seek':
        if (job.deferred.length > 0) break;
        job.targetMs = this.clampedSeekTarget(command.timeMs);
        return true;
      case 'cancelSeek':
        this.landSeek();
        return true;
      case 'load':
      case 'reset':
        // What waited runs first, as it would have; a seek among it is stopped at its start.
        while (this.seeking !== null) this.landSeek();
        return false;
    }
    job.deferred.push(command);
    return true;
  }

  private dispatch(command: EngineCommand): void {
    if (command.type === 'load') return this.load(command.documentText);
    if (command.type === 'restartEngine') return this.reject(command.type, 'only the engine supervisor restarts the engine');
    const running = this.running;
    if (running === null) return this.reject(command.type, 'no document is loaded');
    switch (command.type) {
      case 'play':
        // Played again after the end: the design as it now is, from 0 s — the run its saved file
        // (and the CLI) gives. Seeking to 0 would replay the old design, with config edits made
        // since at the moments they were made (one made after the end never in effect).
        if (running.report !== null) {
          this.startPauseTaken = false; // a pause at 0 s holds the replay too
          this.start(this.document!, false);
        }
        this.pacer.play();
        return;
      case 'pause':
        this.pacer.pause();
        return this.frame(0);
      case 'speed':
        this.pacer.setSpeed(command.speed);
        return this.frame(0);
      case 'step': {
        this.pacer.pause();
        // Stepping on by hand moves on from a pause asked for at 0 s.
        this.startPauseTaken = true;
        const target = running.run.nowMs + command.deltaMs;
        // In chunks, like a seek: a long step must not look like a hang.
        while (running.run.nowMs < target && this.advance(Math.min(target, running.run.nowMs + SEEK_CHUNK_MS))) this.stillAlive();
        return this.frame(0);
      }
      case 'seek':
        return this.seekTo(command.timeMs);
      case 'cancelSeek':
        // The seek it was meant for has landed already (its frame is on the way): nothing to stop.
        return;
      case 'reset':
        // The design as it is now, from t = 0: config edits made during the run become part of
        // the run from its start (a seek would replay them at the moment they were made).
        this.pacer.pause();
        this.startPauseTaken = false;
        this.start(this.document!, false);
        return this.frame(0);
      case 'inject':
        return this.inject(command.event);
      case 'edit':
        return this.edit(command.documentText);
    }
  }

  /**
   * Long synchronous work (seeking re-simulates from t=0) keeps the message loop busy, so the
   * host's heartbeat timer cannot fire; progress proves the engine is not stuck, so say so — on a
   * seek with how far it has got, which the UI shows when a seek takes a while.
   */
  private stillAlive(progress?: { doneMs: number; targetMs: number }): void {
    const now = this.clock.now();
    if (now - this.lastAliveMs < STILL_ALIVE_INTERVAL_MS) return;
    this.lastAliveMs = now;
    this.post(progress === undefined ? { type: 'heartbeat' } : { type: 'progress', ...progress }, []);
  }

  private reject(command: string, message: string, problems: { path: string; message: string }[] = []): void {
    this.post({ type: 'rejected', command, message, problems }, []);
  }

  private parseDocument(command: string, text: string): FaultlineDocument | null {
    const loaded = loadDocument(text);
    if (loaded.ok) return loaded.document;
    const problems = loaded.errors.map(({ path, message }) => ({ path, message }));
    this.reject(command, `the document is not valid: ${problems.map((p) => (p.path ? `${p.path}: ${p.message}` : p.message)).join('; ')}`, problems);
    return null;
  }

  private load(text: string): void {
    const document = this.parseDocument('load', text);
    if (document === null) return;
    this.pacer.pause();
    this.startPauseTaken = false;
    this.start(document, true);
    this.frame(0);
  }

  /** Builds a run of `document` (or takes `run`, one of it), at 0 s. */
  private start(document: FaultlineDocument, announce: boolean, run = new LiveRun(document)): void {
    this.document = document;
    this.running = {
      run,
      sampler: new NodeStateSampler(run.sim, document),
      checks: new LiveChecks(run.sim, document),
      linkRates: new LinkRates(run.sim.world.links.count),
      logNext: [0, 0, 0, 0, 0],
      rowsFrom: 0,
      resync: true,
      report: null,
      warnings: JSON.stringify(run.sim.warningParts),
      liveEditTold: false,
    };
    this.pacer.resync();
    if (!announce) return;
    const world = run.sim.world;
    this.post(
      { type: 'loaded', protocol: PROTOCOL_VERSION, nodeIds: [...world.nodeIds], linkIds: Object.keys(document.links), durationMs: run.durationMs, warnings: run.sim.warningParts.map((parts) => [...parts]) },
      [],
    );
  }

  private clampedSeekTarget(timeMs: number): number {
    return Math.min(Math.max(0, timeMs), this.running!.run.durationMs);
  }

  private seekTo(timeMs: number): void {
    this.startPauseTaken = false;
    if (this.isShowing(timeMs)) {
      // Already there (End pressed twice, a click on the playhead): a seek would run the whole
      // run again from 0 s, since an ended run has simulated past its end to settle its requests.
      this.frame(0);
      return;
    }
    this.beginSeek(timeMs, null);
  }

  /** Is the run showing `timeMs` now: there, or ended (its report is out) and asked for its end? */
  private isShowing(timeMs: number): boolean {
    const { run, report } = this.running!;
    const target = this.clampedSeekTarget(timeMs);
    return target === run.nowMs || (report !== null && target === run.durationMs);
  }

  /**
   * Starts a seek; a short one lands before this returns, a long one in later slices. `onLanded`
   * is told where it landed (its target, or where a cancel stopped it) before the frame showing it.
   */
  private beginSeek(timeMs: number, onLanded: ((nowMs: number) => void) | null): void {
    const running = this.running!;
    this.seeking = { targetMs: this.clampedSeekTarget(timeMs), simBefore: running.run.sim, resumePlaying: this.pacer.playing, deferred: [], cancelSlice: null, onLanded };
    // Playing would move the run on between the slices.
    this.pacer.pause();
    this.seekSlice();
  }

  /** Simulates towards the seek's target for up to {@link SEEK_SLICE_MS}, then lands or yields. */
  private seekSlice(): void {
    const job = this.seeking!;
    job.cancelSlice = null;
    try {
      const run = this.running!.run;
      const sliceStart = this.clock.now();
      let arrived = false;
      do {
        arrived = run.seekStep(job.targetMs);
        if (!arrived) this.stillAlive({ doneMs: run.nowMs, targetMs: job.targetMs });
      } while (!arrived && this.clock.now() - sliceStart < SEEK_SLICE_MS);
      if (arrived) this.landSeek();
      else job.cancelSlice = this.schedule(() => this.seekSlice(), 0);
    } catch (error) {
      // As for any command that fails (dispatchGuarded); what waited for the seek still runs.
      if (this.seeking === job) this.seeking = null;
      this.failed('seek', error);
      for (const command of job.deferred) this.dispatchGuarded(command);
    }
  }

  /** Ends the seek where the run is now (its target, or wherever a cancel stopped it). */
  private landSeek(): void {
    const job = this.seeking!;
    this.seeking = null;
    job.cancelSlice?.();
    const running = this.running!;
    if (running.run.sim !== job.simBefore) {
      running.sampler = new NodeStateSampler(running.run.sim, this.document!);
      running.checks = new LiveChecks(running.run.sim, this.document!);
      running.linkRates = new LinkRates(running.run.sim.world.links.count);
      running.logNext = [0, 0, 0, 0, 0];
      running.rowsFrom = 0;
      running.resync = true;
      running.report = null;
    }
    job.onLanded?.(running.run.nowMs);
    // Landing on the end is the end: the report, as playing to it gives, not figures "so far".
    if (running.report === null && running.run.nowMs >= running.run.durationMs) this.finishRun(running);
    if (job.resumePlaying) this.pacer.play();
    else this.pacer.resync();
    this.frame(0);
    for (let i = 0; i < job.deferred.length; i++) {
      this.dispatchGuarded(job.deferred[i]);
      // One of them started another seek: the rest wait for that one.
      const next = this.seeking as SeekJob | null;
      if (next !== null) {
        next.deferred.push(...job.deferred.slice(i + 1));
        return;
      }
    }
  }

  private inject(event: Record<string, unknown>): void {
    const running = this.running!;
    const document = this.document!;
    // A fault at (or after) the end would be saved into the scenario where it never happens.
    if (running.report !== null || running.run.nowMs >= running.run.durationMs) return this.reject('inject', 'the run has ended; seek back or reset to inject a fault');
    const checked = appendScenarioEvent(document, { ...event, atS: running.run.nowMs / 1000 });
    if (!checked.ok) return this.reject('inject', checked.message, checked.problems);
    const stamped: ScenarioEvent = running.run.inject(lastScenarioEvent(checked.value));
    // The document now holds the fault at the time it took effect, so Reset and saved files replay it.
    this.document = { ...checked.value, scenario: [...document.scenario, stamped] };
    this.post({ type: 'injected', event: stamped as unknown as Record<string, unknown> & { action: string } }, []);
    // Some warnings read the scenario (a primary that crashes and comes back): ask them again.
    this.refreshWarnings(running, this.document);
    this.frame(0);
  }

  private edit(text: string): void {
    const edited = this.parseDocument('edit', text);
    if (edited === null) return;
    const running = this.running!;
    const plan = planEdit(this.document!, edited);
    const linkingNow = plan.liveLinks.length > 0 && running.report === null && running.run.nowMs > 0 && running.run.nowMs < running.run.durationMs;
    if (linkingNow) {
      const timeMs = running.run.nowMs;
      this.start(edited, true, running.run.withShardsLinkedNow(edited, plan.liveLinks));
      return this.beginSeek(timeMs, (reachedMs) => this.post({ type: 'notice', message: shardsLinkedNotice(this.running!.run.sim, edited, plan.liveLinks, timeMs, reachedMs) }, []));
    }
    if (plan.structural || plan.liveLinks.length > 0) {
      const timeMs = running.run.nowMs;
      this.start(edited, true);
      // At 0 s nothing had run: there is nothing to tell (editing before playing is the usual case).
      if (timeMs === 0) return this.frame(0);
      // Re-simulated like a seek (one that lands on the end ends the re-run with its report), and
      // like a seek it can be stopped early: the notice says how far it went.
      return this.beginSeek(timeMs, (reachedMs) => {
        this.post({ type: 'notice', message: `The design changed: re-simulated the edited design up to ${(reachedMs / 1000).toFixed(1)} s.` }, []);
      });
    } else if (plan.configPatches.size > 0 && running.run.nowMs === 0) {
      // Nothing has run yet: build the run from the edited design, as its saved file is built. A
      // setting hot-applied at 0 s is not the same run (a failure process or a token bucket starts
      // over, health-check timers are scheduled again), so the numbers would not be the CLI's.
      const warnings = running.warnings;
      this.start(edited, false);
      this.refreshWarnings(this.running!, edited, warnings);
    } else {
      const checksChanged = JSON.stringify(this.document!.checks) !== JSON.stringify(edited.checks);
      this.document = edited;
      for (const [nodeId, patch] of plan.configPatches) running.run.setNodeConfig(nodeId, patch);
      // From here on this run is not the saved design's run (that one has the setting from 0 s),
      // so its final numbers will not be the CLI's: say so, once, and how to get that run.
      if (plan.configPatches.size > 0 && !running.liveEditTold) {
        running.liveEditTold = true;
        // After the end the results on screen are the old design's, and nothing says so otherwise.
        const message =
          running.report === null
            ? `Setting changed at ${(running.run.nowMs / 1000).toFixed(1)} s: this run uses the new value from here on, so its numbers will differ from the saved design's. Reset runs the design with it from 0 s.`
            : "Setting changed after the run ended: the results shown are the design's before the change. Play runs the edited design from 0 s.";
        this.post({ type: 'notice', message }, []);
      }
      running.sampler.refreshConfigs(edited);
      running.checks.refresh(edited);
      this.refreshWarnings(running, edited);
      // After the end the report has the last word on checks: measure the edited ones on it.
      if (running.report !== null && checksChanged) {
        running.report = this.reportOfDocument(running.run.sim);
        this.post({ type: 'finished', report: JSON.parse(reportToJson(running.report)) as Record<string, unknown> }, []);
      }
    }
    this.frame(0);
  }

  /**
   * Some warnings depend on a node's config (sticky sessions without layer 7, an app that reads
   * from replicas…), so a hot-applied edit can make one true or false: ask a fresh build of the
   * edited design (no event is run) and tell the UI if the answer changed.
   */
  private refreshWarnings(running: Running, edited: FaultlineDocument, told = running.warnings): void {
    const warnings = new Simulation(edited).warningParts;
    const text = JSON.stringify(warnings);
    if (text === told) return;
    running.warnings = text;
    this.post({ type: 'warnings', warnings: warnings.map((parts) => [...parts]) }, []);
  }

  /** The run reached its end: follow the requests in flight to their outcome and post the report. */
  private finishRun(running: Running): void {
    running.report = this.reportOfDocument(running.run.sim);
    // The CLI's JSON report (DESIGN §5), rounded the same way.
    this.post({ type: 'finished', report: JSON.parse(reportToJson(running.report)) as Record<string, unknown> }, []);
  }

  /**
   * The finished run's report for the document as it now is. Checks and the title may have been
   * edited while the run played (neither changes the run, so the simulation kept the ones it was
   * built with): scored and titled as the saved file's report is, not as the file was at load.
   */
  private reportOfDocument(sim: Simulation): Report {
    const document = this.document!;
    const report = sim.rescoreChecks(document.checks);
    return report.title === document.meta.title ? report : { ...report, title: document.meta.title };
  }

  // --- PacedRun -----------------------------------------------------------------------------------

  get simNowMs(): number {
    return this.running === null ? 0 : Math.min(this.running.run.nowMs, this.running.run.durationMs);
  }

  advance(targetMs: number): boolean {
    const running = this.running;
    if (running === null || running.report !== null) return false;
    const run = running.run;
    const pause = this.nextPause(run.nowMs, targetMs);
    const to = Math.min(targetMs, run.durationMs, pause?.timeMs ?? Number.POSITIVE_INFINITY);
    run.advanceTo(to);
    // Progress is proof of life too: a busy message loop may run the host's heartbeat timer late.
    this.stillAlive();
    if (run.nowMs >= run.durationMs) {
      this.finishRun(running);
      return false;
    }
    if (pause !== null && run.nowMs >= pause.timeMs) {
      if (pause.timeMs === 0) this.startPauseTaken = true;
      this.post({ type: 'notice', message: `Paused at ${(pause.timeMs / 1000).toFixed(1)} s${pause.note ? `: ${pause.note}` : ''}` }, []);
      return false;
    }
    return true;
  }

  /**
   * The first scenario event after `afterMs` (up to `untilMs`) that asks the player to pause; one
   * at 0 s counts from the start of the run too, until playing has stopped there once (nothing
   * comes before it, so it was skipped: a lesson's opening narration ran on unread).
   */
  private nextPause(afterMs: number, untilMs: number): { timeMs: number; note?: string } | null {
    let best: { timeMs: number; note?: string } | null = null;
    for (const event of this.document!.scenario) {
      const timeMs = event.atS * 1000;
      const ahead = timeMs > afterMs || (timeMs === 0 && afterMs === 0 && !this.startPauseTaken);
      if (event.pause === true && ahead && timeMs <= untilMs && (best === null || timeMs < best.timeMs)) best = { timeMs, note: event.note };
    }
    return best;
  }

  stopped(): void {
    // The frame that shows where playing stopped has been sent by the pacer.
  }

  frame(achievedSpeed: number): void {
    // The log entries one frame had no room for follow at once, oldest first: a seek or a long step
    // can cover hundreds, and none may be lost (the log must not depend on how the run got there).
    while (this.postFrame(achievedSpeed));
  }

  /** Posts one frame; true when log entries are left for another. */
  private postFrame(achievedSpeed: number): boolean {
    const running = this.running;
    if (running === null) return false;
    const run = running.run;
    const sim = run.sim;
    const nowMs = sim.now;
    const states = running.sampler.sample();
    const { packets, count } = collectPackets(sim.world.calls, nowMs);
    const currentSecond = Math.floor(Math.min(nowMs, run.durationMs) / 1000);
    const rowsTo = Math.min(currentSecond + 1, Math.ceil(run.durationMs / 1000));
    const rows = metricRows(sim.world.metrics, running.rowsFrom, rowsTo);
    const perNodeRows = nodeRows(sim, running.rowsFrom, rowsTo);
    const perSecondConsistency = consistencyRowsSince(sim.world.consistency, running.rowsFrom, rowsTo);
    const settled = Math.floor((nowMs - sim.world.maxRequestLifetimeMs) / 1000);
    running.rowsFrom = Math.max(running.rowsFrom, Math.min(settled, currentSecond));
    const { entries, dropped, more } = this.logSlice(running);
    const frame: Frame = {
      type: 'frame',
      seq: this.frameSeq++,
      timeMs: Math.min(nowMs, run.durationMs),
      durationMs: run.durationMs,
      playing: this.pacer.playing,
      speed: this.pacer.speed,
      achievedSpeed,
      ended: running.report !== null,
      ...states,
      hitRatio: recentHitRatios(sim),
      linkMarkedDown: markedDownLinks(sim.world),
      linkRates: running.linkRates.sample(sim.world.links, nowMs),
      ...running.checks.sample(),
      consistency: Float64Array.from(CONSISTENCY_COUNTS, (name) => sim.world.consistency[name]),
      packetCount: count,
      packets,
      metricRows: rows,
      consistencyRows: perSecondConsistency,
      nodeRows: perNodeRows,
      resync: running.resync,
      log: entries,
      logDropped: dropped,
    };
    running.resync = false;
    this.post(frame, frameTransferables(frame));
    return more;
  }

  /**
   * The next log entries not sent yet, oldest first, at most LOG_SLICE_CAP (`more`: some are left
   * for the next frame): scenario events as they were applied, random crashes and repairs of nodes
   * with `mtbfS` (`random-crash` / `random-repair`), health checks changing their mind
   * (`health-down` / `health-up`, the target being the link checker → target) and database
   * failovers (`failover`: the target took over from `from`) and lb HA address moves (`ha-address`:
   * the target holds the address of `from` from now on), each at its exact simulated time; at
   * equal times in that order (the causes first). Of a backlog longer than LOG_BACKLOG_CAP only the
   * newest are sent, the rest counted in `dropped` (the log keeps no more than that).
   */
  private logSlice(running: Running): { entries: LogEntry[]; dropped: number; more: boolean } {
    const world = running.run.sim.world;
    const linkIds = world.links.ids;
    const applied = running.run.sim.appliedEvents;
    const random = world.randomFailureMarks;
    const marks = world.healthMarks;
    const failovers = world.failoverMarks;
    const addresses = world.addressMarks;
    const sources: { length: number; timeMs(i: number): number; entry(i: number): LogEntry }[] = [
      {
        length: applied.length,
        timeMs: (i) => applied[i].timeMs,
        entry: (i) => {
          const { timeMs, event } = applied[i];
          const entry: LogEntry = { timeMs, action: event.action, injected: running.run.injectedEvents.has(event) };
          if (event.target !== undefined) entry.target = event.target;
          if (event.note !== undefined) entry.note = event.note;
          return entry;
        },
      },
      {
        length: random.length,
        timeMs: (i) => random[i].timeMs,
        entry: (i) => ({ timeMs: random[i].timeMs, action: random[i].down ? RANDOM_CRASH : RANDOM_REPAIR, target: world.nodeIds[random[i].node], injected: false }),
      },
      {
        length: marks.length,
        timeMs: (i) => marks[i].timeMs,
        entry: (i) => ({ timeMs: marks[i].timeMs, action: marks[i].down ? HEALTH_DOWN : HEALTH_UP, target: linkIds[marks[i].link], injected: false }),
      },
      {
        length: failovers.length,
        timeMs: (i) => failovers[i].timeMs,
        entry: (i) => ({ timeMs: failovers[i].timeMs, action: FAILOVER, target: world.nodeIds[failovers[i].successor], from: world.nodeIds[failovers[i].lost], injected: false }),
      },
      {
        length: addresses.length,
        timeMs: (i) => addresses[i].timeMs,
        entry: (i) => ({ timeMs: addresses[i].timeMs, action: HA_ADDRESS, target: world.nodeIds[addresses[i].holder], from: world.nodeIds[addresses[i].active], injected: false }),
      },
    ];
    const next = running.logNext;
    const backlog = sources.reduce((sum, source, s) => sum + source.length - next[s], 0);
    /** The source holding the oldest entry not sent yet (the first source at equal times). */
    const oldest = (): number => {
      let best = -1;
      for (let s = 0; s < sources.length; s++) {
        if (next[s] < sources[s].length && (best < 0 || sources[s].timeMs(next[s]) < sources[best].timeMs(next[best]))) best = s;
      }
      return best;
    };
    const dropped = Math.max(0, backlog - LOG_BACKLOG_CAP);
    for (let skipped = 0; skipped < dropped; skipped++) next[oldest()]++;
    const entries: LogEntry[] = [];
    while (entries.length < LOG_SLICE_CAP) {
      const s = oldest();
      if (s < 0) break;
      entries.push(sources[s].entry(next[s]++));
    }
    return { entries, dropped, more: oldest() >= 0 };
  }
}

/**
 * What linking shards while playing did: the keys that moved to each new shard (the router's
 * `keysMoved` once a shard joined live), or, when the re-run was stopped before the moment of the
 * link, that the shards are not linked yet.
 */
function shardsLinkedNotice(sim: Simulation, document: FaultlineDocument, linkIds: readonly string[], timeMs: number, reachedMs: number): string {
  const name = (id: string) => document.nodes[id].name ?? id;
  const at = `${(timeMs / 1000).toFixed(1)} s`;
  if (reachedMs < timeMs) return `The design changed: re-simulated up to ${(reachedMs / 1000).toFixed(1)} s; the shard linked at ${at} joins when the run gets there.`;
  return linkIds
    .map((id) => {
      const link = document.links[id];
      const router = sim.world.models[sim.world.nodeIds.indexOf(link.from)] as { extras?: () => { keysMoved?: number } };
      const moved = router.extras?.().keysMoved;
      return `${name(link.to)} joined ${name(link.from)} as a shard at ${at}${moved === undefined ? '' : `: ${moved.toLocaleString('en-US')} keys moved to it`}.`;
    })
    .join(' ');
}