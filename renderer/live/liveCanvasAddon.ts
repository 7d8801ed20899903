import type { CanvasAddon } from '../canvas/SandboxCanvas';
import type { DocumentStore } from '../editor/store/documentStore';
import type { LiveController } from './liveController';
import { LiveLayer } from './liveLayer';

/**
 * The live view's part of the canvas: a LiveLayer in the scene's live slots, updated from the
 * newest frame on the canvas's own ticker — only when a frame arrived, the document changed or
 * something on screen animates, so a paused run costs nothing.
 */
export class LiveCanvasAddon implements CanvasAddon {
  private layer: LiveLayer | null = null;
  private scene: Parameters<CanvasAddon['attach']>[0]['scene'] | null = null;
  private drawnVersion = -1;
  private drawnDocument: unknown = null;
  private drawnHighlight: string | null = null;
  private drawnClassroom = false;

  constructor(
    private readonly controller: LiveController,
    private readonly store: DocumentStore,
  ) {}

  attach({ app, scene }: Parameters<CanvasAddon['attach']>[0]): void {
    this.layer = new LiveLayer(app.renderer);
    this.scene = scene;
    scene.liveUnderNodes.addChild(this.layer.under);
    scene.liveOnCards.addChild(this.layer.onCards);
    scene.liveOverNodes.addChild(this.layer.over);
    this.drawnVersion = -1;
  }

  tick(deltaMs: number): boolean {
    const layer = this.layer;
    if (layer === null) return false;
    const model = this.controller.model;
    const doc = this.store.getDocument();
    const highlight = this.controller.highlightedNodeId;
    const classroom = this.controller.classroom;
    // Far out the badges keep a readable size: a zoom that changes their scale lays them out again.
    const rescaled = layer.setZoom(this.scene?.currentZoom ?? 1);
    const changed = rescaled || model.version !== this.drawnVersion || doc !== this.drawnDocument || highlight !== this.drawnHighlight || classroom !== this.drawnClassroom;
    if (!changed && !layer.animating) return false;
    this.drawnVersion = model.version;
    this.drawnDocument = doc;
    this.drawnHighlight = highlight;
    this.drawnClassroom = classroom;
    layer.highlightNodeId = highlight;
    layer.classroom = classroom;
    layer.update(doc, model.frame, model.nodeIds, model.linkIds, deltaMs / 1000);
    // Far out the badges grow above their cards: region titles are cut short of them (as of far labels).
    this.scene?.setTitleObstacles(layer.badgeRects);
    return true;
  }

  /**
   * File → Export PNG draws the diagram at twice its world size: badges at their world size (not
   * enlarged for a far-out screen) and rasterised at the export's density, else they came out soft.
   */
  prepareExport(): () => void {
    const layer = this.layer;
    if (layer === null) return () => {};
    const zoom = this.scene?.currentZoom ?? 1;
    const redraw = () => {
      const model = this.controller.model;
      layer.update(this.store.getDocument(), model.frame, model.nodeIds, model.linkIds, 0);
    };
    layer.setZoom(1);
    layer.setBadgeResolution(2);
    redraw();
    return () => {
      layer.setZoom(zoom);
      layer.setBadgeResolution(null);
      redraw();
      this.scene?.setTitleObstacles(layer.badgeRects);
    };
  }

  detach(): void {
    this.layer?.destroy();
    this.layer = null;
    this.scene?.setTitleObstacles([]);
    this.scene = null;
  }

  /** The badges shown over a node and their type size on screen (CSS px), for the e2e tests. */
  drawnBadges(nodeId: string): { text: string; screenPx: number }[] {
    return this.layer?.drawnBadges(nodeId) ?? [];
  }

  /** Particles drawn in the last update (the e2e test and the benchmark read it). */
  get drawnParticles(): number {
    return this.layer?.drawnParticles ?? 0;
  }
}
