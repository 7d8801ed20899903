/**
 * The main process's logger: one line per event, prefixed with where it came from. Security
 * refusals go through here so a blocked navigation or IPC call is visible, never silent.
 */
export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string, cause?: unknown): void;
}

type Sink = Pick<Console, 'info' | 'warn' | 'error'>;

export function createLogger(scope: string, sink: Sink = console): Logger {
  const prefix = `[faultline:${scope}]`;
  return {
    info: (message) => sink.info(`${prefix} ${message}`),
    warn: (message) => sink.warn(`${prefix} ${message}`),
    error: (message, cause) => (cause === undefined ? sink.error(`${prefix} ${message}`) : sink.error(`${prefix} ${message}`, cause)),
  };
}
