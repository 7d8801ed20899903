import { Application } from 'pixi.js';
import { loadDocumentValue } from '../../../shared/model/load';
import type { FaultlineDocument } from '../../../shared/model/types';
import type { Selection } from '../../editor/store/selection';
import { SceneView } from '../sceneView';
import { CANVAS_THEMES } from '../theme';

const WIDTH = 1280;
const HEIGHT = 720;

/**
 * A layered design of `n` nodes — clients, balancers, apps, caches, databases in five rows —
 * with about one link per node, like a large classroom diagram.
 */
export function layeredDocument(n: number): FaultlineDocument {
  const kinds = ['client', 'lb', 'app', 'cache', 'db'] as const;
  const perRow = Math.ceil(n / kinds.length);
  const nodes = [];
  const links = [];
  for (let i = 0; i < n; i++) {
    const row = Math.floor(i / perRow);
    const column = i % perRow;
    nodes.push({ id: `n${i}`, kind: kinds[row], x: column * 200, y: row * 200 });
    if (row > 0) links.push({ id: `l${i}`, from: `n${i - perRow}`, to: `n${i}` });
  }
  const loaded = loadDocumentValue({ format: 'faultline', version: 1, meta: { title: 'canvas bench' }, seed: 1, durationS: 60, regions: [], nodes, links, scenario: [], checks: [] });
  if (!loaded.ok) throw new Error(`canvas bench document: ${loaded.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
  return loaded.document;
}

/** The document with one node moved by (dx, dy): a new record, every other record shared (as immer does). */
function moved(doc: FaultlineDocument, id: string, dx: number): FaultlineDocument {
  const node = doc.nodes[id];
  return { ...doc, nodes: { ...doc.nodes, [id]: { ...node, x: node.x + dx } } };
}

/** Reads one pixel back: Chromium cannot return before the frame is drawn. */
function finish(app: Application, pixel: Uint8Array): void {
  const gl = (app.renderer as unknown as { gl?: WebGLRenderingContext }).gl;
  gl?.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, pixel);
}

/** Frames per second of `frame` drawn back to back for `ms`, after three unmeasured ones (first draws upload geometry and textures). */
function framesPerSecond(frame: () => void, ms: number): number {
  for (let i = 0; i < 3; i++) frame();
  let frames = 0;
  const start = performance.now();
  let now = start;
  while (now - start < ms) {
    frame();
    frames++;
    now = performance.now();
  }
  return (frames * 1000) / (now - start);
}

/** The zoom Fit (F) would show the layered design at. */
function fittedZoom(doc: FaultlineDocument): number {
  const nodes = Object.values(doc.nodes);
  const width = Math.max(...nodes.map((node) => node.x)) + 200;
  const height = Math.max(...nodes.map((node) => node.y)) + 200;
  return Math.min(WIDTH / width, HEIGHT / height, 1);
}

/**
 * Frames per second of a frame that changes a fresh scene (`makeFrame` gets the scene and the
 * draw that ends each frame: render, then wait for the GPU); the scene is taken down afterwards.
 */
function sceneFps(app: Application, ms: number, makeFrame: (scene: SceneView, draw: () => void) => () => void): number {
  const scene = new SceneView(CANVAS_THEMES.light);
  app.stage.addChild(scene.root);
  const pixel = new Uint8Array(4);
  const draw = () => {
    app.render();
    finish(app, pixel);
  };
  const fps = framesPerSecond(makeFrame(scene, draw), ms);
  app.stage.removeChild(scene.root);
  scene.destroy();
  return fps;
}

/**
 * Frames per second of a node drag at the fitted zoom: each frame moves the dragged node one
 * pixel, copies the document into the scene and draws it to completion. `selectAll` drags with
 * every node selected, so every card and link is in the layers rebuilt each frame — what any
 * drag cost before the scene kept what the user works on apart.
 */
function dragFps(app: Application, doc: FaultlineDocument, selectAll: boolean, ms: number): number {
  return sceneFps(app, ms, (scene, draw) => {
    const ids = Object.keys(doc.nodes);
    const dragged = ids[Math.floor(ids.length / 2)];
    const selection: Selection = { nodes: selectAll ? ids : [dragged], links: [], regions: [] };
    const zoom = fittedZoom(doc);
    scene.root.scale.set(zoom);
    scene.setZoom(zoom, 1, { x: 0, y: 0, w: WIDTH / zoom, h: HEIGHT / zoom });
    let current = doc;
    let step = 1;
    return () => {
      step = -step;
      current = moved(current, dragged, step);
      scene.sync(current, selection, {}, CANVAS_THEMES.light);
      draw();
    };
  });
}

/**
 * Frames per second of a wheel zoom far out: each frame zooms the fitted design in or out a
 * little (between 0.85 and 1.15 times the fit, which for 200 and 1000 nodes is below farZoom(false),
 * so the far labels are re-placed every frame) and draws it to completion.
 */
function farZoomFps(app: Application, doc: FaultlineDocument, ms: number): number {
  return sceneFps(app, ms, (scene, draw) => {
    const fit = fittedZoom(doc);
    scene.sync(doc, { nodes: [], links: [], regions: [] }, {}, CANVAS_THEMES.light);
    let step = 0;
    return () => {
      const zoom = fit * (1 + 0.15 * Math.sin(step++ / 8));
      scene.root.scale.set(zoom);
      scene.setZoom(zoom, 1, { x: 0, y: 0, w: WIDTH / zoom, h: HEIGHT / zoom });
      draw();
    };
  });
}

export interface CanvasEditRow {
  nodes: number;
  dragFps: number;
  /** The same drag with every node selected (everything rebuilt per frame). */
  everythingRebuiltFps: number;
  /** Zooming in and out round the fit (see farZoomFps). */
  farZoomFps: number;
}

async function run(sizes: number[], msPerRound: number, rounds: number): Promise<CanvasEditRow[]> {
  const app = new Application();
  await app.init({ preference: 'webgl', width: WIDTH, height: HEIGHT, antialias: false, autoStart: false, background: 0xffffff });
  document.body.appendChild(app.canvas);
  app.ticker.stop();
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const rows: CanvasEditRow[] = [];
  for (const n of sizes) {
    const doc = layeredDocument(n);
    const drag: number[] = [];
    const everything: number[] = [];
    const zoom: number[] = [];
    for (let r = 0; r < rounds; r++) {
      drag.push(dragFps(app, doc, false, msPerRound));
      everything.push(dragFps(app, doc, true, msPerRound));
      zoom.push(farZoomFps(app, doc, msPerRound));
    }
    const tenths = (value: number) => Math.round(value * 10) / 10;
    rows.push({ nodes: n, dragFps: tenths(median(drag)), everythingRebuiltFps: tenths(median(everything)), farZoomFps: tenths(median(zoom)) });
  }
  app.destroy(true, { children: true });
  return rows;
}

(window as unknown as { faultlineCanvasEditBench: typeof run }).faultlineCanvasEditBench = run;
