import { Worker } from 'node:worker_threads';
import type { EngineWorkerEvents, EngineWorkerHandle } from '../../shared/sim/session/supervisor';

export interface SpawnOptions {
  /** The bundled worker entry (out/main/engineWorker.js). */
  entryPath: string;
  /** Tests only: accept the crash/hang debug commands. */
  allowDebugCommands?: boolean;
}

/** Starts the engine in a worker_thread and adapts it to what the supervisor expects. */
export function workerThreadSpawner(options: SpawnOptions): (events: EngineWorkerEvents) => EngineWorkerHandle {
  return (events) => {
    const worker = new Worker(options.entryPath, { workerData: { allowDebugCommands: options.allowDebugCommands === true } });
    let exited = false;
    let failure: string | null = null;
    worker.on('message', (data: unknown) => events.message(data));
    worker.on('error', (error: Error) => {
      failure = error.message;
    });
    worker.on('exit', (code) => {
      exited = true;
      events.exit(failure ?? `exit code ${code}`);
    });
    return {
      post: (data) => {
        if (!exited) worker.postMessage(data);
      },
      terminate: () => {
        if (!exited) void worker.terminate();
      },
    };
  };
}
