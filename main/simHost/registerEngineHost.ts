import type { IpcMainEvent, IpcMainInvokeEvent, WebContents } from 'electron';
import { ENGINE_CHANNELS } from '../../shared/ipc/engineChannels';
import type { SenderGate } from '../ipc/senderGate';
import type { Logger } from '../log';
import { hostEngine, type RendererPort } from './engineHost';
import { workerThreadSpawner } from './spawnEngineWorker';

/** What this needs of Electron, passed in so the module stays testable and electron-free at runtime. */
export interface EngineHostDeps {
  ipc: { on(channel: string, listener: (event: IpcMainEvent) => void): unknown };
  /** `() => new MessageChannelMain()`. */
  createChannel: () => { port1: RendererPort; port2: unknown };
  checkSender: SenderGate;
  /** out/main/engineWorker.js */
  workerEntryPath: string;
  log: Logger;
}

/**
 * Main's sim host: when a trusted window asks (`engine:connect`), it gets a supervised engine
 * worker behind a fresh MessageChannel — one per window; asking again replaces it, and closing the
 * window ends it.
 */
export function registerEngineHost(deps: EngineHostDeps): void {
  const engines = new Map<WebContents, { dispose(): void }>();
  const watched = new WeakSet<WebContents>();
  deps.ipc.on(ENGINE_CHANNELS.connect, (event) => {
    const verdict = deps.checkSender(event as unknown as IpcMainInvokeEvent);
    if (!verdict.trusted) return deps.log.warn(`refused ${ENGINE_CHANNELS.connect}: ${verdict.reason}`);
    const contents = event.sender;
    engines.get(contents)?.dispose();
    const { port1, port2 } = deps.createChannel();
    const supervisor = hostEngine(port1, { spawn: workerThreadSpawner({ entryPath: deps.workerEntryPath }) });
    const dispose = () => {
      supervisor.dispose();
      port1.close();
      engines.delete(contents);
    };
    if (!watched.has(contents)) {
      watched.add(contents);
      contents.once('destroyed', () => engines.get(contents)?.dispose());
    }
    engines.set(contents, { dispose });
    contents.postMessage(ENGINE_CHANNELS.port, null, [port2 as never]);
  });
}
