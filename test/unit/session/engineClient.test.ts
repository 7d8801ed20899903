import { describe, expect, it, vi } from 'vitest';
import { EngineClient } from '../../../renderer/engine/engineClient';
import type { EngineConnection } from '../../../renderer/engine/engineConnection';
import { forwardEnginePorts } from '../../../main/bridge/forwardEnginePort';
import { createHarness, exampleText } from './harness';

function fakeConnection() {
  const posted: unknown[] = [];
  let deliver: (data: unknown) => void = () => {};
  const connection: EngineConnection = {
    post: (command) => posted.push(command),
    onMessage: (listener) => {
      deliver = listener;
      return () => (deliver = () => {});
    },
    close: vi.fn(),
  };
  return { connection, posted, deliver: (data: unknown) => deliver(data) };
}

describe('EngineClient', () => {
  it('sends typed commands and hands on validated frames, events and status', () => {
    const { connection, posted, deliver } = fakeConnection();
    const warn = vi.fn();
    const client = new EngineClient(connection, warn);
    const statuses: string[] = [];
    client.onStatus((status) => statuses.push(`${status.state}${status.attention ? '!' : ''}`));
    const frames: number[] = [];
    client.onFrame((frame) => frames.push(frame.timeMs));
    const events: string[] = [];
    client.onEvent((event) => events.push(event.type));

    client.load(exampleText);
    client.setSpeed('max');
    client.seek(1_000);
    client.inject({ action: 'crash', target: 'app1' });
    expect(posted.map((command) => (command as { type: string }).type)).toEqual(['load', 'speed', 'seek', 'inject']);

    // Real session output through the client, as the app receives it.
    const h = createHarness();
    for (const command of posted) h.session.handle(command);
    for (const message of h.messages) deliver(message);
    deliver({ type: 'heartbeat' });
    deliver({ type: 'status', status: 'restarting', message: 'The simulation engine failed' });
    deliver({ type: 'status', status: 'ready', message: 'The simulation engine was restarted' });
    expect(frames.at(-1)).toBeGreaterThan(1_000); // after the seek, the inject lands just past it
    expect(events).toEqual(['loaded', 'injected']);
    expect(statuses).toEqual(['starting', 'restarting!', 'ready!']); // the user hears about the failure and the recovery
    expect(client.lastFrame?.timeMs).toBe(frames.at(-1));
    expect(warn).not.toHaveBeenCalled();
  });

  it('drops malformed messages with a warning instead of passing them on', () => {
    const { connection, deliver } = fakeConnection();
    const warn = vi.fn();
    const client = new EngineClient(connection, warn);
    const frames = vi.fn();
    client.onFrame(frames);
    deliver({ type: 'frame', timeMs: 5, packets: [{ link: 1 }] });
    deliver('not even an object');
    deliver({ type: 'status', status: 'on fire', message: 'x' });
    expect(frames).not.toHaveBeenCalled();
    expect(client.rejectedMessages).toBe(3);
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/ignored a malformed engine message/));
    expect(client.status.state).toBe('starting');
  });

  it('after close, sends nothing and says it is closed', () => {
    const { connection, posted } = fakeConnection();
    const client = new EngineClient(connection);
    client.close();
    client.play();
    expect(posted).toEqual([]);
    expect(connection.close).toHaveBeenCalled();
    expect(client.status.state).toBe('closed');
  });
});

describe('forwardEnginePorts (preload)', () => {
  it('posts exactly one port from main to the page, same origin only; drops anything else', () => {
    let listener: (event: { ports?: readonly unknown[] }) => void = () => {};
    const page = { postMessage: vi.fn(), location: { origin: 'app://faultline' } };
    const warn = vi.fn();
    forwardEnginePorts({ on: (channel, l) => channel === 'engine:port' && (listener = l) }, () => page, warn);
    const port = { fake: 'port' };
    listener({ ports: [port] });
    expect(page.postMessage).toHaveBeenCalledWith({ type: 'faultline:engine-port' }, 'app://faultline', [port]);
    listener({ ports: [] });
    listener({ ports: [port, port] });
    expect(page.postMessage).toHaveBeenCalledTimes(1);
    expect(warn).toHaveBeenCalledTimes(2);
  });
});
