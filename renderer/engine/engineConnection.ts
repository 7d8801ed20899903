/**
 * A raw two-way line to a simulation engine — what each host provides (a MessagePort from main on
 * the desktop, a supervised Web Worker in the web edition). Nothing arriving on it is trusted:
 * the EngineClient validates every message.
 */
export interface EngineConnection {
  post(command: unknown): void;
  /** Subscribes to everything the engine side sends; returns an unsubscribe. */
  onMessage(listener: (data: unknown) => void): () => void;
  close(): void;
}
