import type { ScenarioEvent } from '../../shared/model/types';
import { parseEngineMessage, type EngineCommand, type EngineMessage, type EngineStatus, type Frame, type Speed } from '../../shared/sim/session/protocol';
import type { EngineConnection } from './engineConnection';

/** The connection as the UI shows it: the engine's health plus a sentence saying what happened. */
export interface ConnectionStatus {
  state: EngineStatus | 'closed';
  message: string;
  /** The user should see the message: the engine failed, or has just been restarted after failing (absent = no). */
  attention?: boolean;
}

/** Everything the engine sends besides frames, heartbeats and status. */
export type EngineEvent = Exclude<EngineMessage, { type: 'frame' } | { type: 'heartbeat' } | { type: 'status' }>;

type Listener<T> = (value: T) => void;

/**
 * The renderer's one way to the simulation (DESIGN §6), the same whichever host made the
 * connection: typed commands out; validated frames, events and connection status in. A malformed
 * message is dropped with a console warning — a port is an input like any other.
 */
export class EngineClient {
  private readonly frameListeners = new Set<Listener<Frame>>();
  private readonly eventListeners = new Set<Listener<EngineEvent>>();
  private readonly statusListeners = new Set<Listener<ConnectionStatus>>();
  private statusValue: ConnectionStatus = { state: 'starting', message: 'Starting the simulation engine…', attention: false };
  private latest: Frame | null = null;
  private readonly unsubscribe: () => void;
  /** Messages dropped because they failed validation. */
  rejectedMessages = 0;

  constructor(
    private readonly connection: EngineConnection,
    private readonly warn: (message: string) => void = (message) => console.warn(message),
  ) {
    this.unsubscribe = connection.onMessage((data) => this.receive(data));
  }

  get status(): ConnectionStatus {
    return this.statusValue;
  }

  /** The most recent frame (null before the first). */
  get lastFrame(): Frame | null {
    return this.latest;
  }

  load(documentText: string): void {
    this.send({ type: 'load', documentText });
  }
  play(): void {
    this.send({ type: 'play' });
  }
  pause(): void {
    this.send({ type: 'pause' });
  }
  /** Simulated seconds per real second (0.01 … 10000) or 'max'. */
  setSpeed(speed: Speed): void {
    this.send({ type: 'speed', speed });
  }
  step(deltaMs: number): void {
    this.send({ type: 'step', deltaMs });
  }
  seek(timeMs: number): void {
    this.send({ type: 'seek', timeMs });
  }
  /** Stops a long seek where it has got to (nothing if it has landed). */
  cancelSeek(): void {
    this.send({ type: 'cancelSeek' });
  }
  reset(): void {
    this.send({ type: 'reset' });
  }
  /** Applies a fault now; the engine answers `injected` with the event stamped, for the document's scenario. */
  inject(event: Omit<ScenarioEvent, 'atS'> & { atS?: number }): void {
    this.send({ type: 'inject', event: event as unknown as Extract<EngineCommand, { type: 'inject' }>['event'] });
  }
  /** The edited document (canonical `.faultline` text). */
  edit(documentText: string): void {
    this.send({ type: 'edit', documentText });
  }
  /** After the engine stopped retrying (status `stopped`): try again. */
  restartEngine(): void {
    this.send({ type: 'restartEngine' });
  }

  send(command: EngineCommand): void {
    if (this.statusValue.state === 'closed') return;
    this.connection.post(command);
  }

  onFrame(listener: Listener<Frame>): () => void {
    return subscribe(this.frameListeners, listener);
  }

  onEvent(listener: Listener<EngineEvent>): () => void {
    return subscribe(this.eventListeners, listener);
  }

  /** Called at once with the current status, then on every change. */
  onStatus(listener: Listener<ConnectionStatus>): () => void {
    listener(this.statusValue);
    return subscribe(this.statusListeners, listener);
  }

  close(): void {
    this.unsubscribe();
    this.connection.close();
    this.setStatus({ state: 'closed', message: 'The simulation engine was closed.', attention: false });
  }

  private receive(data: unknown): void {
    const parsed = parseEngineMessage(data);
    if (!parsed.ok) {
      this.rejectedMessages++;
      this.warn(`Faultline: ignored a malformed engine message (${parsed.error})`);
      return;
    }
    const message = parsed.value;
    switch (message.type) {
      case 'frame':
        this.latest = message;
        for (const listener of this.frameListeners) listener(message);
        return;
      case 'heartbeat':
        return;
      case 'status':
        return this.setStatus({
          state: message.status,
          message: message.message,
          attention: message.status === 'restarting' || message.status === 'stopped' || (message.status === 'ready' && this.statusValue.state === 'restarting'),
        });
      default:
        for (const listener of this.eventListeners) listener(message);
    }
  }

  private setStatus(status: ConnectionStatus): void {
    this.statusValue = status;
    for (const listener of this.statusListeners) listener(status);
  }
}

function subscribe<T>(listeners: Set<Listener<T>>, listener: Listener<T>): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
