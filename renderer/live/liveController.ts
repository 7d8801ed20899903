import { saveDocument } from '../../shared/model/save';
import type { FaultlineDocument, ScenarioEvent } from '../../shared/model/types';
import type { Speed } from '../../shared/sim/session/protocol';
import type { ConnectionStatus, EngineClient } from '../engine/engineClient';
import type { DocumentStore } from '../editor/store/documentStore';
import { LiveModel } from './liveModel';
import { CLASSROOM_SPEED, DEFAULT_SPEED } from './speedPresets';

/** How long a node clicked in the log pulses on the canvas. */
const HIGHLIGHT_MS = 4000;

/** How long edits settle before the running simulation gets the edited document. */
const EDIT_SETTLE_MS = 250;

/** A fault the context menu injects: what, at whom; the engine stamps the time. */
export type InjectedFault = Pick<ScenarioEvent, 'action' | 'target' | 'groups' | 'factor' | 'params' | 'note'>;

function linkEnds(doc: FaultlineDocument): Map<string, readonly [string, string]> {
  return new Map(Object.values(doc.links).map((link) => [link.id, [link.from, link.to] as const]));
}

/**
 * Joins the engine, the document store and the live model: loads the document, forwards edits
 * (debounced; the engine hot-applies configs and re-simulates structural changes), turns the
 * playback controls into commands, and appends injected faults to the document's scenario so
 * they are saved and replay exactly (undoable like any edit).
 */
export class LiveController {
  readonly model = new LiveModel();
  status: ConnectionStatus = { state: 'starting', message: '' };
  /** The document text the engine has (to skip no-op edits). */
  private sentText: string | null = null;
  /** The store's generation the engine's run was loaded from: a document opened since runs from 0 s. */
  private loadedGeneration = -1;
  private editTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly cleanups: (() => void)[] = [];
  speed: Speed = DEFAULT_SPEED;
  highlightedNodeId: string | null = null;
  private highlightTimer: ReturnType<typeof setTimeout> | null = null;
  /** Classroom mode (View menu): large type, high contrast, bigger packets, slow motion. */
  classroom = false;
  private speedBeforeClassroom: Speed = DEFAULT_SPEED;

  constructor(
    readonly client: EngineClient,
    readonly store: DocumentStore,
  ) {
    this.cleanups.push(
      client.onFrame((frame) => this.model.applyFrame(frame)),
      client.onEvent((event) => {
        if (event.type === 'injected') this.recordInjected(event.event as unknown as ScenarioEvent);
        this.model.applyEvent(event);
      }),
      client.onStatus((status) => {
        const wasReady = this.status.state === 'ready';
        this.status = status;
        // A restarted engine has lost its document: send it again.
        if (status.state === 'ready' && !wasReady) this.load();
        this.model.applyEvent({ type: 'notice', message: status.state === 'ready' ? '' : status.message });
      }),
      store.subscribe(() => this.scheduleEdit()),
    );
  }

  /** Sends the current document as a fresh run from t = 0. */
  load(): void {
    const doc = this.store.getDocument();
    this.model.setLinkEnds(linkEnds(doc));
    this.sentText = saveDocument(doc);
    this.loadedGeneration = this.store.getGeneration();
    this.client.load(this.sentText);
    this.client.setSpeed(this.speed);
  }

  private scheduleEdit(): void {
    if (this.editTimer !== null) clearTimeout(this.editTimer);
    this.editTimer = setTimeout(() => {
      this.editTimer = null;
      this.flushEdit();
    }, EDIT_SETTLE_MS);
  }

  /** Sends the edited document now if it differs from what the engine runs. */
  flushEdit(): void {
    if (this.sentText === null) return;
    // A document opened since the run was loaded (New, Open, a lesson, a share code) runs from
    // 0 s, even one whose text is the running one's: choosing a lesson again starts it over
    // rather than leaving it where it had got to.
    if (this.store.getGeneration() !== this.loadedGeneration) return this.load();
    const doc = this.store.getDocument();
    const text = saveDocument(doc);
    if (text === this.sentText) return;
    // A document with no history at all was just opened: run it from 0 s instead of
    // re-simulating it to where the previous one had got to.
    if (!this.store.canUndo() && !this.store.canRedo()) return this.load();
    this.model.setLinkEnds(linkEnds(doc));
    this.sentText = text;
    this.client.edit(text);
  }

  play(): void {
    this.flushEdit();
    this.model.clearNotice();
    this.client.play();
  }
  pause(): void {
    this.client.pause();
  }
  togglePlay(): void {
    if (this.model.frame?.playing === true) this.pause();
    else this.play();
  }
  /** Advances a tenth of a simulated second (paused). */
  step(deltaMs = 100): void {
    this.flushEdit();
    this.client.step(deltaMs);
  }
  setSpeed(speed: Speed): void {
    this.speed = speed;
    this.client.setSpeed(speed);
    this.model.applyEvent({ type: 'notice', message: '' });
  }
  seek(timeMs: number): void {
    this.flushEdit();
    // A notice about where playback stopped ("Paused at 20 s") no longer describes the new time.
    this.model.clearNotice();
    this.client.seek(timeMs);
  }
  /** Stops a seek that is taking a while where it has got to; false when none is (nothing sent). */
  cancelSeek(): boolean {
    if (this.model.seekProgress === null) return false;
    this.client.cancelSeek();
    return true;
  }
  /** Runs the (edited) design again from t = 0, paused: the run a saved file of it gives. */
  reset(): void {
    this.flushEdit();
    this.client.pause();
    this.client.reset();
  }
  /**
   * Classroom mode starts in slow motion; leaving it brings back the speed chosen before (Max stayed
   * lost at 1× otherwise). A speed chosen during classroom mode is left as it is.
   */
  setClassroom(on: boolean): void {
    if (on === this.classroom) return;
    this.classroom = on;
    if (on) {
      this.speedBeforeClassroom = this.speed;
      this.setSpeed(CLASSROOM_SPEED);
    } else if (this.speed === CLASSROOM_SPEED) this.setSpeed(this.speedBeforeClassroom);
  }

  /** Pulses a node on the canvas for a few seconds (a log row was clicked); null clears it. */
  highlightNode(nodeId: string | null): void {
    this.highlightedNodeId = nodeId;
    if (this.highlightTimer !== null) clearTimeout(this.highlightTimer);
    this.highlightTimer = nodeId === null ? null : setTimeout(() => this.highlightNode(null), HIGHLIGHT_MS);
  }

  inject(fault: InjectedFault): void {
    this.flushEdit();
    this.client.inject(fault);
  }

  /** The engine applied a fault now: the document records it, so Save and Reset replay it. */
  private recordInjected(event: ScenarioEvent): void {
    this.store.update((draft) => {
      draft.scenario.push(event);
    });
    // The engine already runs this scenario: the store change must not count as an edit.
    this.sentText = saveDocument(this.store.getDocument());
  }

  dispose(): void {
    if (this.editTimer !== null) clearTimeout(this.editTimer);
    if (this.highlightTimer !== null) clearTimeout(this.highlightTimer);
    for (const cleanup of this.cleanups) cleanup();
  }
}
