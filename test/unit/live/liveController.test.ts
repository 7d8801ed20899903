import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { loadDocument } from '../../../shared/model/load';
import type { FaultlineDocument } from '../../../shared/model/types';
import { EngineClient } from '../../../renderer/engine/engineClient';
import type { EngineConnection } from '../../../renderer/engine/engineConnection';
import { DocumentStore } from '../../../renderer/editor/store/documentStore';
import { LiveController } from '../../../renderer/live/liveController';
import { CLASSROOM_SPEED } from '../../../renderer/live/speedPresets';

function classicStack(): FaultlineDocument {
  const loaded = loadDocument(readFileSync(new URL('../../../shared/examples/classic-web-stack.faultline', import.meta.url), 'utf8'));
  if (!loaded.ok) throw new Error('the default sandbox does not load');
  return loaded.document;
}

/** A connection that records commands and lets the test play the engine's part. */
function fakeConnection() {
  const sent: { type: string; [key: string]: unknown }[] = [];
  let deliver: (data: unknown) => void = () => {};
  const connection: EngineConnection = {
    post: (command) => sent.push(command as { type: string }),
    onMessage: (listener) => {
      deliver = listener;
      return () => {};
    },
    close: () => {},
  };
  return { connection, sent, receive: (data: unknown) => deliver(data) };
}

describe('LiveController', () => {
  it('records an injected fault in the document (undoable) without sending it back as an edit', () => {
    vi.useFakeTimers();
    const fake = fakeConnection();
    const store = new DocumentStore(classicStack());
    const controller = new LiveController(new EngineClient(fake.connection, () => {}), store);
    controller.load();
    controller.inject({ action: 'crash', target: 'app1' });
    expect(fake.sent.map((c) => c.type)).toEqual(['load', 'speed', 'inject']);
    fake.receive({ type: 'injected', event: { atS: 7.001, action: 'crash', target: 'app1' } });
    expect(store.getDocument().scenario.at(-1)).toEqual({ atS: 7.001, action: 'crash', target: 'app1' });
    expect(store.canUndo()).toBe(true);
    vi.advanceTimersByTime(1000);
    // The engine already runs that scenario: no edit goes out.
    expect(fake.sent.map((c) => c.type)).toEqual(['load', 'speed', 'inject']);
    // A real edit does go out, once, after it settles.
    store.update((draft) => {
      draft.nodes.app1.config = { workers: 16 };
    });
    vi.advanceTimersByTime(1000);
    expect(fake.sent.map((c) => c.type)).toEqual(['load', 'speed', 'inject', 'edit']);
    vi.useRealTimers();
  });

  it('a freshly opened document is loaded from 0 s rather than edited into the running one', () => {
    vi.useFakeTimers();
    const fake = fakeConnection();
    const store = new DocumentStore(classicStack());
    const controller = new LiveController(new EngineClient(fake.connection, () => {}), store);
    controller.load();
    const other = classicStack();
    store.replaceDocument({ ...other, meta: { title: 'Another design' } });
    vi.advanceTimersByTime(1000);
    expect(fake.sent.map((c) => c.type)).toEqual(['load', 'speed', 'load', 'speed']);
    vi.useRealTimers();
  });

  it('a document opened again with the very text it had starts over from 0 s (a lesson chosen again mid-run)', () => {
    vi.useFakeTimers();
    const fake = fakeConnection();
    const store = new DocumentStore(classicStack());
    const controller = new LiveController(new EngineClient(fake.connection, () => {}), store);
    controller.load();
    controller.seek(30_000);
    store.replaceDocument(classicStack());
    vi.advanceTimersByTime(1000);
    expect(fake.sent.map((c) => c.type)).toEqual(['load', 'speed', 'seek', 'load', 'speed']);
    // Once loaded, the same text is not sent again.
    controller.play();
    expect(fake.sent.map((c) => c.type)).toEqual(['load', 'speed', 'seek', 'load', 'speed', 'play']);
    vi.useRealTimers();
  });

  it('classroom mode starts in slow motion, and leaving it brings back the speed chosen before', () => {
    const fake = fakeConnection();
    const controller = new LiveController(new EngineClient(fake.connection, () => {}), new DocumentStore(classicStack()));
    const speeds = () => fake.sent.filter((c) => c.type === 'speed').map((c) => c.speed);
    controller.setSpeed('max');
    controller.setClassroom(true);
    expect(controller.speed).toBe(CLASSROOM_SPEED);
    controller.setClassroom(false);
    expect(controller.speed).toBe('max');
    expect(speeds()).toEqual(['max', CLASSROOM_SPEED, 'max']);
    // A speed chosen in classroom mode is the user's: leaving keeps it.
    controller.setClassroom(true);
    controller.setSpeed(100);
    controller.setClassroom(false);
    expect(controller.speed).toBe(100);
  });
});
