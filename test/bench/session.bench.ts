/**
 * The live session's figures (DESIGN §10): what a frame costs the receiving side at 1k / 10k /
 * 100k packets in transit — a real MessagePort, buffers transferred, received synchronously with
 * receiveMessageOnPort and validated as the client validates it — against the same packets as
 * structured-cloned objects in the same run; and how long seeking to the end of the default
 * sandbox's 60 s run takes (re-simulation from t=0), against the bare engine doing the same run.
 */
import { readFileSync } from 'node:fs';
import { MessageChannel, receiveMessageOnPort } from 'node:worker_threads';
import { join } from 'node:path';
import { loadDocument } from '../../shared/model/load';
import { Simulation } from '../../shared/sim/simulation';
import { LiveRun } from '../../shared/sim/session/liveRun';
import { Session } from '../../shared/sim/session/session';
import { PACKET_FLOATS, PROTOCOL_VERSION, frameTransferables, parseEngineMessage, type Frame } from '../../shared/sim/session/protocol';
import { median, significant, timed } from './measure';

/** A real frame of the default sandbox (whatever fields the protocol has today), 5 s in. */
function sandboxFrame(text: string): Frame {
  let captured: Frame | null = null;
  const session = new Session({
    post: (message) => {
      if (message.type === 'frame') captured = message;
    },
    clock: { now: () => 0 },
    schedule: () => () => {},
  });
  session.handle({ type: 'load', documentText: text });
  session.handle({ type: 'step', deltaMs: 5_000 });
  if (captured === null) throw new Error('the session sent no frame');
  return captured;
}

/** `base` with `packets` synthetic packets in transit (fresh buffers: transferring detaches them). */
function makeFrame(base: Frame, packets: number, seq: number): Frame {
  const data = new Float32Array(packets * PACKET_FLOATS);
  for (let i = 0; i < data.length; i += PACKET_FLOATS) {
    data[i] = i % 97;
    data[i + 1] = (i % 1000) / 1000;
    data[i + 2] = i % 8;
    data[i + 3] = i % 4;
  }
  const copy = Object.fromEntries(Object.entries(base).map(([key, value]) => [key, ArrayBuffer.isView(value) ? (value as Float32Array).slice() : value]));
  return { ...(copy as unknown as Frame), seq, packets: data, packetCount: packets };
}

/** The same packets as the object arrays the protocol forbids. */
function asObjects(frame: Frame): unknown {
  const packets = [];
  for (let i = 0; i < frame.packetCount; i++) {
    const o = i * PACKET_FLOATS;
    packets.push({ link: frame.packets[o], progress: frame.packets[o + 1], kind: frame.packets[o + 2], outcome: frame.packets[o + 3] });
  }
  return { ...frame, packets };
}

function receiveMs(packets: number, repetitions: number, makeMessage: (seq: number) => { message: unknown; transfer: ArrayBuffer[] }, validate: boolean): number {
  const { port1, port2 } = new MessageChannel();
  const times: number[] = [];
  for (let r = 0; r < repetitions + 3; r++) {
    const { message, transfer } = makeMessage(r);
    port1.postMessage(message, transfer);
    const trial = timed(() => {
      const received = receiveMessageOnPort(port2);
      if (validate && !parseEngineMessage(received?.message).ok) throw new Error('frame failed validation');
      return packets;
    });
    if (r >= 3) times.push(trial.ms); // after warm-up
  }
  port1.close();
  return median(times);
}

function handOff(base: Frame, packets: number, repetitions: number): Record<string, number> {
  const transferredMs = receiveMs(packets, repetitions, (seq) => {
    const frame = makeFrame(base, packets, seq);
    return { message: frame, transfer: frameTransferables(frame) };
  }, true);
  const objectsMs = receiveMs(packets, repetitions, (seq) => ({ message: asObjects(makeFrame(base, packets, seq)), transfer: [] }), false);
  return {
    receiveAndValidateMs: significant(transferredMs),
    objectsReceiveMs: significant(objectsMs),
    ratioToObjects: significant(transferredMs / objectsMs),
  };
}

function seek(text: string, repetitions: number): Record<string, number> {
  const loaded = loadDocument(text);
  if (!loaded.ok) throw new Error('the default sandbox does not load');
  const doc = loaded.document;
  const seekTimes: number[] = [];
  const bareTimes: number[] = [];
  for (let r = 0; r < repetitions + 1; r++) {
    const run = new LiveRun(doc);
    run.advanceTo(30_000);
    // Backwards from 30 s to the end would not re-simulate; seek back to 0 first, then to the end,
    // which is the worst case a user can ask for (the whole 60 s from t=0).
    const seekTrial = timed(() => {
      run.seek(0);
      run.seek(60_000);
      return 1;
    });
    const bareTrial = timed(() => {
      new Simulation(doc).runUntil(60_000);
      return 1;
    });
    if (r >= 1) {
      seekTimes.push(seekTrial.ms);
      bareTimes.push(bareTrial.ms);
    }
  }
  const seekMs = median(seekTimes);
  return { seekTo60sMs: significant(seekMs), bareRun60sMs: significant(median(bareTimes)), ratioToBareRun: significant(seekMs / median(bareTimes)), targetMs: 2000 };
}

export function benchSession(options: { repetitions: number; quick: boolean }): Record<string, unknown> {
  const repetitions = Math.max(5, options.repetitions * 4);
  // scripts/bench.mjs runs the bundle from the repository root.
  const text = readFileSync(join(process.cwd(), 'shared', 'examples', 'classic-web-stack.faultline'), 'utf8');
  const base = sandboxFrame(text);
  return {
    protocol: PROTOCOL_VERSION,
    frameHandOff: {
      note: 'receiving side: receiveMessageOnPort + zod validation of a frame with transferred buffers, vs receiving the same packets as cloned objects',
      targetMsAt10k: 1,
      packets1k: handOff(base, 1_000, repetitions),
      packets10k: handOff(base, 10_000, repetitions),
      packets100k: handOff(base, 100_000, options.quick ? 3 : repetitions),
    },
    seek: seek(text, options.quick ? 1 : options.repetitions),
  };
}
