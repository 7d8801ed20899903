import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadDocument, saveDocument } from '../../../shared/model';
import type { ScenarioEvent } from '../../../shared/model/types';
import { reportToJson } from '../../../shared/sim/report';
import { Simulation } from '../../../shared/sim/simulation';
import { parseEngineMessage, type EngineMessage, type Frame } from '../../../shared/sim/session/protocol';
import { EngineSupervisor } from '../../../shared/sim/session/supervisor';
import { workerThreadSpawner } from '../../../main/simHost/spawnEngineWorker';
import { exampleText } from './harness';
import { bundleEngineWorker } from './workerBundle';

/*
 * The real thing: main/simHost/engineWorker.ts bundled by esbuild (as electron-vite bundles it for
 * the app) and run in a real worker_thread under the real supervisor. Only the supervisor's clock
 * is in the test's hands, so hangs are detected without waiting out real timeouts.
 */
let entryPath = '';
let remove = () => {};

beforeAll(async () => {
  ({ entryPath, remove } = await bundleEngineWorker());
});
afterAll(() => remove());

const live: EngineSupervisor[] = [];
afterEach(() => {
  for (const supervisor of live.splice(0)) supervisor.dispose();
});

function startEngine() {
  const messages: EngineMessage[] = [];
  const invalid: string[] = [];
  const waiters: { test: (m: EngineMessage) => boolean; resolve: (m: EngineMessage) => void }[] = [];
  const clock = { time: 0 };
  let watchdog: () => void = () => {};
  const supervisor = new EngineSupervisor({
    spawn: workerThreadSpawner({ entryPath, allowDebugCommands: true }),
    timers: {
      now: () => clock.time,
      every: (task) => {
        watchdog = task;
        return () => {};
      },
    },
    heartbeatTimeoutMs: 5_000,
    deliver: (data) => {
      // What the renderer's client does with everything that arrives.
      const parsed = parseEngineMessage(data);
      if (!parsed.ok) return void invalid.push(parsed.error);
      messages.push(parsed.value);
      for (const waiter of [...waiters]) {
        if (waiter.test(parsed.value)) {
          waiters.splice(waiters.indexOf(waiter), 1);
          waiter.resolve(parsed.value);
        }
      }
    },
  });
  live.push(supervisor);
  supervisor.start();
  /** The next message (from now on) that passes `test`. */
  const next = <T extends EngineMessage>(test: (m: EngineMessage) => m is T): Promise<T> =>
    new Promise((resolve) => waiters.push({ test, resolve: resolve as (m: EngineMessage) => void }));
  const frameAt = (timeMs: number) => next((m): m is Frame => m.type === 'frame' && m.timeMs === timeMs && !m.playing);
  const statusIs = (status: string) => next((m): m is Extract<EngineMessage, { type: 'status' }> => m.type === 'status' && m.status === status);
  const ofType = <T extends EngineMessage['type']>(type: T) => messages.filter((m): m is Extract<EngineMessage, { type: T }> => m.type === type);
  return { supervisor, messages, invalid, next, frameAt, statusIs, ofType, clock, watchdog: () => watchdog() };
}

function nodeState(frame: Frame) {
  return [frame.nodeStatus, frame.utilization, frame.queueFill, frame.cacheFill, frame.role, frame.packets.slice(0, frame.packetCount * 4)].map((array) => Array.from(array));
}

describe('engine in a worker_thread', () => {
  it('round-trips the protocol: load, frames with typed arrays, refusals', async () => {
    const e = startEngine();
    const first = e.frameAt(0);
    e.supervisor.send({ type: 'load', documentText: exampleText });
    const frame = await first;
    expect(e.ofType('status')[0]).toMatchObject({ status: 'ready' });
    expect(e.ofType('loaded')[0].nodeIds).toHaveLength(12);
    expect(frame.utilization).toBeInstanceOf(Float32Array);
    expect(frame.nodeStatus.length).toBe(12);
    const stepped = e.frameAt(2_500);
    e.supervisor.send({ type: 'step', deltaMs: 2_500 });
    expect((await stepped).packetCount).toBeGreaterThan(0);
    const refused = e.next((m): m is Extract<EngineMessage, { type: 'rejected' }> => m.type === 'rejected');
    e.supervisor.send({ type: 'seek', timeMs: -4 });
    expect((await refused).message).toMatch(/malformed command: timeMs/);
    expect(e.invalid).toEqual([]);
  });

  it('seeking equals playing: the same node states and packets at the same time', async () => {
    const e = startEngine();
    e.supervisor.send({ type: 'load', documentText: exampleText });
    const played = e.frameAt(7_000);
    e.supervisor.send({ type: 'step', deltaMs: 4_000 });
    e.supervisor.send({ type: 'step', deltaMs: 3_000 });
    const atSeven = await played;
    const far = e.frameAt(25_000);
    e.supervisor.send({ type: 'seek', timeMs: 25_000 });
    await far;
    const back = e.frameAt(7_000);
    e.supervisor.send({ type: 'seek', timeMs: 7_000 });
    const sought = await back;
    expect(sought.resync).toBe(true);
    expect(nodeState(sought)).toEqual(nodeState(atSeven));
    expect(sought.packetCount).toBeGreaterThan(0);
  });

  it('a run played with injected faults replays identically from the document it leaves', async () => {
    const e = startEngine();
    e.supervisor.send({ type: 'load', documentText: exampleText });
    e.supervisor.send({ type: 'speed', speed: 'max' });
    const pausedAt20 = e.next((m): m is Frame => m.type === 'frame' && !m.playing && m.timeMs === 20_000);
    e.supervisor.send({ type: 'play' });
    e.supervisor.send({ type: 'inject', event: { action: 'slow', target: 'cache', factor: 20 } }); // lands wherever playing is
    await pausedAt20;
    e.supervisor.send({ type: 'inject', event: { action: 'partition', groups: [['app1'], ['cache', 'db-primary']] } });
    const finished = e.next((m): m is Extract<EngineMessage, { type: 'finished' }> => m.type === 'finished');
    e.supervisor.send({ type: 'play' });
    const report = (await finished).report;
    const injected = e.ofType('injected').map((m) => m.event as unknown as ScenarioEvent);
    expect(injected.map((event) => event.action)).toEqual(['slow', 'partition']);
    const loaded = loadDocument(exampleText);
    if (!loaded.ok) throw new Error('example');
    const saved = loadDocument(saveDocument({ ...loaded.document, scenario: [...loaded.document.scenario, ...injected] }));
    if (!saved.ok) throw new Error(saved.errors[0].message);
    expect(report).toEqual(JSON.parse(reportToJson(new Simulation(saved.document).finish())));
  });

  it('restarts a crashed worker, reloads the document and returns to where it was', async () => {
    const e = startEngine();
    e.supervisor.send({ type: 'load', documentText: exampleText });
    const there = e.frameAt(5_000);
    e.supervisor.send({ type: 'step', deltaMs: 5_000 });
    const before = await there;
    const restarting = e.statusIs('restarting');
    const ready = e.statusIs('ready');
    const after = e.frameAt(5_000);
    e.supervisor.sendDebug('crash');
    expect((await restarting).message).toMatch(/failed: it stopped \(debug: simulated engine crash\).*not changed/);
    expect((await ready).message).toMatch(/reloaded at 5\.0 s/);
    expect(nodeState(await after)).toEqual(nodeState(before));
  });

  it('detects a hung worker by its missed heartbeats and restarts it', async () => {
    const e = startEngine();
    e.supervisor.send({ type: 'load', documentText: exampleText });
    const there = e.frameAt(3_000);
    e.supervisor.send({ type: 'step', deltaMs: 3_000 });
    await there;
    e.clock.time = 4_000;
    e.watchdog(); // heartbeats are recent: nothing happens
    expect(e.supervisor.status).toBe('ready');
    // The worker is stuck once it answers nothing after the hang command, whatever real time passes.
    e.supervisor.sendDebug('hang');
    e.supervisor.send({ type: 'step', deltaMs: 1 });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(e.ofType('frame').at(-1)!.timeMs).toBe(3_000);
    const restarting = e.statusIs('restarting');
    const back = e.frameAt(3_000);
    e.clock.time = 10_000;
    e.watchdog();
    // Silent since the last message before the hang: at fake time 0 or 4 s, so 10 or 6 s, past the 5 s limit.
    expect((await restarting).message).toMatch(/stopped responding for (10|6)\.0 s/);
    await back;
    expect(e.supervisor.status).toBe('ready');
  });

  it('after 3 crashes in 5 minutes it stops retrying and asks; restartEngine starts it again', async () => {
    const e = startEngine();
    e.supervisor.send({ type: 'load', documentText: exampleText });
    await e.frameAt(0);
    for (const [i, time] of [60_000, 120_000].entries()) {
      e.clock.time = time;
      const ready = e.statusIs('ready');
      e.supervisor.sendDebug('crash');
      await ready;
      expect(e.ofType('status').filter((m) => m.status === 'restarting')).toHaveLength(i + 1);
    }
    e.clock.time = 250_000; // the first crash (at 0) is outside the window, so this is only the third
    const stopped = e.statusIs('stopped');
    e.supervisor.sendDebug('crash');
    expect((await stopped).message).toMatch(/failed 3 times in 5 minutes, so it was not restarted\. Your document is safe/);
    e.supervisor.send({ type: 'play' }); // nothing runs: the UI must ask for a restart
    const ready = e.statusIs('ready');
    e.supervisor.send({ type: 'restartEngine' });
    expect((await ready).message).toMatch(/reloaded/);
  });
});
