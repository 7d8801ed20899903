import { Application, Particle, ParticleContainer, Graphics } from 'pixi.js';
import { loadDocumentValue } from '../../../shared/model/load';
import type { FaultlineDocument } from '../../../shared/model/types';
import { OP_READ } from '../../../shared/sim/engine/codes';
import { METRIC_ROW_FLOATS, PACKET_FLOATS, type Frame } from '../../../shared/sim/session/protocol';
import { LiveLayer } from '../liveLayer';

const WIDTH = 1280;
const HEIGHT = 720;
const COLUMNS = 6;
const ROWS = 5;

/** A grid of app servers, each linked to its right and lower neighbour, with 50 ms links (packets are drawn at slow speeds). */
export function benchDocument(): FaultlineDocument {
  const nodes = [];
  const links = [];
  for (let r = 0; r < ROWS; r++) {
    for (let c = 0; c < COLUMNS; c++) {
      nodes.push({ id: `n${r}_${c}`, kind: 'app', x: 20 + c * 210, y: 20 + r * 140 });
      if (c + 1 < COLUMNS) links.push({ id: `h${r}_${c}`, from: `n${r}_${c}`, to: `n${r}_${c + 1}`, latencyMs: 50 });
      if (r + 1 < ROWS) links.push({ id: `v${r}_${c}`, from: `n${r}_${c}`, to: `n${r + 1}_${c}`, latencyMs: 50 });
    }
  }
  const loaded = loadDocumentValue({ format: 'faultline', version: 1, meta: { title: 'renderer bench' }, seed: 1, durationS: 60, regions: [], nodes, links, scenario: [], checks: [] });
  if (!loaded.ok) throw new Error(`bench document: ${loaded.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
  return loaded.document;
}

export function benchFrame(doc: FaultlineDocument, packets: number): Frame {
  const n = Object.keys(doc.nodes).length;
  const links = Object.keys(doc.links).length;
  const data = new Float32Array(packets * PACKET_FLOATS);
  for (let p = 0; p < packets; p++) {
    const o = p * PACKET_FLOATS;
    data[o] = p % links;
    data[o + 1] = (p * 0.618034) % 1;
    data[o + 2] = OP_READ;
    data[o + 3] = p % 3 === 0 ? 1 : 0;
  }
  return {
    type: 'frame', seq: 0, timeMs: 1000, durationMs: 60_000, playing: true, speed: 0.01, achievedSpeed: 0.01, ended: false,
    nodeStatus: new Uint8Array(n), utilization: new Float32Array(n).fill(0.4), queueFill: new Float32Array(n).fill(0.2),
    cacheFill: new Float32Array(n).fill(Number.NaN), role: new Uint8Array(n), hitRatio: new Float32Array(n).fill(Number.NaN),
    linkMarkedDown: new Uint8Array(links), linkRates: new Float32Array(links * 3), checkActual: new Float64Array(0), checkPass: new Uint8Array(0), checkFinal: new Uint8Array(0), consistency: new Float64Array(3),
    packetCount: packets, packets: data, metricRows: new Float64Array(METRIC_ROW_FLOATS * 0), consistencyRows: new Float64Array(0), nodeRows: new Float64Array(0), resync: false, log: [], logDropped: 0,
  };
}

/**
 * Moves every packet a little along its link, as the next engine frame would, and lets node
 * utilization drift (a bar grows a visible step every ~16 frames, as in a busy run).
 */
export function advance(frame: Frame, step: number): void {
  for (let i = 0; i < frame.utilization.length; i++) frame.utilization[i] = (frame.utilization[i] + 0.001 * (1 + (i % 3))) % 1;
  const data = frame.packets;
  for (let o = 1; o < data.length; o += PACKET_FLOATS) {
    const next = data[o] + step;
    data[o] = next >= 1 ? next - 1 : next;
  }
}

interface Variant {
  tick(step: number): void;
  /** Only the variant being measured is drawn. */
  show(visible: boolean): void;
  destroy(): void;
}

function liveVariant(app: Application, doc: FaultlineDocument, packets: number): Variant {
  const layer = new LiveLayer(app.renderer);
  app.stage.addChild(layer.under, layer.onCards, layer.over);
  const frame = benchFrame(doc, packets);
  const nodeIds = Object.keys(doc.nodes);
  const linkIds = Object.keys(doc.links);
  return {
    tick(step) {
      advance(frame, step);
      layer.update(doc, frame, nodeIds, linkIds, 1 / 60);
    },
    show(visible) {
      layer.under.visible = visible;
      layer.onCards.visible = visible;
      layer.over.visible = visible;
    },
    destroy() {
      app.stage.removeChild(layer.under, layer.onCards, layer.over);
      layer.destroy();
    },
  };
}

/** The baseline: the same particles along the same links, with nothing else. */
function bareVariant(app: Application, doc: FaultlineDocument, packets: number): Variant {
  const dot = new Graphics().circle(0, 0, 10).fill({ color: 0xffffff });
  const texture = app.renderer.generateTexture(dot);
  const container = new ParticleContainer({ texture, dynamicProperties: { position: true, color: true, vertex: true } });
  const geometry = Object.values(doc.links).map((link) => {
    const a = doc.nodes[link.from];
    const b = doc.nodes[link.to];
    return [a.x + 76, a.y + 30, b.x + 76, b.y + 30];
  });
  const frame = benchFrame(doc, packets);
  for (let p = 0; p < packets; p++) container.addParticle(new Particle({ texture, anchorX: 0.5, anchorY: 0.5, scaleX: 0.5, scaleY: 0.5, tint: 0x4f9dff }));
  app.stage.addChild(container);
  return {
    tick(step) {
      advance(frame, step);
      const data = frame.packets;
      const children = container.particleChildren;
      for (let p = 0; p < packets; p++) {
        const o = p * PACKET_FLOATS;
        const g = geometry[data[o]];
        const t = data[o + 1];
        children[p].x = g[0] + (g[2] - g[0]) * t;
        children[p].y = g[1] + (g[3] - g[1]) * t;
      }
      container.update();
    },
    show(visible) {
      container.visible = visible;
    },
    destroy() {
      app.stage.removeChild(container);
      container.destroy();
      texture.destroy(true);
      dot.destroy();
    },
  };
}

/** Reads one pixel back: unlike gl.finish(), Chromium cannot return before the frame is drawn. */
function sync(app: Application, pixel: Uint8Array): void {
  const gl = (app.renderer as unknown as { gl?: WebGLRenderingContext }).gl;
  gl?.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, pixel);
}

/** Frames per second rendering `variant` for `ms` of wall time, each frame drawn to completion. */
function measure(app: Application, variant: Variant, ms: number): number {
  const pixel = new Uint8Array(4);
  // Warm-up: first frames upload buffers and compile shaders.
  for (let i = 0; i < 3; i++) {
    variant.tick(0.004);
    app.render();
    sync(app, pixel);
  }
  let frames = 0;
  const start = performance.now();
  let now = start;
  while (now - start < ms) {
    variant.tick(0.004);
    app.render();
    sync(app, pixel);
    frames++;
    now = performance.now();
  }
  return (frames * 1000) / (now - start);
}

export interface RendererBenchRow {
  packets: number;
  liveFps: number;
  bareFps: number;
  /** Median over interleaved pairs of live fps / bare fps. */
  ratio: number;
}

async function run(counts: number[], msPerRound: number, rounds: number): Promise<{ renderer: string; rows: RendererBenchRow[] }> {
  const app = new Application();
  await app.init({ preference: 'webgl', width: WIDTH, height: HEIGHT, antialias: false, autoStart: false, background: 0x0e1116 });
  document.body.appendChild(app.canvas);
  app.ticker.stop();
  const doc = benchDocument();
  const rows: RendererBenchRow[] = [];
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  for (const packets of counts) {
    const bare = bareVariant(app, doc, packets);
    const live = liveVariant(app, doc, packets);
    const liveFps: number[] = [];
    const bareFps: number[] = [];
    const ratios: number[] = [];
    // Short interleaved pairs, ratio per pair: load from other processes hits both halves of a pair alike.
    for (let r = 0; r < rounds; r++) {
      bare.show(true);
      live.show(false);
      const b = measure(app, bare, msPerRound);
      bare.show(false);
      live.show(true);
      const l = measure(app, live, msPerRound);
      bareFps.push(b);
      liveFps.push(l);
      ratios.push(l / b);
    }
    bare.destroy();
    live.destroy();
    rows.push({ packets, liveFps: Math.round(median(liveFps) * 10) / 10, bareFps: Math.round(median(bareFps) * 10) / 10, ratio: Math.round(median(ratios) * 1000) / 1000 });
  }
  const name = app.renderer.name;
  app.destroy(true, { children: true });
  return { renderer: name, rows };
}

(window as unknown as { faultlineRendererBench: typeof run }).faultlineRendererBench = run;
