import { describe, expect, it } from 'vitest';
import { loadDocument } from '../../../shared/model';
import { EngineSupervisor, type EngineWorkerEvents } from '../../../shared/sim/session/supervisor';
import { exampleText } from './harness';

/** The supervisor with fake workers and a hand-driven clock: no threads, no real waiting. */
function setUp() {
  const clock = { time: 0 };
  let watchdog = () => {};
  const workers: { posted: unknown[]; events: EngineWorkerEvents; terminated: boolean }[] = [];
  const delivered: unknown[] = [];
  const supervisor = new EngineSupervisor({
    spawn: (events) => {
      const worker = { posted: [] as unknown[], events, terminated: false };
      workers.push(worker);
      return { post: (data) => worker.posted.push(data), terminate: () => (worker.terminated = true) };
    },
    deliver: (message) => delivered.push(message),
    timers: {
      now: () => clock.time,
      every: (task) => {
        watchdog = task;
        return () => {};
      },
    },
    heartbeatTimeoutMs: 5_000,
  });
  supervisor.start();
  const statuses = () => delivered.filter((m): m is { type: 'status'; status: string; message: string } => (m as { type: string }).type === 'status');
  return { clock, supervisor, workers, delivered, statuses, watchdog: () => watchdog() };
}

describe('EngineSupervisor', () => {
  it('validates commands before the worker sees them', () => {
    const s = setUp();
    s.supervisor.send({ type: 'seek', timeMs: 'soon' });
    s.supervisor.send({ type: 'launchMissiles' });
    expect(s.workers[0].posted).toEqual([]);
    expect(s.delivered.filter((m) => (m as { type: string }).type === 'rejected')).toHaveLength(2);
  });

  it('reloads the document with the faults injected since, at the last frame time, after a crash', () => {
    const s = setUp();
    s.supervisor.send({ type: 'load', documentText: exampleText });
    const first = s.workers[0];
    first.events.message({ type: 'heartbeat' });
    first.events.message({ type: 'injected', event: { atS: 7.001000976, action: 'crash', target: 'app1' } });
    first.events.message({ type: 'frame', timeMs: 9_000 });
    first.events.exit('exit code 1');
    expect(first.terminated).toBe(true);
    const second = s.workers[1];
    const [load, seek] = second.posted as [{ type: string; documentText: string }, { type: string; timeMs: number }];
    expect(load.type).toBe('load');
    const reloaded = loadDocument(load.documentText);
    if (!reloaded.ok) throw new Error('reloaded document invalid');
    expect(reloaded.document.scenario.at(-1)).toMatchObject({ atS: 7.001000976, action: 'crash', target: 'app1' });
    expect(seek).toEqual({ type: 'seek', timeMs: 9_000 });
    expect(s.statuses().at(-1)).toMatchObject({ status: 'restarting' });
    second.events.message({ type: 'loaded' });
    expect(s.statuses().at(-1)!.message).toMatch(/reloaded at 9\.0 s \(paused\)\. Your document was not changed/);
    // Whatever the dead worker still says is ignored.
    first.events.message({ type: 'frame', timeMs: 1 });
    expect(s.delivered.at(-1)).toEqual({ type: 'loaded' });
  });

  it('counts crashes in a sliding 5-minute window; the third stops it until asked', () => {
    const s = setUp();
    s.supervisor.send({ type: 'load', documentText: exampleText });
    for (const time of [0, 200_000, 400_000, 450_000]) {
      s.clock.time = time;
      s.workers.at(-1)!.events.exit('boom');
    }
    // 0 and 200 s are two in a window; 400 s drops the one at 0; 450 s is the third within 5 minutes.
    expect(s.statuses().map((m) => m.status)).toEqual(['restarting', 'restarting', 'restarting', 'stopped']);
    expect(s.workers).toHaveLength(4);
    s.clock.time = 900_000;
    s.watchdog(); // stopped: no hang detection, no new worker
    expect(s.workers).toHaveLength(4);
    s.supervisor.send({ type: 'restartEngine' });
    expect(s.workers).toHaveLength(5);
    expect((s.workers[4].posted[0] as { type: string }).type).toBe('load');
  });

  it('takes a worker silent for longer than the timeout for hung', () => {
    const s = setUp();
    s.clock.time = 4_999;
    s.watchdog();
    expect(s.workers).toHaveLength(1);
    s.workers[0].events.message({ type: 'heartbeat' });
    s.clock.time = 9_000;
    s.watchdog();
    expect(s.workers).toHaveLength(1);
    s.clock.time = 10_000;
    s.watchdog();
    expect(s.workers[0].terminated).toBe(true);
    expect(s.workers).toHaveLength(2);
    expect(s.statuses().at(-1)!.message).toMatch(/stopped responding for 5\.0 s/);
  });
});
