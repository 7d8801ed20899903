import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadDocument, saveDocument } from '../../../shared/model';
import type { FaultlineDocument, ScenarioEvent } from '../../../shared/model/types';
import { Simulation } from '../../../shared/sim/simulation';
import { reportToJson } from '../../../shared/sim/report';
import { LOG_BACKLOG_CAP, LOG_SLICE_CAP, METRIC_ROW_FLOATS, NODE_DEGRADED, NODE_DOWN, PACKET_FLOATS, parseEngineMessage } from '../../../shared/sim/session/protocol';
import { NODE_ROW_VALUES, nodeRowFloats } from '../../../shared/sim/session/nodeRows';
import { createHarness, exampleText } from './harness';
import { makeDocument } from '../sim/helpers/documents';
import { lessonDocument } from '../lessons/helpers';

function load(text: string): FaultlineDocument {
  const loaded = loadDocument(text);
  if (!loaded.ok) throw new Error(loaded.errors.map((e) => e.message).join('; '));
  return loaded.document;
}

/** Plays until the session stops by itself (scenario pause or end), running at most `turns` turns. */
function playUntilStopped(h: ReturnType<typeof createHarness>, turns = 200_000): void {
  h.session.handle({ type: 'play' });
  let ran = 0;
  while (ran < turns && h.scheduler.runNext()) ran++;
}

/** Presses Play, through every scenario pause, until the session has posted `reports` reports. */
function playUntilFinished(h: ReturnType<typeof createHarness>, reports = 1): void {
  for (let presses = 0; h.ofType('finished').length < reports; presses++) {
    if (presses > 10) throw new Error('the run never ended');
    playUntilStopped(h);
  }
}

/** The report `faultline run --json` gives for the saved file of `doc`. */
function savedFileReport(doc: FaultlineDocument): Record<string, unknown> {
  return JSON.parse(reportToJson(new Simulation(load(saveDocument(doc))).finish())) as Record<string, unknown>;
}

describe('Session', () => {
  it('answers load with the run layout and a first frame of typed arrays', () => {
    const h = createHarness();
    h.session.handle({ type: 'load', documentText: exampleText });
    const loaded = h.ofType('loaded')[0];
    expect(loaded.nodeIds).toContain('app2');
    expect(loaded.durationMs).toBe(60_000);
    const frame = h.lastFrame();
    expect(frame.timeMs).toBe(0);
    expect(frame.resync).toBe(true);
    expect(frame.nodeStatus).toBeInstanceOf(Uint8Array);
    expect(frame.nodeStatus.length).toBe(loaded.nodeIds.length);
    // Every frame the session posts passes the receiving side's validation, buffers listed for transfer.
    for (const message of h.messages) expect(parseEngineMessage(message).ok).toBe(true);
    expect(h.transfers.at(-1)).toContain(frame.packets.buffer);
  });

  it('refuses malformed commands and invalid documents with a message, keeping what ran', () => {
    const h = createHarness();
    h.session.handle({ type: 'seek', timeMs: 5 });
    expect(h.ofType('rejected')[0].message).toMatch(/no document is loaded/);
    h.session.handle({ type: 'speed', speed: 0.001 });
    expect(h.ofType('rejected')[1].message).toMatch(/malformed command: speed/);
    h.session.handle({ type: 'load', documentText: exampleText });
    h.session.handle({ type: 'step', deltaMs: 1500 });
    h.session.handle({ type: 'load', documentText: '{"format":"faultline","version":1,"nodes":[{"id":"x","kind":"toaster","x":0,"y":0}]}' });
    const refused = h.ofType('rejected')[2];
    expect(refused.command).toBe('load');
    expect(refused.problems.some((problem) => problem.path.startsWith('nodes[0].kind'))).toBe(true);
    h.session.handle({ type: 'step', deltaMs: 500 });
    expect(h.lastFrame().timeMs).toBe(2000); // the old run carried on
    h.session.handle({ type: 'inject', event: { action: 'crash', target: 'nosuchnode' } });
    expect(h.ofType('rejected')[3].message).toMatch(/event\.target/);
  });

  it('stops at a scenario event that asks to pause, then at the end with the report', () => {
    const h = createHarness();
    h.session.handle({ type: 'load', documentText: exampleText });
    h.session.handle({ type: 'speed', speed: 'max' });
    playUntilStopped(h);
    expect(h.lastFrame().playing).toBe(false);
    expect(h.lastFrame().timeMs).toBe(20_000); // the crash of app2 has pause: true
    expect(h.ofType('notice').at(-1)!.message).toMatch(/Paused at 20\.0 s: app2 crashes/);
    expect(h.lastFrame().nodeStatus[h.ofType('loaded')[0].nodeIds.indexOf('app2')]).toBe(NODE_DOWN);
    playUntilStopped(h);
    expect(h.lastFrame().ended).toBe(true);
    expect(h.lastFrame().timeMs).toBe(60_000);
    const report = h.ofType('finished')[0].report;
    const headless = new Simulation(load(exampleText)).finish();
    expect(report).toEqual(JSON.parse(reportToJson(headless)));
  });

  it('stops at a pause asked for at 0 s before anything runs, once, and again on a replay', () => {
    const doc = load(exampleText);
    const opening: ScenarioEvent = { atS: 0, action: 'note', note: 'Before anything happens', pause: true };
    const text = saveDocument({ ...doc, scenario: [opening, ...doc.scenario] });
    const h = createHarness();
    h.session.handle({ type: 'load', documentText: text });
    h.session.handle({ type: 'speed', speed: 'max' });
    playUntilStopped(h);
    expect(h.lastFrame().playing).toBe(false);
    expect(h.lastFrame().timeMs).toBe(0);
    expect(h.ofType('notice').at(-1)!.message).toBe('Paused at 0.0 s: Before anything happens');
    // Play again: on from 0 s to the file's next pause.
    playUntilStopped(h);
    expect(h.lastFrame().timeMs).toBe(20_000);
    playUntilStopped(h);
    expect(h.lastFrame().ended).toBe(true);
    // Play after the end replays from 0 s, and the opening pause holds it there again.
    playUntilStopped(h);
    expect(h.lastFrame().timeMs).toBe(0);
    expect(h.ofType('notice').at(-1)!.message).toBe('Paused at 0.0 s: Before anything happens');
    // A step moves on from it by hand.
    h.session.handle({ type: 'step', deltaMs: 1000 });
    expect(h.lastFrame().timeMs).toBe(1000);
  });

  it('a live run with injected faults and the document it leaves behind replay identically headless', () => {
    const h = createHarness();
    h.session.handle({ type: 'load', documentText: exampleText });
    const ids = h.ofType('loaded')[0].nodeIds;
    h.session.handle({ type: 'speed', speed: 7 });
    h.session.handle({ type: 'play' });
    const injectAt = (realMs: number, event: Record<string, unknown>) => {
      while (h.clock.time < realMs) if (!h.scheduler.runNext()) throw new Error('stopped playing early');
      h.session.handle({ type: 'inject', event });
    };
    injectAt(700, { action: 'slow', target: 'db-primary', factor: 4, note: 'the database is struggling' });
    expect(h.lastFrame().nodeStatus[ids.indexOf('db-primary')]).toBe(NODE_DEGRADED);
    injectAt(1_300, { action: 'crash', target: 'app1' });
    injectAt(1_900, { action: 'cut', target: 'lb-app3' });
    injectAt(2_000, { action: 'recover', target: 'db-primary' });
    h.session.handle({ type: 'speed', speed: 'max' });
    playUntilStopped(h); // the file's own pause at 20 s
    h.session.handle({ type: 'inject', event: { action: 'restore', target: 'lb-app3' } });
    playUntilStopped(h);
    expect(h.lastFrame().ended).toBe(true);
    const live = h.ofType('finished')[0].report;

    const injected = h.ofType('injected').map((message) => message.event as unknown as ScenarioEvent);
    expect(injected.map((event) => event.action)).toEqual(['slow', 'crash', 'cut', 'recover', 'restore']);
    expect(injected[0].atS).toBeGreaterThan(4.5); // 700 ms real at 7× ≈ 4.9 s simulated
    expect(injected[0].atS).toBeLessThan(5.1);
    // What the UI does with `injected`: append to the document, then save it.
    const doc = load(exampleText);
    const saved = saveDocument({ ...doc, scenario: [...doc.scenario, ...injected] });
    const replay = new Simulation(load(saved)).finish();
    const replayed = JSON.parse(reportToJson(replay));
    for (const key of Object.keys(live)) expect([key, live[key]]).toEqual([key, replayed[key]]);
    expect(live).not.toEqual(JSON.parse(reportToJson(new Simulation(doc).finish())));

    // Reset runs the document with the faults in its scenario: the same run again.
    h.session.handle({ type: 'reset' });
    playUntilStopped(h);
    playUntilStopped(h);
    expect(h.ofType('finished')[1].report).toEqual(live);
  });

  it('frames go out at display rate and carry packets, rows and the event log', () => {
    const h = createHarness();
    h.session.handle({ type: 'load', documentText: exampleText });
    h.session.handle({ type: 'play' });
    const start = h.frames().length;
    while (h.clock.time < 6_000) if (!h.scheduler.runNext()) throw new Error('stopped playing early');
    const frames = h.frames().slice(start);
    // 6 real seconds at 60 Hz; a turn that lands late pushes the next frame, so allow a few fewer.
    expect(frames.length).toBeGreaterThan(340);
    expect(frames.length).toBeLessThanOrEqual(361);
    const last = frames.at(-1)!;
    expect(last.timeMs).toBeGreaterThan(5_900); // 1× speed
    expect(last.timeMs).toBeLessThanOrEqual(h.clock.time);
    expect(frames.some((frame) => frame.packetCount > 0)).toBe(true);
    const busy = frames.find((frame) => frame.packetCount > 0)!;
    for (let p = 0; p < busy.packetCount; p++) {
      const position = busy.packets[p * PACKET_FLOATS + 1];
      expect(position).toBeGreaterThanOrEqual(0);
      expect(position).toBeLessThanOrEqual(1);
    }
    const rows = new Map<number, number>();
    for (const frame of frames) for (let o = 0; o < frame.metricRows.length; o += METRIC_ROW_FLOATS) rows.set(frame.metricRows[o], frame.metricRows[o + 1]);
    expect([...rows.keys()].sort((a, b) => a - b)).toEqual(Array.from({ length: Math.floor(last.timeMs / 1000) + 1 }, (_, t) => t));
    expect(rows.get(2)).toBeGreaterThan(100); // 180 rps offered in the example
    expect(frames.flatMap((frame) => frame.log).map((entry) => entry.action)).toEqual(['note']); // the 5 s narration
  });

  it('logs health checks changing their mind at the exact simulated time, however coarse the frames', () => {
    const h = createHarness();
    h.session.handle({ type: 'load', documentText: exampleText });
    // Steps of 15 s: each frame covers many probes and marks.
    for (let step = 0; step < 8 && !h.lastFrame().ended; step++) h.session.handle({ type: 'step', deltaMs: 15_000 });
    const logged = h
      .ofType('frame')
      .flatMap((frame) => frame.log)
      .filter((entry) => entry.action === 'health-down' || entry.action === 'health-up');
    // The same marks, at the same times, as the headless engine records them.
    const sim = new Simulation(load(exampleText));
    sim.runUntil(60_000);
    const linkIds = Object.keys(load(exampleText).links);
    expect(logged.map((entry) => [entry.timeMs, entry.action, entry.target])).toEqual(
      sim.world.healthMarks.map((mark) => [mark.timeMs, mark.down ? 'health-down' : 'health-up', linkIds[mark.link]]),
    );
    // app2 crashes at 20 s and restarts at 40 s: marked down after three failed probes, up after two good ones.
    const down = logged.find((entry) => entry.action === 'health-down' && entry.target === 'lb-app2')!;
    const up = logged.find((entry) => entry.action === 'health-up' && entry.target === 'lb-app2')!;
    expect(down.timeMs).toBeGreaterThan(22_000);
    expect(down.timeMs).toBeLessThan(24_000);
    expect(up.timeMs).toBeGreaterThan(41_000);
    expect(up.timeMs).toBeLessThan(43_000);
    expect(h.lastFrame().timeMs).toBe(60_000);
  });

  it('logs a database failover, the replica taking over, at its simulated time (detectMs after the crash)', () => {
    const lessonText = readFileSync(new URL('../../../shared/examples/lessons/07-failover-and-lost-writes.faultline', import.meta.url), 'utf8');
    const doc = load(lessonText);
    // Played through: its events without their pauses.
    doc.scenario = doc.scenario.map(({ pause: _pause, ...event }) => event);
    const h = createHarness();
    h.session.handle({ type: 'load', documentText: saveDocument(doc) });
    for (let step = 0; step < 4 && !h.lastFrame().ended; step++) h.session.handle({ type: 'step', deltaMs: 15_000 });
    const failovers = h
      .ofType('frame')
      .flatMap((frame) => frame.log)
      .filter((entry) => entry.action === 'failover');
    // Both primaries crash at 20 s and are detected lost 3 s later; each replica takes over.
    expect(failovers.map((entry) => [entry.timeMs, entry.from, entry.target])).toEqual([
      [23_000, 'async-primary', 'async-replica'],
      [23_000, 'sync-primary', 'sync-replica'],
    ]);
  });

  it('logs random crashes and repairs (mtbfS / mttrS) at their times: they account for every second the report counts a node down', () => {
    // Lesson 12: three app servers up 90% of the time, the database too from 600 s; no scripted crash.
    const h = createHarness();
    const doc = lessonDocument('availability-in-numbers');
    h.session.handle({ type: 'load', documentText: saveDocument(doc) });
    // A frame a simulated second (a frame carries at most LOG_SLICE_CAP entries; this test wants them all).
    while (h.ofType('finished').length === 0) h.session.handle({ type: 'step', deltaMs: 1_000 });
    const log = h.frames().flatMap((frame) => frame.log);
    expect(h.frames().reduce((sum, frame) => sum + frame.logDropped, 0)).toBe(0);
    const report = h.ofType('finished')[0].report as { durationS: number; nodes: Record<string, { downS: number }> };
    const endMs = report.durationS * 1000;
    for (const [id, line] of Object.entries(report.nodes)) {
      let downMs = 0;
      let since: number | null = null;
      for (const entry of log.filter((candidate) => candidate.target === id)) {
        if (entry.action === 'random-crash' && since === null) since = entry.timeMs;
        if (entry.action === 'random-repair' && since !== null) {
          downMs += entry.timeMs - since;
          since = null;
        }
      }
      if (since !== null) downMs += endMs - since;
      expect([id, downMs / 1000]).toEqual([id, expect.closeTo(line.downS, 2)]);
    }
    expect(log.filter((entry) => entry.action === 'random-crash').length).toBeGreaterThan(10);
  });

  it('a frame carries at most LOG_SLICE_CAP log entries; the rest follow at once in the next frames, oldest first, none dropped', () => {
    const doc = load(exampleText);
    // 100 notes in the first second, then the example's own events (crash, health marks…).
    doc.scenario = [...Array.from({ length: 100 }, (_, i) => ({ atS: i / 100, action: 'note' as const, note: `note ${i}` })), ...doc.scenario.filter((event) => !event.pause)];
    const h = createHarness();
    h.session.handle({ type: 'load', documentText: saveDocument(doc) });
    const before = h.frames().length;
    h.session.handle({ type: 'step', deltaMs: 30_000 });
    const frames = h.frames().slice(before);
    expect(frames.every((frame) => frame.log.length <= LOG_SLICE_CAP && frame.logDropped === 0)).toBe(true);
    const sim = new Simulation(doc);
    sim.runUntil(30_000);
    const total = sim.appliedEvents.length + sim.world.healthMarks.length;
    expect(frames).toHaveLength(Math.ceil(total / LOG_SLICE_CAP));
    const log = frames.flatMap((frame) => frame.log);
    expect(log).toHaveLength(total);
    const times = log.map((entry) => entry.timeMs);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(log.slice(0, 100).map((entry) => entry.note)).toEqual(Array.from({ length: 100 }, (_, i) => `note ${i}`));
    expect(frames.every((frame) => frame.timeMs === 30_000)).toBe(true);
  });

  it('of a log backlog longer than LOG_BACKLOG_CAP (what the live view keeps) only the newest are sent, the rest counted dropped', () => {
    const doc = load(exampleText);
    doc.scenario = Array.from({ length: LOG_BACKLOG_CAP + 100 }, (_, i) => ({ atS: i / 1000, action: 'note' as const, note: `note ${i}` }));
    const h = createHarness();
    h.session.handle({ type: 'load', documentText: saveDocument(doc) });
    const before = h.frames().length;
    h.session.handle({ type: 'step', deltaMs: 5_000 });
    const frames = h.frames().slice(before);
    expect(frames.reduce((sum, frame) => sum + frame.logDropped, 0)).toBe(100);
    expect(frames.flatMap((frame) => frame.log).map((entry) => entry.note)).toEqual(Array.from({ length: LOG_BACKLOG_CAP }, (_, i) => `note ${i + 100}`));
  });

  it('the event log after seeks (forward, back to the middle, to the end) is the log of playing the run through', () => {
    // Lesson 12: 260 entries (random crashes and repairs, health marks, the cuts at 600 s).
    const doc = lessonDocument('availability-in-numbers');
    const logSinceResync = (h: ReturnType<typeof createHarness>) => {
      const frames = h.frames();
      const from = frames.findLastIndex((frame) => frame.resync);
      return frames.slice(from).flatMap((frame) => frame.log);
    };
    const played = createHarness();
    played.session.handle({ type: 'load', documentText: saveDocument(doc) });
    played.session.handle({ type: 'speed', speed: 'max' });
    playUntilFinished(played);
    const sought = createHarness();
    sought.session.handle({ type: 'load', documentText: saveDocument(doc) });
    // Each seek lands before the next is sent (a long seek runs in slices between messages).
    for (const timeMs of [700_000, 300_000, 1_200_000]) {
      sought.session.handle({ type: 'seek', timeMs });
      sought.scheduler.drain();
      expect(sought.lastFrame().timeMs).toBe(timeMs);
    }
    const log = logSinceResync(played);
    expect(log.length).toBeGreaterThan(200);
    expect(logSinceResync(sought)).toEqual(log);
    expect([...played.frames(), ...sought.frames()].every((frame) => frame.logDropped === 0)).toBe(true);
  });

  it('a long seek or step says it is alive as it goes, so it is not taken for a hang; a seek says how far it has got', () => {
    const h = createHarness(100); // every clock reading: 100 ms of (pretend) real time spent simulating
    h.session.handle({ type: 'load', documentText: exampleText });
    const before = h.messages.length;
    h.session.handle({ type: 'seek', timeMs: 15_000 });
    h.scheduler.drain();
    const during = h.messages.slice(before);
    // 60 chunks of 250 ms, one message per 3 readings: progress towards the target, never past it.
    const progress = during.filter((m) => m.type === 'progress');
    expect(progress.length).toBeGreaterThan(10);
    expect(progress.every((m) => m.targetMs === 15_000 && m.doneMs > 0 && m.doneMs <= 15_000)).toBe(true);
    const done = progress.map((m) => m.doneMs);
    expect(done).toEqual([...done].sort((a, b) => a - b));
    expect(during.at(-1)!.type).toBe('frame');
    const mark = h.messages.length;
    h.session.handle({ type: 'step', deltaMs: 4_000 });
    expect(h.messages.slice(mark).filter((m) => m.type === 'heartbeat').length).toBeGreaterThan(3);
    expect(h.lastFrame().timeMs).toBe(19_000);
  });

  it('config edits hot-apply from now; structural edits re-simulate the edited design to now', () => {
    const h = createHarness();
    h.session.handle({ type: 'load', documentText: exampleText });
    // Before anything has run, a structural edit needs no notice (editing before playing is usual).
    const before = load(exampleText);
    const { 'lb-app2': _removed, ...fewerLinks } = before.links;
    h.session.handle({ type: 'edit', documentText: saveDocument({ ...before, links: fewerLinks }) });
    expect(h.ofType('notice')).toHaveLength(0);
    h.session.handle({ type: 'edit', documentText: exampleText });
    h.session.handle({ type: 'step', deltaMs: 3_000 });
    const doc = load(exampleText);
    const louder = { ...doc, nodes: { ...doc.nodes, 'users-us': { ...doc.nodes['users-us'], x: 999, config: { ...doc.nodes['users-us'].config, rps: 900 } } } };
    h.session.handle({ type: 'edit', documentText: saveDocument(louder) });
    // Hot-applied, not re-simulated; the run is no longer the saved design's, and it says so once.
    expect(h.ofType('notice').map((notice) => notice.message)).toEqual([
      "Setting changed at 3.0 s: this run uses the new value from here on, so its numbers will differ from the saved design's. Reset runs the design with it from 0 s.",
    ]);
    const louder2 = { ...louder, nodes: { ...louder.nodes, 'users-us': { ...louder.nodes['users-us'], config: { ...louder.nodes['users-us'].config, rps: 950 } } } };
    h.session.handle({ type: 'edit', documentText: saveDocument(louder2) });
    h.session.handle({ type: 'edit', documentText: saveDocument(louder) });
    expect(h.ofType('notice')).toHaveLength(1);
    h.session.handle({ type: 'step', deltaMs: 2_000 });
    h.session.handle({ type: 'seek', timeMs: 0 });
    h.session.handle({ type: 'seek', timeMs: 5_000 });
    const rows = h.lastFrame().metricRows;
    const sent = (t: number) => rows[t * METRIC_ROW_FLOATS + 1];
    expect(sent(4)).toBeGreaterThan(sent(1) * 2.5); // the edit applied from 3 s on, and seeking kept it there

    const { 'lb-app3': _cut, ...links } = louder.links;
    h.session.handle({ type: 'edit', documentText: saveDocument({ ...louder, links }) });
    expect(h.ofType('notice').at(-1)!.message).toMatch(/re-simulated the edited design up to 5\.0 s/);
    expect(h.ofType('loaded').at(-1)!.linkIds).not.toContain('lb-app3');
    expect(h.lastFrame().timeMs).toBe(5_000);
  });

  it('the queue fill of seconds before a queue limit edit is measured against the limit then, also when a seek re-reads them', () => {
    // One worker serving 100 requests a second of 1000: the queue is full from the first moments.
    const doc = makeDocument({
      seed: 3,
      durationS: 30,
      nodes: [
        { id: 'users', kind: 'client', config: { rps: 1000, writeRatio: 0 } },
        { id: 'server', kind: 'app', config: { workers: 1, queueLimit: 50, serviceMs: { dist: 'const', mean: 10 } } },
      ],
      links: [{ from: 'users', to: 'server', latencyMs: 0 }],
    });
    const h = createHarness();
    h.session.handle({ type: 'load', documentText: saveDocument(doc) });
    const nodes = h.ofType('loaded')[0].nodeIds;
    const server = nodes.indexOf('server');
    /** The server's queue fill per second, as the frames from `first` on left it (a later row of a second replaces an earlier one). */
    const fills = (first: number): Map<number, number> => {
      const bySecond = new Map<number, number>();
      const stride = nodeRowFloats(nodes.length);
      for (const frame of h.frames().slice(first)) {
        for (let o = 0; o + stride <= frame.nodeRows.length; o += stride) bySecond.set(frame.nodeRows[o], frame.nodeRows[o + 3 + server * NODE_ROW_VALUES]);
      }
      return bySecond;
    };
    h.session.handle({ type: 'step', deltaMs: 10_000 });
    const played = fills(0);
    for (let t = 2; t < 9; t++) expect(played.get(t), `second ${t}`).toBeGreaterThan(0.95);

    // Four times the room from 10 s on, then on to 20 s and back to 15 s: a fresh run to 15 s with
    // the edit replayed at 10 s, whose rows are all sent again.
    h.session.handle({ type: 'edit', documentText: saveDocument({ ...doc, nodes: { ...doc.nodes, server: { ...doc.nodes.server, config: { ...doc.nodes.server.config, queueLimit: 200 } } } }) });
    h.session.handle({ type: 'step', deltaMs: 10_000 });
    const seekFrame = h.frames().length;
    h.session.handle({ type: 'seek', timeMs: 15_000 });
    expect(h.frames()[seekFrame].resync).toBe(true);
    const sought = fills(seekFrame);
    // Seconds before the edit read as they did when played (full), not against the new limit (a quarter).
    for (let t = 2; t < 9; t++) expect(sought.get(t), `second ${t}`).toBeCloseTo(played.get(t)!, 6);
    // After it the queue fills the new room within a fraction of a second.
    for (let t = 11; t < 14; t++) expect(sought.get(t), `second ${t}`).toBeGreaterThan(0.95);
  });

  it('a setting edited before the run starts gives exactly the saved file\'s run (the CLI\'s report), not the setting hot-applied at 0 s', () => {
    const edits: [string, string, Record<string, unknown>][] = [
      ['availability-in-numbers', 'app1', { mtbfS: 20 }], // a failure process started over drew other up-times
      ['reverse-proxy', 'proxy', { rateLimit: { rps: 50 } }], // a token bucket started over
      ['load-balancing-and-health-checks', 'lb', { healthCheck: { intervalMs: 250 } }], // probes scheduled twice: other event counts
    ];
    for (const [lesson, nodeId, patch] of edits) {
      const doc = lessonDocument(lesson);
      const node = doc.nodes[nodeId];
      const edited = { ...doc, nodes: { ...doc.nodes, [nodeId]: { ...node, config: { ...node.config, ...patch } } } };
      const h = createHarness();
      h.session.handle({ type: 'load', documentText: saveDocument(doc) });
      h.session.handle({ type: 'edit', documentText: saveDocument(edited) });
      h.session.handle({ type: 'speed', speed: 'max' });
      playUntilFinished(h);
      const live = h.ofType('finished')[0].report;
      const headless = savedFileReport(edited);
      for (const key of Object.keys(headless)) if (key !== 'wallMs') expect([lesson, key, live[key]]).toEqual([lesson, key, headless[key]]);
      expect(h.ofType('loaded')).toHaveLength(1); // not announced as a new design
    }
  });

  it('a setting edited before the run starts that makes a warning true still updates the warnings', () => {
    const h = createHarness();
    const doc = load(exampleText);
    h.session.handle({ type: 'load', documentText: exampleText });
    h.session.handle({ type: 'edit', documentText: saveDocument({ ...doc, nodes: { ...doc.nodes, lb: { ...doc.nodes.lb, config: { ...doc.nodes.lb.config, sticky: true, layer: 4 } } } }) });
    expect(h.ofType('warnings').at(-1)!.warnings).toContainEqual([{ node: 'lb' }, ': sticky sessions need layer 7 (a layer-4 balancer never sees the cookie); ignored']);
  });

  it('a config edit that makes a warning true or false updates the warnings without restarting the run', () => {
    const h = createHarness();
    const doc = load(exampleText);
    const withLb = (config: Record<string, unknown>) => ({ ...doc, nodes: { ...doc.nodes, lb: { ...doc.nodes.lb, config: { ...doc.nodes.lb.config, ...config } } } });
    const stickyAtLayer4 = withLb({ sticky: true, layer: 4 });
    h.session.handle({ type: 'load', documentText: saveDocument(stickyAtLayer4) });
    const stickyWarning = [{ node: 'lb' }, ': sticky sessions need layer 7 (a layer-4 balancer never sees the cookie); ignored'];
    expect(h.ofType('loaded').at(-1)!.warnings).toContainEqual(stickyWarning);
    h.session.handle({ type: 'step', deltaMs: 2_000 });
    h.session.handle({ type: 'edit', documentText: saveDocument(withLb({ sticky: true, layer: 7 })) });
    expect(h.ofType('warnings').at(-1)!.warnings).not.toContainEqual(stickyWarning);
    expect(h.ofType('loaded')).toHaveLength(1); // hot-applied: the run went on
    // An edit that changes no warning says nothing.
    const count = h.ofType('warnings').length;
    h.session.handle({ type: 'edit', documentText: saveDocument(withLb({ sticky: true, layer: 7, serviceMs: 1 })) });
    expect(h.ofType('warnings')).toHaveLength(count);
    h.session.handle({ type: 'edit', documentText: saveDocument(stickyAtLayer4) });
    expect(h.ofType('warnings').at(-1)!.warnings).toContainEqual(stickyWarning);
    expect(h.lastFrame().timeMs).toBe(2_000);
  });

  it('checks edited after the end are measured again on the report; a new window that is not whole seconds re-runs the design', () => {
    const h = createHarness();
    const doc = load(exampleText);
    const short = { ...doc, durationS: 6, scenario: [], checks: [{ id: 'up', metric: 'availability' as const, op: '>=' as const, value: 0.99 }] };
    h.session.handle({ type: 'load', documentText: saveDocument(short) });
    playUntilStopped(h);
    const first = h.ofType('finished').at(-1)!.report as { checks: { id: string; actual: number }[]; availability: number };
    expect(first.checks.map((check) => check.id)).toEqual(['up']);

    // A second check over whole seconds: no re-run, the report is scored again with both.
    const twoChecks = { ...short, checks: [...short.checks, { id: 'fast', metric: 'latency.p99' as const, op: '<=' as const, value: 1000, fromS: 1, toS: 5 }] };
    h.session.handle({ type: 'edit', documentText: saveDocument(twoChecks) });
    expect(h.ofType('notice')).toHaveLength(0);
    const rescored = h.ofType('finished').at(-1)!.report as { checks: { id: string; actual: number }[]; availability: number };
    expect(rescored.checks.map((check) => check.id)).toEqual(['up', 'fast']);
    expect(rescored.checks[0].actual).toBe(first.availability);
    const headless = new Simulation(load(saveDocument(twoChecks))).finish();
    expect(rescored.checks[1].actual).toBe(JSON.parse(reportToJson(headless)).checks[1].actual);

    // A window of 1.5–5 s needs a tally from t=0: the design is re-simulated.
    const fractional = { ...twoChecks, checks: [twoChecks.checks[0], { ...twoChecks.checks[1], fromS: 1.5 }] };
    h.session.handle({ type: 'edit', documentText: saveDocument(fractional) });
    expect(h.ofType('notice').at(-1)!.message).toMatch(/re-simulated the edited design/);
  });

  it('Reset runs the design as edited from 0 s: a config changed mid-run applies from the start, as in its saved file', () => {
    const h = createHarness();
    const doc = load(exampleText);
    const short = { ...doc, durationS: 6 };
    h.session.handle({ type: 'load', documentText: saveDocument(short) });
    h.session.handle({ type: 'step', deltaMs: 3_000 });
    const users = short.nodes['users-us'];
    const edited = { ...short, nodes: { ...short.nodes, 'users-us': { ...users, config: { ...users.config, rps: 300 } } } };
    h.session.handle({ type: 'edit', documentText: saveDocument(edited) });
    h.session.handle({ type: 'reset' });
    expect(h.lastFrame().timeMs).toBe(0);
    playUntilStopped(h);
    playUntilStopped(h);
    const live = h.ofType('finished').at(-1)!.report as Record<string, unknown>;
    const headless = savedFileReport(edited);
    for (const key of Object.keys(headless)) if (key !== 'wallMs') expect([key, live[key]]).toEqual([key, headless[key]]);
  });

  it('Play after the end runs the design as it now is from 0 s, as its saved file does: a config edited after the end is replayed, not the old design', () => {
    // Lesson 1 ends: "set the load balancer's health-check Interval to 250 ms and replay".
    const h = createHarness();
    const doc = lessonDocument('load-balancing-and-health-checks');
    h.session.handle({ type: 'load', documentText: saveDocument(doc) });
    h.session.handle({ type: 'speed', speed: 'max' });
    playUntilStopped(h);
    playUntilStopped(h);
    playUntilStopped(h);
    expect(h.ofType('finished')).toHaveLength(1);
    const lb = doc.nodes.lb;
    const edited = { ...doc, nodes: { ...doc.nodes, lb: { ...lb, config: { ...lb.config, healthCheck: { intervalMs: 250 } } } } };
    const noticesBefore = h.ofType('notice').length;
    h.session.handle({ type: 'edit', documentText: saveDocument(edited) });
    // The results still shown are the design's before the edit: said once, with how to run it.
    expect(h.ofType('notice').slice(noticesBefore).map((notice) => notice.message)).toEqual([
      "Setting changed after the run ended: the results shown are the design's before the change. Play runs the edited design from 0 s.",
    ]);
    h.session.handle({ type: 'edit', documentText: saveDocument({ ...edited, nodes: { ...edited.nodes, lb: { ...lb, config: { ...lb.config, healthCheck: { intervalMs: 300 } } } } }) });
    h.session.handle({ type: 'edit', documentText: saveDocument(edited) });
    expect(h.ofType('notice').length).toBe(noticesBefore + 1);
    playUntilFinished(h, 2);
    const replay = h.ofType('finished')[1].report as Record<string, unknown>;
    const headless = savedFileReport(edited);
    for (const key of Object.keys(headless)) if (key !== 'wallMs') expect([key, replay[key]]).toEqual([key, headless[key]]);
    // Probes four times as often: fewer requests lost to the crashed server than in the first run.
    expect((replay.requests as { dropped: number }).dropped).toBeLessThan((h.ofType('finished')[0].report.requests as { dropped: number }).dropped);
  });

  it('checks and the title edited while the run plays are the report\'s at the end, as the saved file\'s are (not those the run was loaded with)', () => {
    const h = createHarness();
    const doc = lessonDocument('load-balancing-and-health-checks');
    h.session.handle({ type: 'load', documentText: saveDocument(doc) });
    h.session.handle({ type: 'step', deltaMs: 5_000 });
    // Paused at 5 s: the availability goal raised to 99%, a latency check added, the lesson renamed.
    const edited = { ...doc, meta: { ...doc.meta, title: 'Health checks, stricter' }, checks: [{ ...doc.checks[0], value: 0.99 }, doc.checks[1], { metric: 'latency.p99' as const, op: '<' as const, value: 50 }] };
    h.session.handle({ type: 'edit', documentText: saveDocument(edited) });
    expect(h.ofType('notice')).toHaveLength(0); // hot-applied, not re-simulated
    h.session.handle({ type: 'speed', speed: 'max' });
    playUntilFinished(h);
    const live = h.ofType('finished')[0].report;
    const headless = savedFileReport(edited);
    expect(live.checks).toEqual(headless.checks);
    expect((live.checks as { pass: boolean }[]).map((check) => check.pass)).toEqual([false, true, false]);
    expect(live.title).toBe('Health checks, stricter');
  });

  it('a seek to the end ends the run: the report and final checks at once, the same as playing to the end gives', () => {
    const h = createHarness();
    const doc = lessonDocument('load-balancing-and-health-checks');
    h.session.handle({ type: 'load', documentText: saveDocument(doc) });
    h.session.handle({ type: 'step', deltaMs: 12_000 });
    h.session.handle({ type: 'seek', timeMs: 45_000 });
    const frame = h.lastFrame();
    expect([frame.timeMs, frame.ended, frame.playing]).toEqual([45_000, true, false]);
    expect(h.ofType('finished')).toHaveLength(1);
    const headless = JSON.parse(reportToJson(new Simulation(doc).finish())) as Record<string, unknown>;
    for (const key of Object.keys(headless)) if (key !== 'wallMs') expect([key, h.ofType('finished')[0].report[key]]).toEqual([key, headless[key]]);
    // At the end already, a seek to the end (End pressed twice) is no work: no re-simulation from
    // 0 s (it said how far it had got, from 0 s up), no second report, the same frame.
    const mark = h.messages.length;
    h.session.handle({ type: 'seek', timeMs: 45_000 });
    h.session.handle({ type: 'seek', timeMs: 60_000 });
    const again = h.messages.slice(mark);
    expect(again.map((message) => message.type)).toEqual(['frame', 'frame']);
    expect(again.every((message) => message.type === 'frame' && message.timeMs === 45_000 && message.ended)).toBe(true);
    expect(h.ofType('finished')).toHaveLength(1);
    // Sought back, the run is open again; at the end once more, the same report.
    h.session.handle({ type: 'seek', timeMs: 20_000 });
    expect(h.lastFrame().ended).toBe(false);
    h.session.handle({ type: 'seek', timeMs: 45_000 });
    expect(h.ofType('finished')[1].report).toEqual(h.ofType('finished')[0].report);
  });

  it('refuses a fault at the end of the run; a design edited after the end is run to the end again, with its report', () => {
    const h = createHarness();
    const doc = load(exampleText);
    const short = { ...doc, durationS: 4 };
    h.session.handle({ type: 'load', documentText: saveDocument(short) });
    h.session.handle({ type: 'seek', timeMs: 4_000 });
    h.session.handle({ type: 'inject', event: { action: 'crash', target: 'app1' } });
    expect(h.ofType('rejected').at(-1)!.message).toMatch(/the run has ended/);
    expect(h.ofType('injected')).toHaveLength(0);
    // Sought to the end, the run has ended with its report (no Play needed to finish it).
    expect(h.ofType('finished')).toHaveLength(1);
    const reseeded = { ...short, seed: 7 };
    h.session.handle({ type: 'edit', documentText: saveDocument(reseeded) });
    expect(h.ofType('finished')).toHaveLength(2);
    const live = h.ofType('finished').at(-1)!.report as Record<string, unknown>;
    const headless = savedFileReport(reseeded);
    expect(live.seed).toBe(7);
    expect(live.requests).toEqual(headless.requests);
  });
});
