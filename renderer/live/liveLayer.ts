import { Container, Graphics, Particle, ParticleContainer, Text, Texture, type Renderer } from 'pixi.js';
import { resolveLink } from '../../shared/model/defaults';
import type { FaultlineDocument } from '../../shared/model/types';
import { NODE_DEGRADED, NODE_DOWN, type Frame } from '../../shared/sim/session/protocol';
import { roleBadge } from './roleBadge';
import { badgeScale } from './badgeScale';
import { LIVE_SIZES, type LiveSizes } from './liveSizes';
import { linkPairKeys, linkSegment, NODE_CARD, NODE_STATUS_DOT, type Point, type Rect } from '../editor/geometry';
import { drawDashedLine } from '../canvas/linkDrawing';
import { activeFaultsAt, linksAcross } from './activeFaults';
import { faultLinePoints } from './faultLine';
import { LINK_GEOMETRY_FLOATS, PacketLayout } from './packetLayout';
import { FAILURE_COLOR, flowKindOf, PACKET_KIND_COLORS } from './packetStyle';
import { LINK_RATE_FLOATS } from '../../shared/sim/session/linkRates';
import { flowGapPx, packetWeight, realTravelMs } from './visualTime';

/** Most particles drawn; above it each particle stands for several packets. */
export const PARTICLE_CAP = 60_000;
const PACKET_RADIUS = 5;
/** Flow dashes crawl at this many world pixels per real second. */
const FLOW_PX_PER_S = 70;
const FLOW_DASH_PX = 7;
/**
 * Below this many messages per simulated second a link shows no dashes: the averaged rate
 * (session/linkRates.ts) decays towards 0 after traffic stops without reaching it.
 */
const FLOW_MIN_RATE = 0.25;
/** A link whose failed answers reach this many per simulated second bursts red rings. */
const FAILURE_BURST_RATE = 1;

const HEALTH = { up: 0x22c55e, down: 0xef4444, degraded: 0xf59e0b, suspected: 0xa855f7 } as const;
const BAR_BG = 0x000000;

/** Shows the first `count` pooled particles in `container` (no allocation once the pool has grown). */
function showPooled(container: ParticleContainer, pool: readonly Particle[], count: number): void {
  const children = container.particleChildren;
  children.length = count;
  for (let i = 0; i < count; i++) children[i] = pool[i];
  container.update();
}

function sameBoxes(a: readonly Rect[], b: readonly Rect[]): boolean {
  return a.length === b.length && a.every((box, i) => box.x === b[i].x && box.y === b[i].y && box.w === b[i].w && box.h === b[i].h);
}

function bgr(rgb: number): number {
  return ((rgb & 0xff) << 16) | (rgb & 0xff00) | ((rgb >> 16) & 0xff);
}

interface NodeBadge {
  role: Text;
  down: Text;
}

/**
 * Everything the live simulation adds to the canvas, above links and below nothing else the user
 * edits: link states (cut, degraded, marked down), partition fault lines, flow dashes, packets as
 * particles, and per-node overlays (health ring, utilization, queue and cache bars, role badge).
 * `update` copies the newest frame into the view once per display frame.
 */
export class LiveLayer {
  /** Link states, flows and packets: placed above links, below node cards. */
  readonly under = new Container({ label: 'live-under' });
  /** What sits on a card (the green status dot): placed above node cards, under far labels. */
  readonly onCards = new Container({ label: 'live-on-cards' });
  /** Node states: placed above node cards and far labels. */
  readonly over = new Container({ label: 'live-over' });
  private readonly linkStates = new Graphics({ label: 'live-links' });
  private readonly flows = new Graphics({ label: 'live-flows' });
  private readonly particles: ParticleContainer;
  private readonly overlays = new Graphics({ label: 'live-nodes' });
  /** Rings that pulse (crashed nodes, the highlighted node): redrawn rarely, faded every frame. */
  private readonly pulses = new Graphics({ label: 'live-pulses' });
  /** What the node overlays and link states were last drawn from; redrawn only when it changes. */
  private nodeKey = new Uint16Array(0);
  private nodeKeyDocument: FaultlineDocument | null = null;
  private nodeKeyHighlight: string | null = null;
  private linkKey = '';
  private linkKeyDocument: FaultlineDocument | null = null;
  private readonly badges = new Container({ label: 'live-badges' });
  private readonly pool: Particle[] = [];
  /** Utilization, queue and cache bars under the cards. */
  private readonly bars = new ParticleContainer({ texture: Texture.WHITE, dynamicProperties: { position: true, vertex: true, color: true } });
  private readonly barPool: Particle[] = [];
  private barCount = 0;
  /** Green status dots of healthy nodes. */
  private readonly dots: ParticleContainer;
  private readonly dotPool: Particle[] = [];
  private dotCount = 0;
  private readonly texture: Texture;
  private readonly layout = new PacketLayout(PARTICLE_CAP);
  private geometry = new Float32Array(0);
  private linkWeight = new Float32Array(0);
  private linkDelayMs = new Float64Array(0);
  /** Per link: the colour of what it carries, for its flow dashes (packetStyle flowKindOf). */
  private linkFlowColor = new Uint32Array(0);
  private nodeBadges = new Map<string, NodeBadge>();
  private badgeResolution: number | null = null;
  /** Databases joined by replication links: only there is PRIMARY news (a lone database is one). */
  private replicated = new Set<string>();
  private geometryFor: FaultlineDocument | null = null;
  private elapsedS = 0;
  /** The node to pulse (a log row was clicked). */
  highlightNodeId: string | null = null;
  /** Classroom mode: bigger packets, badges and bars, for the back of the room (LIVE_SIZES). */
  classroom = false;
  /** Where the badges are (world units), as drawn last; a new array whenever they change. */
  private badgeBoxes: readonly Rect[] = [];
  /** The canvas's zoom: far out the badges are enlarged to stay readable (badgeScale). */
  private zoom = 1;
  /** The badge scale the node overlays were last drawn at. */
  private drawnBadgeScale = 1;
  /** The sizes the node overlays and badges were last drawn at. */
  private drawnSizes: LiveSizes = LIVE_SIZES.normal;
  /** Something on screen animates by itself (flows, pulses): keep drawing. */
  animating = false;

  constructor(renderer: Renderer) {
    const dot = new Graphics().circle(0, 0, PACKET_RADIUS * 2).fill({ color: 0xffffff }).circle(0, 0, PACKET_RADIUS * 2).stroke({ width: 2, color: 0xffffff, alpha: 0.5 });
    this.texture = renderer.generateTexture({ target: dot, resolution: 2, antialias: true });
    dot.destroy();
    this.particles = new ParticleContainer({ texture: this.texture, dynamicProperties: { position: true, color: true, vertex: true, rotation: false, uvs: false } });
    this.dots = new ParticleContainer({ texture: this.texture, dynamicProperties: { position: true, color: true } });
    this.under.addChild(this.linkStates, this.flows, this.particles);
    this.onCards.addChild(this.dots);
    this.over.addChild(this.bars, this.overlays, this.pulses, this.badges);
    this.under.eventMode = 'none';
    this.onCards.eventMode = 'none';
    this.over.eventMode = 'none';
  }

  /** The badges shown over a node (PRIMARY, DOWN…) and their type size on screen (CSS px), for tests. */
  drawnBadges(nodeId: string): { text: string; screenPx: number }[] {
    const badge = this.nodeBadges.get(nodeId);
    if (badge === undefined) return [];
    return [badge.down, badge.role].filter((text) => text.visible).map((text) => ({ text: text.text, screenPx: Number(text.style.fontSize) * text.scale.x * this.zoom }));
  }

  /** Drawn particles in the last update (for tests and the benchmark). */
  get drawnParticles(): number {
    return this.layout.count;
  }

  private rebuildGeometry(doc: FaultlineDocument): void {
    const links = Object.values(doc.links);
    const pairs = linkPairKeys(doc);
    this.geometry = new Float32Array(links.length * LINK_GEOMETRY_FLOATS);
    this.linkWeight = new Float32Array(links.length);
    this.linkDelayMs = new Float64Array(links.length);
    this.linkFlowColor = new Uint32Array(links.length);
    links.forEach((link, i) => {
      this.linkFlowColor[i] = PACKET_KIND_COLORS[flowKindOf(link.kind === 'replication', doc.nodes[link.to]?.kind)];
      const segment = linkSegment(doc, link, pairs);
      if (segment !== undefined) this.geometry.set([segment.start.x, segment.start.y, segment.end.x, segment.end.y], i * LINK_GEOMETRY_FLOATS);
      this.linkDelayMs[i] = resolveLink(doc, link.id).latencyMs;
    });
    // Badges are made the first time a node needs one, and kept: a thousand-node design would
    // otherwise build two thousand Text objects on every edit.
    for (const [id, badge] of this.nodeBadges) {
      if (Object.hasOwn(doc.nodes, id)) continue;
      badge.role.destroy();
      badge.down.destroy();
      this.nodeBadges.delete(id);
    }
    this.replicated = new Set(links.filter((link) => link.kind === 'replication').flatMap((link) => [link.from, link.to]));
    this.geometryFor = doc;
  }

  private get sizes(): LiveSizes {
    return this.classroom ? LIVE_SIZES.classroom : LIVE_SIZES.normal;
  }

  /** Follows the canvas's zoom; returns whether the badges must be laid out again (call update). */
  setZoom(zoom: number): boolean {
    this.zoom = zoom;
    return this.wantedBadgeScale !== this.drawnBadgeScale;
  }

  /** The badges' scale at the current zoom and type size. */
  private get wantedBadgeScale(): number {
    return badgeScale(this.sizes.badgeFont, this.zoom, this.classroom);
  }

  /** The badges' text density: null follows the screen; an export sets 2 while it draws. */
  setBadgeResolution(resolution: number | null): void {
    this.badgeResolution = resolution;
    for (const badge of this.nodeBadges.values()) setTextResolution(badge, resolution);
  }

  private createBadge(nodeId: string): NodeBadge {
    const fontSize = this.drawnSizes.badgeFont;
    const role = new Text({ text: '', style: { fontFamily: 'Inter, system-ui, sans-serif', fontSize, fontWeight: '700', fill: 0xffffff } });
    // A badge over the card's top-left corner, like the role badges: the card's name stays readable.
    const down = new Text({ text: 'DOWN', style: { fontFamily: 'Inter, system-ui, sans-serif', fontSize, fontWeight: '800', fill: 0xffffff, letterSpacing: 1 } });
    const badge = { role, down };
    setTextResolution(badge, this.badgeResolution);
    this.badges.addChild(role, down);
    this.nodeBadges.set(nodeId, badge);
    return badge;
  }

  /** Hides everything (no run, or the editor is not live). */
  clear(): void {
    this.linkStates.clear();
    this.flows.clear();
    this.overlays.clear();
    this.pulses.clear();
    showPooled(this.bars, this.barPool, 0);
    showPooled(this.dots, this.dotPool, 0);
    this.linkKeyDocument = null;
    this.nodeKeyDocument = null;
    this.particles.particleChildren.length = 0;
    this.particles.update();
    for (const badge of this.nodeBadges.values()) {
      badge.role.visible = false;
      badge.down.visible = false;
    }
    if (this.badgeBoxes.length > 0) this.badgeBoxes = [];
  }

  /** `nodeIds` / `linkIds`: the engine's order, which the frame's arrays follow. */
  update(doc: FaultlineDocument, frame: Frame | null, nodeIds: readonly string[], linkIds: readonly string[], deltaS: number): void {
    this.elapsedS += deltaS;
    if (frame === null || linkIds.length !== Object.keys(doc.links).length) return this.clear();
    if (doc !== this.geometryFor) this.rebuildGeometry(doc);
    // Paused, the picture is a snapshot: every packet on the wire is shown where it is.
    for (let i = 0; i < this.linkWeight.length; i++) this.linkWeight[i] = frame.playing ? packetWeight(realTravelMs(this.linkDelayMs[i], frame.speed)) : 1;
    this.layout.layout(frame.packets, frame.packetCount, this.geometry, this.linkWeight);
    this.drawParticles();
    this.drawFlows(frame);
    this.drawLinkStatesIfChanged(doc, frame);
    if (this.nodeStateChanged(doc, frame)) this.drawNodes(doc, frame, nodeIds);
    this.pulses.alpha = 0.45 + 0.55 * (0.5 + 0.5 * Math.sin(this.elapsedS * 6));
    this.animating = frame.playing || this.highlightNodeId !== null || frame.nodeStatus.includes(NODE_DOWN);
  }

  private drawParticles(): void {
    const { count, x, y, color, scale, alpha } = this.layout;
    const base = this.sizes.packetScale;
    const pool = this.pool;
    while (pool.length < count) pool.push(new Particle({ texture: this.texture, anchorX: 0.5, anchorY: 0.5, scaleX: 0.5, scaleY: 0.5 }));
    const children = this.particles.particleChildren;
    children.length = count;
    for (let i = 0; i < count; i++) {
      const particle = pool[i];
      children[i] = particle;
      particle.x = x[i];
      particle.y = y[i];
      particle.scaleX = particle.scaleY = base * scale[i];
      particle.color = bgr(color[i]) + (((alpha[i] * 255) | 0) << 24);
    }
    this.particles.update();
  }

  /**
   * Flow dashes on links too fast to show packets: requests one way, answers back beside them, in
   * the colour of what the link carries, denser with its throughput (the engine's message counts,
   * averaged: session/linkRates.ts); answers mostly failing are red.
   */
  private drawFlows(frame: Frame): void {
    const g = this.flows.clear();
    const playing = frame.playing;
    const rates = frame.linkRates;
    const { failuresOnLink } = this.layout;
    const links = Math.min(this.linkWeight.length, rates.length / LINK_RATE_FLOATS);
    for (let link = 0; link < links; link++) {
      const flowAlpha = 1 - this.linkWeight[link];
      if (flowAlpha <= 0.01) continue;
      const o = link * LINK_GEOMETRY_FLOATS;
      const start = { x: this.geometry[o], y: this.geometry[o + 1] };
      const end = { x: this.geometry[o + 2], y: this.geometry[o + 3] };
      const r = link * LINK_RATE_FLOATS;
      const requests = rates[r];
      const answers = rates[r + 1];
      const failing = rates[r + 2] > answers / 2;
      const color = this.linkFlowColor[link];
      if (requests >= FLOW_MIN_RATE) this.dashes(g, start, end, flowGapPx(requests), playing, 2.5, color, flowAlpha);
      if (answers >= FLOW_MIN_RATE) this.dashes(g, end, start, flowGapPx(answers), playing, -2.5, failing ? FAILURE_COLOR : color, flowAlpha);
    }
    // Failures burst: red rings spread from where failed answers are arriving, on any link: one
    // drawn as a packet now, or a steady stream of them on a link too fast to show its packets.
    for (let link = 0; link < failuresOnLink.length; link++) {
      const failedRate = link * LINK_RATE_FLOATS + 2 < rates.length ? rates[link * LINK_RATE_FLOATS + 2] : 0;
      if (failuresOnLink[link] === 0 && failedRate < FAILURE_BURST_RATE) continue;
      const o = link * LINK_GEOMETRY_FLOATS;
      const phase = (this.elapsedS * 1.6 + link * 0.37) % 1;
      const x = this.geometry[o] + (this.geometry[o + 2] - this.geometry[o]) * 0.12;
      const y = this.geometry[o + 1] + (this.geometry[o + 3] - this.geometry[o + 1]) * 0.12;
      g.circle(x, y, 6 + 18 * phase).stroke({ width: 3, color: FAILURE_COLOR, alpha: 0.9 * (1 - phase) });
    }
  }

  private dashes(g: Graphics, from: Point, to: Point, gap: number, playing: boolean, side: number, color: number, alpha: number): void {
    const length = Math.hypot(to.x - from.x, to.y - from.y);
    if (length < 1 || !Number.isFinite(gap)) return;
    const ux = (to.x - from.x) / length;
    const uy = (to.y - from.y) / length;
    const ox = -uy * side;
    const oy = ux * side;
    const period = FLOW_DASH_PX + gap;
    const phase = playing ? (this.elapsedS * FLOW_PX_PER_S) % period : 0;
    for (let along = phase - period; along < length; along += period) {
      const a = Math.max(0, along);
      const b = Math.min(length, along + FLOW_DASH_PX);
      if (b <= a) continue;
      g.moveTo(from.x + ux * a + ox, from.y + uy * a + oy).lineTo(from.x + ux * b + ox, from.y + uy * b + oy);
    }
    g.stroke({ width: 3, color, alpha, cap: 'round' });
  }

  private segment(link: number): { start: Point; end: Point } {
    const o = link * LINK_GEOMETRY_FLOATS;
    return { start: { x: this.geometry[o], y: this.geometry[o + 1] }, end: { x: this.geometry[o + 2], y: this.geometry[o + 3] } };
  }

  /** Link states depend on the scenario events applied so far and the health marks only. */
  private drawLinkStatesIfChanged(doc: FaultlineDocument, frame: Frame): void {
    let applied = 0;
    for (const event of doc.scenario) if (event.atS * 1000 <= frame.timeMs) applied++;
    let key = `${applied}:`;
    for (let i = 0; i < frame.linkMarkedDown.length; i++) if (frame.linkMarkedDown[i] === 1) key += `${i},`;
    if (key === this.linkKey && doc === this.linkKeyDocument) return;
    this.linkKey = key;
    this.linkKeyDocument = doc;
    this.drawLinkStates(doc, frame);
  }

  /**
   * Node overlays change only when what they show changes visibly: status, role, health marks,
   * and the bars quantized to 1/64 of their width. Comparing that is much cheaper than rebuilding
   * the Graphics every frame.
   */
  private nodeStateChanged(doc: FaultlineDocument, frame: Frame): boolean {
    const n = frame.nodeStatus.length;
    const links = frame.linkMarkedDown.length;
    const size = n * 5 + links;
    if (this.nodeKey.length !== size) this.nodeKey = new Uint16Array(size);
    const key = this.nodeKey;
    let changed = doc !== this.nodeKeyDocument || this.highlightNodeId !== this.nodeKeyHighlight || this.sizes !== this.drawnSizes || this.wantedBadgeScale !== this.drawnBadgeScale;
    const put = (i: number, value: number) => {
      if (key[i] !== value) {
        key[i] = value;
        changed = true;
      }
    };
    for (let i = 0; i < n; i++) {
      put(i * 5, frame.nodeStatus[i]);
      put(i * 5 + 1, frame.role[i]);
      put(i * 5 + 2, Math.round(frame.utilization[i] * 64));
      put(i * 5 + 3, Math.round(frame.queueFill[i] * 64));
      put(i * 5 + 4, Number.isFinite(frame.cacheFill[i]) ? 1 + Math.round(frame.cacheFill[i] * 64) : 0);
    }
    for (let l = 0; l < links; l++) put(n * 5 + l, frame.linkMarkedDown[l]);
    this.nodeKeyDocument = doc;
    this.nodeKeyHighlight = this.highlightNodeId;
    return changed;
  }

  private drawLinkStates(doc: FaultlineDocument, frame: Frame): void {
    const g = this.linkStates.clear();
    const faults = activeFaultsAt(doc, frame.timeMs);
    const linkIndex = new Map(Object.keys(doc.links).map((id, i) => [id, i] as const));
    for (const id of faults.degradedLinks) {
      const i = linkIndex.get(id);
      if (i === undefined) continue;
      const { start, end } = this.segment(i);
      drawDashedLine(g, start, end, 4, 4);
      g.stroke({ width: 6, color: HEALTH.degraded, alpha: 0.8 });
    }
    const cut = new Set(faults.cutLinks);
    for (const groups of faults.partitions) for (const id of linksAcross(doc, groups)) cut.add(id);
    for (const id of cut) {
      const i = linkIndex.get(id);
      if (i === undefined) continue;
      const { start, end } = this.segment(i);
      drawDashedLine(g, start, end, 10, 8);
      g.stroke({ width: 4, color: FAILURE_COLOR, alpha: 0.9 });
      if (faults.cutLinks.has(id)) {
        const mx = (start.x + end.x) / 2;
        const my = (start.y + end.y) / 2;
        g.moveTo(mx - 8, my - 8).lineTo(mx + 8, my + 8).moveTo(mx + 8, my - 8).lineTo(mx - 8, my + 8).stroke({ width: 4, color: FAILURE_COLOR });
      }
    }
    for (const groups of faults.partitions) {
      const across = linksAcross(doc, groups).map((id) => linkIndex.get(id)).filter((i): i is number => i !== undefined);
      const points = faultLinePoints(across.map((i) => this.segment(i)));
      if (points.length < 2) continue;
      g.moveTo(points[0].x, points[0].y);
      for (const point of points.slice(1)) g.lineTo(point.x, point.y);
      g.stroke({ width: 8, color: 0x000000, alpha: 0.35, join: 'miter' });
      g.moveTo(points[0].x, points[0].y);
      for (const point of points.slice(1)) g.lineTo(point.x, point.y);
      g.stroke({ width: 4, color: 0xfacc15, join: 'miter' });
    }
    // A target its lb or dns marks down: a red stop mark where the link enters it.
    const marks = frame.linkMarkedDown;
    for (let i = 0; i < marks.length && i < this.geometry.length / LINK_GEOMETRY_FLOATS; i++) {
      if (marks[i] !== 1) continue;
      const { start, end } = this.segment(i);
      const length = Math.hypot(end.x - start.x, end.y - start.y) || 1;
      const px = end.x - ((end.x - start.x) / length) * 22;
      const py = end.y - ((end.y - start.y) / length) * 22;
      g.circle(px, py, 9).fill({ color: 0xffffff }).circle(px, py, 9).stroke({ width: 3, color: HEALTH.down });
      g.moveTo(px - 5, py + 5).lineTo(px + 5, py - 5).stroke({ width: 3, color: HEALTH.down });
    }
  }

  /** Appends one bar (5 px, 7 in classroom mode) to the bar particles (plain quads: far cheaper to draw than Graphics). */
  private bar(x: number, y: number, width: number, height: number, color: number, alpha: number): void {
    const index = this.barCount++;
    if (index === this.barPool.length) this.barPool.push(new Particle({ texture: Texture.WHITE }));
    const particle = this.barPool[index];
    particle.x = x;
    particle.y = y;
    particle.scaleX = width / Texture.WHITE.frame.width;
    particle.scaleY = height / Texture.WHITE.frame.height;
    particle.color = bgr(color) + (((alpha * 255) | 0) << 24);
  }

  /** Appends one status dot (the packet texture, small). */
  private dot(x: number, y: number, color: number, scale: number): void {
    const index = this.dotCount++;
    if (index === this.dotPool.length) this.dotPool.push(new Particle({ texture: this.texture, anchorX: 0.5, anchorY: 0.5, scaleX: scale, scaleY: scale }));
    const particle = this.dotPool[index];
    particle.x = x;
    particle.y = y;
    particle.scaleX = particle.scaleY = scale;
    particle.color = bgr(color) + (255 << 24);
  }

  private drawNodes(doc: FaultlineDocument, frame: Frame, ids: readonly string[]): void {
    this.barCount = 0;
    this.dotCount = 0;
    this.drawNodeShapes(doc, frame, ids);
    showPooled(this.bars, this.barPool, this.barCount);
    showPooled(this.dots, this.dotPool, this.dotCount);
  }

  private drawNodeShapes(doc: FaultlineDocument, frame: Frame, ids: readonly string[]): void {
    const sizes = this.sizes;
    if (sizes !== this.drawnSizes) {
      // Classroom mode was switched: the badges already made take the new type size (once, not per frame).
      this.drawnSizes = sizes;
      for (const badge of this.nodeBadges.values()) {
        badge.role.style.fontSize = sizes.badgeFont;
        badge.down.style.fontSize = sizes.badgeFont;
      }
    }
    const { barHeight } = sizes;
    // Far out the badges grow (in the world) so their text keeps a readable size on screen.
    const scale = this.wantedBadgeScale;
    this.drawnBadgeScale = scale;
    const badgeHeight = sizes.badgeHeight * scale;
    const badgeTop = -badgeHeight - 2 * scale;
    const downWidth = sizes.downWidth * scale;
    const boxes: Rect[] = [];
    const g = this.overlays.clear();
    const pulses = this.pulses.clear();
    const suspected = new Set<string>();
    const linkList = Object.values(doc.links);
    frame.linkMarkedDown.forEach((mark, i) => {
      if (mark === 1 && linkList[i] !== undefined) suspected.add(linkList[i].to);
    });
    for (let i = 0; i < ids.length && i < frame.nodeStatus.length; i++) {
      if (!Object.hasOwn(doc.nodes, ids[i])) continue;
      const node = doc.nodes[ids[i]];
      const { x, y } = node;
      const { width: w, height: h, radius: r } = NODE_CARD;
      const status = frame.nodeStatus[i];
      const down = status === NODE_DOWN;
      const ringColor = down ? HEALTH.down : status === NODE_DEGRADED ? HEALTH.degraded : suspected.has(node.id) ? HEALTH.suspected : HEALTH.up;
      if (down) {
        // Unmistakable yet readable: the card greys out under a light red veil with a faint cross,
        // a pulsing red ring and a DOWN badge above it — the name underneath still says which node.
        g.roundRect(x, y, w, h, r).fill({ color: 0x7f1d1d, alpha: 0.28 });
        g.moveTo(x + 10, y + 10).lineTo(x + w - 10, y + h - 10).moveTo(x + w - 10, y + 10).lineTo(x + 10, y + h - 10).stroke({ width: 2, color: HEALTH.down, alpha: 0.3 });
        g.roundRect(x + 2, y + badgeTop, downWidth, badgeHeight, badgeHeight / 2).fill({ color: 0xdc2626 });
        boxes.push({ x: x + 2, y: y + badgeTop, w: downWidth, h: badgeHeight });
      }
      // A healthy node gets a green status dot; anything else a ring around the card, so trouble stands out.
      if (ringColor === HEALTH.up) this.dot(x + w - NODE_STATUS_DOT.inset, y + NODE_STATUS_DOT.inset, HEALTH.up, sizes.dotScale);
      else (down ? pulses : g).roundRect(x - 5, y - 5, w + 10, h + 10, r + 5).stroke({ width: down ? 5 : 3, color: ringColor, alpha: 0.9 });
      if (this.highlightNodeId === node.id) pulses.roundRect(x - 11, y - 11, w + 22, h + 22, r + 11).stroke({ width: 3, color: 0xfacc15 });
      // Bars under the card: utilization, queue fill, cache fill.
      const bars: [number, number][] = [[frame.utilization[i], frame.utilization[i] > 0.85 ? 0xef4444 : 0x3b82f6]];
      if (frame.queueFill[i] > 0) bars.push([frame.queueFill[i], 0xf59e0b]);
      if (Number.isFinite(frame.cacheFill[i])) bars.push([frame.cacheFill[i], 0x2ec4b6]);
      bars.forEach(([fill, color], b) => {
        const by = y + h + 8 + b * (barHeight + sizes.barGap);
        this.bar(x + 6, by, w - 12, barHeight, BAR_BG, 0.35);
        if (fill > 0) this.bar(x + 6, by, Math.max(3, (w - 12) * Math.min(1, fill)), barHeight, color, 1);
      });
      const role = roleBadge(frame.role[i], frame.nodeStatus[i], this.replicated.has(ids[i]));
      let badge = this.nodeBadges.get(node.id);
      if (badge === undefined && (down || role !== '')) badge = this.createBadge(node.id);
      if (badge !== undefined) {
        badge.down.visible = down;
        badge.down.scale.set(scale);
        badge.down.position.set(x + 9 * scale, y + badgeTop + scale);
        badge.role.visible = role !== '';
        if (badge.role.text !== role) badge.role.text = role;
        if (role !== '') {
          badge.role.scale.set(scale);
          const bw = badge.role.width + 10 * scale;
          // A role badge and DOWN never show together (roleBadge), so they cannot collide.
          g.roundRect(x + w - bw - 2, y + badgeTop, bw, badgeHeight, badgeHeight / 2).fill({ color: role === 'PRIMARY' || role === 'ACTIVE' ? 0x7c3aed : 0x475569 });
          boxes.push({ x: x + w - bw - 2, y: y + badgeTop, w: bw, h: badgeHeight });
          badge.role.position.set(x + w - bw + 3 * scale, y + badgeTop + scale);
        }
      }
    }
    if (!sameBoxes(boxes, this.badgeBoxes)) this.badgeBoxes = boxes;
  }

  /** Where the badges shown are (world units): the same array until they move, appear or go. */
  get badgeRects(): readonly Rect[] {
    return this.badgeBoxes;
  }

  destroy(): void {
    this.under.destroy({ children: true });
    this.onCards.destroy({ children: true });
    this.over.destroy({ children: true });
    this.texture.destroy(true);
  }
}

/**
 * Sets a badge's text density; null goes back to following the renderer's (Pixi's text setter
 * takes null for that — AbstractText sets `_autoResolution` — though its type says number).
 */
function setTextResolution(badge: NodeBadge, resolution: number | null): void {
  const value = resolution as number;
  badge.role.resolution = value;
  badge.down.resolution = value;
}
