import { FAILOVER, HA_ADDRESS, HEALTH_DOWN, HEALTH_UP, LOG_BACKLOG_CAP, RANDOM_CRASH, RANDOM_REPAIR, type Frame } from '../../shared/sim/session/protocol';
import type { EngineEvent } from '../engine/engineClient';
import { NODE_ROW_VALUES, nodeRowFloats } from '../../shared/sim/session/nodeRows';
import { addressLogEntry, failoverLogEntry, healthLogEntry, randomFailureLogEntry, scenarioLogEntry, type LiveLogEntry } from './liveLog';
import { MetricSeries, NodeSeries } from './metricSeries';
import { ConsistencySeries } from './consistencySeries';
import { runSummary } from './runSummary';
import { warningText, type SimWarning } from '../../shared/sim/warnings';
import type { NodeNamer } from './nodeNames';

/** Most log entries kept (as many as the engine holds back for the log); older ones scroll away (the count of dropped ones is shown). */
export const LOG_KEEP = LOG_BACKLOG_CAP;

/** The report's check rows (DESIGN §5), as far as the live view reads them. */
export interface ReportCheckRow {
  id: string;
  actual: number | null;
  pass: boolean;
}

/** A problem in words, each warning's nodes named by `name` (the live view's namer; ids by default). */
export function problemText(problem: readonly SimWarning[], name?: NodeNamer): string {
  return problem.map((parts) => warningText(parts, name)).join(' ');
}

/** A narration caption (an event's note), with the simulated time it belongs to. */
export interface Caption {
  timeMs: number;
  text: string;
  /** The scenario asked the player to pause here. */
  paused: boolean;
}

/**
 * Everything the engine has told the live view, kept between frames: the newest frame, per-second
 * metric and consistency rows, per-node series, the event log (scenario events plus health-check marks noticed
 * between frames), captions, notices and the final report. Panels subscribe and read; `version`
 * changes whenever something did (for useSyncExternalStore).
 */
export class LiveModel {
  nodeIds: readonly string[] = [];
  linkIds: readonly string[] = [];
  /** Link id → [from, to] node ids (from the running document). */
  linkEnds = new Map<string, readonly [string, string]>();
  durationMs = 0;
  frame: Frame | null = null;
  metrics = new MetricSeries(0);
  consistency = new ConsistencySeries(0);
  utilization = new NodeSeries(0, 0);
  queueFill = new NodeSeries(0, 0);
  hitRatio = new NodeSeries(0, 0);
  log: LiveLogEntry[] = [];
  logDropped = 0;
  caption: Caption | null = null;
  notice: string | null = null;
  /**
   * What the engine warns about the running design, as warning parts with nodes as references,
   * so the Design problems list names them as the user does (`problemText`). Listed there, not
   * announced: a design mid-edit (a queue just dropped, its worker not yet linked) is often
   * warned about, and an alert at every such step would shout at the user for working.
   */
  warnings: readonly SimWarning[] = [];
  /** A command the engine refused, in the same form; shown over the canvas until dismissed. */
  problem: readonly SimWarning[] | null = null;
  report: Record<string, unknown> | null = null;
  /** A seek that is taking a while: how far the engine has got (simulated ms); null once a frame comes. */
  seekProgress: { doneMs: number; targetMs: number } | null = null;
  version = 0;
  /** Changes whenever the run's history starts over (load, reset, seek back, a re-simulated edit). */
  runSeq = 0;
  private logSeq = 0;
  /** The caption is a scenario note (not the run's summary), so a note at its moment joins it. */
  private captionIsNarration = false;
  private readonly listeners = new Set<() => void>();

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The document about to run: which link joins which nodes (for naming log entries). */
  setLinkEnds(ends: ReadonlyMap<string, readonly [string, string]>): void {
    this.linkEnds = new Map(ends);
  }

  applyEvent(event: EngineEvent): void {
    switch (event.type) {
      case 'loaded': {
        this.nodeIds = event.nodeIds;
        this.linkIds = event.linkIds;
        this.durationMs = event.durationMs;
        const seconds = Math.ceil(event.durationMs / 1000);
        this.metrics = new MetricSeries(seconds);
        this.consistency = new ConsistencySeries(seconds);
        this.utilization = new NodeSeries(event.nodeIds.length, seconds);
        this.queueFill = new NodeSeries(event.nodeIds.length, seconds);
        this.hitRatio = new NodeSeries(event.nodeIds.length, seconds);
        this.restart();
        // A notice about the previous document ("Paused at 20 s: app2 crashes…") is not about this one.
        this.notice = null;
        this.problem = null;
        this.warnings = event.warnings;
        break;
      }
      case 'finished':
        this.report = event.report;
        // The last narration gives way to how the run went.
        this.caption = { timeMs: this.durationMs, text: runSummary(event.report), paused: false };
        this.captionIsNarration = false;
        break;
      case 'warnings':
        this.warnings = event.warnings;
        break;
      case 'notice':
        this.notice = event.message;
        break;
      case 'rejected':
        this.problem = [[refusal(event.command, event.message)]];
        break;
      case 'injected':
        break;
      case 'progress':
        this.seekProgress = { doneMs: event.doneMs, targetMs: event.targetMs };
        break;
    }
    this.changed();
  }

  applyFrame(frame: Frame): void {
    this.seekProgress = null;
    if (frame.resync) {
      // A design edited after the end is re-run to its end, and its report posted, before this
      // first frame of the re-run: keep that report (and its summary) rather than start over blank.
      const { report, caption, captionIsNarration } = this;
      this.restart();
      if (frame.ended && report !== null) {
        this.report = report;
        this.caption = caption;
        this.captionIsNarration = captionIsNarration;
      }
    }
    this.metrics.apply(frame.metricRows);
    this.consistency.apply(frame.consistencyRows);
    this.applyNodeRows(frame.nodeRows, frame.nodeStatus.length);
    this.logDropped += frame.logDropped;
    for (const entry of frame.log) {
      if (entry.action === FAILOVER) {
        if (entry.target !== undefined && entry.from !== undefined) this.push(failoverLogEntry(this.logSeq++, entry.timeMs, entry.from, entry.target));
        continue;
      }
      if (entry.action === HA_ADDRESS) {
        if (entry.target !== undefined && entry.from !== undefined) this.push(addressLogEntry(this.logSeq++, entry.timeMs, entry.from, entry.target));
        continue;
      }
      if (entry.action === RANDOM_CRASH || entry.action === RANDOM_REPAIR) {
        if (entry.target !== undefined) this.push(randomFailureLogEntry(this.logSeq++, entry.timeMs, entry.target, entry.action === RANDOM_CRASH));
        continue;
      }
      if (entry.action === HEALTH_DOWN || entry.action === HEALTH_UP) {
        const ends = entry.target === undefined ? undefined : this.linkEnds.get(entry.target);
        if (ends !== undefined) this.push(healthLogEntry(this.logSeq++, entry.timeMs, ends[0], ends[1], entry.target!, entry.action === HEALTH_DOWN));
        continue;
      }
      this.push(scenarioLogEntry(this.logSeq++, entry, this.linkEnds));
      if (entry.note === undefined) continue;
      // Events at one moment narrate together (lesson 12 pauses on two app servers cut off, then
      // the database failing as often as they do): the later note alone hid the first.
      if (this.captionIsNarration && this.caption !== null && entry.timeMs === this.caption.timeMs) {
        this.caption = { ...this.caption, text: `${this.caption.text} ${entry.note}` };
        continue;
      }
      // Only a later caption replaces one: the end-of-run summary may arrive before the frame that
      // carries the run's last notes (at Max speed one step can cover both).
      if (entry.timeMs >= (this.caption?.timeMs ?? -Infinity)) {
        this.caption = { timeMs: entry.timeMs, text: entry.note, paused: false };
        this.captionIsNarration = true;
      }
    }
    if (!frame.ended) this.report = null;
    this.frame = frame;
    this.changed();
  }

  /** Exact per-second utilization, hit ratio and queue fill per node (session/nodeRows.ts layout). */
  private applyNodeRows(rows: Float64Array, nodes: number): void {
    const stride = nodeRowFloats(nodes);
    for (let o = 0; o + stride <= rows.length; o += stride) {
      const t = rows[o];
      for (let i = 0; i < nodes; i++) {
        this.utilization.set(t, i, rows[o + 1 + i * NODE_ROW_VALUES]);
        this.hitRatio.set(t, i, rows[o + 2 + i * NODE_ROW_VALUES]);
        this.queueFill.set(t, i, rows[o + 3 + i * NODE_ROW_VALUES]);
      }
    }
  }

  /** The caption the scenario paused on is marked so the caption bar can say why playback stopped. */
  markCaptionPaused(): void {
    if (this.caption !== null) this.caption = { ...this.caption, paused: true };
    this.changed();
  }

  dismissCaption(): void {
    this.caption = null;
    this.changed();
  }

  /** Playback resumed: a notice about where it stopped is old news (problems stay). */
  clearNotice(): void {
    if (this.notice === null) return;
    this.notice = null;
    this.changed();
  }

  dismissNotice(): void {
    this.notice = null;
    this.problem = null;
    this.changed();
  }

  private push(entry: LiveLogEntry): void {
    this.log.push(entry);
    if (this.log.length > LOG_KEEP) {
      const excess = this.log.length - LOG_KEEP;
      this.log.splice(0, excess);
      this.logDropped += excess;
    }
  }

  /** A fresh start of the run's history (load, seek, reset): the engine re-sends rows and log. */
  private restart(): void {
    // Charts start with fresh axes (uPlot keeps its last scales when given no data).
    this.runSeq++;
    this.metrics.clear();
    this.consistency.clear();
    this.utilization.clear();
    this.queueFill.clear();
    this.hitRatio.clear();
    this.log = [];
    this.logDropped = 0;
    this.caption = null;
    this.captionIsNarration = false;
    this.report = null;
  }

  private changed(): void {
    this.version++;
    for (const listener of this.listeners) listener();
  }
}

/** What each command was trying to do, for the alert when the engine refuses it. */
const COMMAND_ACTIONS: Readonly<Record<string, string>> = {
  load: 'load the design',
  play: 'play',
  pause: 'pause',
  speed: 'change the speed',
  step: 'step',
  seek: 'seek',
  cancelSeek: 'stop the seek',
  reset: 'reset',
  inject: 'inject the fault',
  edit: 'apply the edit to the run',
  restartEngine: 'restart the engine',
};

/** A refused command as the user reads it: what did not happen, then the engine's reason. */
export function refusal(command: string, message: string): string {
  const action = Object.hasOwn(COMMAND_ACTIONS, command) ? COMMAND_ACTIONS[command] : `run the command “${command}”`;
  return `Could not ${action}: ${message}`;
}
