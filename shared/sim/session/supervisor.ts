import { loadDocument } from '../../model/load';
import { saveDocument } from '../../model/save';
import type { ScenarioEvent } from '../../model/types';
import { parseEngineCommand, type EngineMessage, type EngineStatus } from './protocol';
import { DEBUG_COMMAND, type DebugAction } from './debugCommand';

/** A running engine worker, as the supervisor sees it. */
export interface EngineWorkerHandle {
  post(data: unknown): void;
  terminate(): void;
}

/** What a spawned worker reports back. */
export interface EngineWorkerEvents {
  message(data: unknown, transfer?: readonly ArrayBuffer[]): void;
  /** The worker died (uncaught error, exit); `reason` is for people. */
  exit(reason: string): void;
}

export interface SupervisorTimers {
  now(): number;
  every(task: () => void, intervalMs: number): () => void;
}

export interface SupervisorOptions {
  spawn(events: EngineWorkerEvents): EngineWorkerHandle;
  /** To the UI: worker messages as they came (the client validates them) and the supervisor's status. */
  deliver(message: unknown): void;
  timers: SupervisorTimers;
  /** No heartbeat for this long = hung. */
  heartbeatTimeoutMs?: number;
  /** Crashes within `crashWindowMs` after which it stops retrying and asks. */
  crashLimit?: number;
  crashWindowMs?: number;
}

export const DEFAULT_HEARTBEAT_TIMEOUT_MS = 5_000;
const DEFAULT_CRASH_LIMIT = 3;
const DEFAULT_CRASH_WINDOW_MS = 5 * 60_000;

/**
 * Keeps one engine worker alive (DESIGN §8): detects a crash (the worker exits) or a hang (missed
 * heartbeats), starts a new worker, reloads the document the UI last sent — with the faults
 * injected since — and returns to the time the last frame showed, paused. After `crashLimit`
 * crashes in `crashWindowMs` it stops and asks (status `stopped`; the `restartEngine` command tries
 * again). It never changes the document: it only re-sends what the UI sent.
 *
 * Transport-agnostic: the desktop host spawns worker_threads, the web edition Web Workers.
 */
export class EngineSupervisor {
  private worker: EngineWorkerHandle | null = null;
  private generation = 0;
  private lastBeatMs = 0;
  private readonly crashTimes: number[] = [];
  private documentText: string | null = null;
  private injected: ScenarioEvent[] = [];
  private lastTimeMs = 0;
  private statusValue: EngineStatus = 'starting';
  private recovering = false;
  private stopWatchdog: (() => void) | null = null;
  private readonly heartbeatTimeoutMs: number;
  private readonly crashLimit: number;
  private readonly crashWindowMs: number;

  constructor(private readonly options: SupervisorOptions) {
    this.heartbeatTimeoutMs = options.heartbeatTimeoutMs ?? DEFAULT_HEARTBEAT_TIMEOUT_MS;
    this.crashLimit = options.crashLimit ?? DEFAULT_CRASH_LIMIT;
    this.crashWindowMs = options.crashWindowMs ?? DEFAULT_CRASH_WINDOW_MS;
  }

  get status(): EngineStatus {
    return this.statusValue;
  }

  start(): void {
    this.spawn();
    this.stopWatchdog = this.options.timers.every(() => this.checkHeartbeat(), Math.max(10, this.heartbeatTimeoutMs / 4));
  }

  /** A command from the UI: validated here (the UI side of a port is an input too), then forwarded. */
  send(data: unknown): void {
    const parsed = parseEngineCommand(data);
    if (!parsed.ok) {
      this.options.deliver({ type: 'rejected', command: 'unknown', message: `malformed command: ${parsed.error}`, problems: [] } satisfies EngineMessage);
      return;
    }
    const command = parsed.value;
    if (command.type === 'restartEngine') {
      if (this.statusValue === 'stopped') {
        this.crashTimes.length = 0;
        this.restart('You asked to restart the simulation engine.');
      }
      return;
    }
    if (command.type === 'load' || command.type === 'edit') {
      this.documentText = command.documentText;
      this.injected = [];
    }
    if (command.type === 'load') this.lastTimeMs = 0;
    this.worker?.post(command);
  }

  /** Tests only: forwards a debug command (the worker ignores it unless its host allows them). */
  sendDebug(action: DebugAction): void {
    this.worker?.post({ type: DEBUG_COMMAND, action });
  }

  dispose(): void {
    this.stopWatchdog?.();
    this.stopWatchdog = null;
    this.generation++;
    this.worker?.terminate();
    this.worker = null;
  }

  private spawn(): void {
    const generation = ++this.generation;
    this.lastBeatMs = this.options.timers.now();
    this.worker = this.options.spawn({
      message: (data) => generation === this.generation && this.onWorkerMessage(data),
      exit: (reason) => generation === this.generation && this.onCrash(`it stopped (${reason})`),
    });
  }

  private onWorkerMessage(data: unknown): void {
    const type = typeof data === 'object' && data !== null ? (data as { type?: unknown }).type : undefined;
    this.lastBeatMs = this.options.timers.now();
    if (this.statusValue === 'starting' || (this.statusValue === 'restarting' && !this.recovering)) {
      this.setStatus('ready', this.statusValue === 'starting' ? 'The simulation engine is running.' : 'The simulation engine was restarted.');
    }
    if (type === 'heartbeat') return;
    if (type === 'frame') {
      const time = (data as { timeMs?: unknown }).timeMs;
      if (typeof time === 'number' && Number.isFinite(time)) this.lastTimeMs = time;
    } else if (type === 'injected') {
      const event = (data as { event?: unknown }).event;
      if (typeof event === 'object' && event !== null) this.injected.push(event as ScenarioEvent);
    } else if (type === 'loaded' && this.recovering) {
      this.recovering = false;
      this.setStatus('ready', `The simulation engine was restarted and your document reloaded at ${(this.lastTimeMs / 1000).toFixed(1)} s (paused). Your document was not changed.`);
    }
    this.options.deliver(data);
  }

  private checkHeartbeat(): void {
    if (this.worker === null || this.statusValue === 'stopped') return;
    const silentMs = this.options.timers.now() - this.lastBeatMs;
    if (silentMs > this.heartbeatTimeoutMs) this.onCrash(`it stopped responding for ${(silentMs / 1000).toFixed(1)} s`);
  }

  private onCrash(what: string): void {
    this.generation++; // whatever the old worker still says is ignored
    this.worker?.terminate();
    this.worker = null;
    const now = this.options.timers.now();
    this.crashTimes.push(now);
    while (this.crashTimes.length > 0 && this.crashTimes[0] <= now - this.crashWindowMs) this.crashTimes.shift();
    if (this.crashTimes.length >= this.crashLimit) {
      const minutes = Math.round(this.crashWindowMs / 60_000);
      this.setStatus(
        'stopped',
        `The simulation engine failed: ${what}. It failed ${this.crashTimes.length} times in ${minutes} minutes, so it was not restarted. Your document is safe. Restart the engine to try again.`,
      );
      return;
    }
    this.restart(`The simulation engine failed: ${what}. Restarting it and reloading your document — your document was not changed.`);
  }

  private restart(message: string): void {
    this.setStatus('restarting', message);
    this.spawn();
    const text = this.amendedDocumentText();
    if (text === null) return;
    this.recovering = true;
    this.worker!.post({ type: 'load', documentText: text });
    if (this.lastTimeMs > 0) this.worker!.post({ type: 'seek', timeMs: this.lastTimeMs });
  }

  /** The last document the UI sent, with the faults injected since appended (as the UI's copy has them). */
  private amendedDocumentText(): string | null {
    if (this.documentText === null) return null;
    if (this.injected.length === 0) return this.documentText;
    const loaded = loadDocument(this.documentText);
    if (!loaded.ok) return this.documentText;
    return saveDocument({ ...loaded.document, scenario: [...loaded.document.scenario, ...this.injected] });
  }

  private setStatus(status: EngineStatus, message: string): void {
    this.statusValue = status;
    this.options.deliver({ type: 'status', status, message } satisfies EngineMessage);
  }
}
