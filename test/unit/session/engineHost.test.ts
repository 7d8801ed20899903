import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { IpcMainEvent } from 'electron';
import { registerEngineHost } from '../../../main/simHost/registerEngineHost';
import type { RendererPort } from '../../../main/simHost/engineHost';
import { parseEngineMessage } from '../../../shared/sim/session/protocol';
import { exampleText } from './harness';
import { bundleEngineWorker } from './workerBundle';

/*
 * Main's sim host with everything real except Electron itself: a trusted window's engine:connect
 * gets a port; commands on it reach a real worker_thread through the supervisor, frames come back.
 */
let entryPath = '';
let remove = () => {};
beforeAll(async () => {
  ({ entryPath, remove } = await bundleEngineWorker());
});
afterAll(() => remove());

/** Stands in for MessageChannelMain's main-side port. */
class FakeMainPort implements RendererPort {
  sent: unknown[] = [];
  private messageListeners: ((event: { data: unknown }) => void)[] = [];
  private closeListeners: (() => void)[] = [];
  started = false;
  postMessage(message: unknown): void {
    this.sent.push(message);
  }
  on(event: 'message' | 'close', listener: never): this {
    if (event === 'message') this.messageListeners.push(listener);
    else this.closeListeners.push(listener);
    return this;
  }
  start(): void {
    this.started = true;
  }
  close(): void {}
  fromRenderer(data: unknown): void {
    for (const listener of this.messageListeners) listener({ data });
  }
  rendererClosed(): void {
    for (const listener of this.closeListeners) listener();
  }
}

function setUp() {
  let connect: (event: IpcMainEvent) => void = () => {};
  const ports: FakeMainPort[] = [];
  const window = { postMessage: vi.fn(), once: vi.fn() };
  const stranger = { postMessage: vi.fn(), once: vi.fn() };
  const log = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };
  registerEngineHost({
    ipc: { on: (channel, listener) => channel === 'engine:connect' && (connect = listener) },
    createChannel: () => {
      const port1 = new FakeMainPort();
      ports.push(port1);
      return { port1, port2: { renderer: 'end' } };
    },
    checkSender: (event) => (event.sender === (window as unknown) ? { trusted: true } : { trusted: false, reason: 'the sender is not a Faultline window' }),
    workerEntryPath: entryPath,
    log,
  });
  const ask = (sender: unknown) => connect({ sender } as unknown as IpcMainEvent);
  return { ask, ports, window, stranger, log };
}

async function until<T>(find: () => T | undefined): Promise<T> {
  let found: T | undefined;
  await vi.waitFor(() => {
    found = find();
    expect(found).toBeDefined();
  }, { timeout: 20_000 });
  return found!;
}

describe('main sim host (registerEngineHost)', () => {
  it('refuses a window that is not ours, and starts nothing', () => {
    const h = setUp();
    h.ask(h.stranger);
    expect(h.ports).toHaveLength(0);
    expect(h.stranger.postMessage).not.toHaveBeenCalled();
    expect(h.log.warn).toHaveBeenCalledWith(expect.stringMatching(/refused engine:connect: the sender is not a Faultline window/));
  });

  it('hands a trusted window its port and relays a real worker both ways; a new request replaces the engine', async () => {
    const h = setUp();
    h.ask(h.window);
    expect(h.window.postMessage).toHaveBeenCalledWith('engine:port', null, [{ renderer: 'end' }]);
    const port = h.ports[0];
    expect(port.started).toBe(true);
    port.fromRenderer({ type: 'load', documentText: exampleText });
    port.fromRenderer({ type: 'step', deltaMs: 2_000 });
    const frame = await until(() => port.sent.find((m) => (m as { type?: string }).type === 'frame' && (m as { timeMs: number }).timeMs === 2_000));
    // What the page's client will do with it: it validates, typed arrays intact after the relay.
    const parsed = parseEngineMessage(frame);
    expect(parsed.ok && parsed.value.type === 'frame' && parsed.value.packets instanceof Float32Array).toBe(true);
    port.fromRenderer({ type: 'play', extra: 'field' }); // unknown fields are dropped, not fatal
    port.fromRenderer('garbage');
    await until(() => port.sent.find((m) => (m as { type?: string }).type === 'rejected'));

    h.ask(h.window); // the page reloaded and asked again
    expect(h.ports).toHaveLength(2);
    expect(h.window.once).toHaveBeenCalledTimes(1); // one 'destroyed' watch per window, however often it asks
    const countBefore = port.sent.length;
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(port.sent.length).toBe(countBefore); // the first engine is gone: nothing more on its port
    h.ports[1].rendererClosed();
  });
});
