import { Rectangle, type Application, type Container } from 'pixi.js';

/** What the canvas registers so that File → Export PNG can draw the diagram off screen (and tests can read card text). */
export interface CanvasSnapshotSource {
  app: Application;
  /** The world content (nodes, links, regions), without the screen-sized grid. */
  content: Container;
  /** The canvas background colour, e.g. '#0e1116'. */
  background: string;
  /**
   * The diagram's extent in `content`'s coordinates (its cards and regions). Pixi's own bounds of
   * the content take in layers that sit at the origin however far the diagram is from it.
   */
  bounds?: () => { x: number; y: number; width: number; height: number } | undefined;
  /** Readies the content for an export (every card in full, whatever the zoom); returns the undo. */
  prepare?: () => () => void;
  /** What a node's card shows (its name's lines, and its kind or null), for end-to-end tests. */
  cardText?: (id: string) => { name: string[]; kind: string | null } | null;
  /** The name a node's far label shows (null when none is), for end-to-end tests. */
  farLabel?: (id: string) => string | null;
  /** Where a node's far label is drawn (world units; undefined when none is), for end-to-end tests. */
  farLabelRect?: (id: string) => { x: number; y: number; w: number; h: number } | undefined;
  /** What a region's title shows and its type size on screen (CSS px), for end-to-end tests. */
  regionTitle?: (id: string) => { text: string; screenPx: number } | null;
}

let current: CanvasSnapshotSource | null = null;

/** SandboxCanvas calls this once Pixi is ready, and with null when it is torn down. */
export function registerCanvasSnapshotSource(source: CanvasSnapshotSource | null): void {
  current = source;
}

/** What the canvas draws on a node's card (null before the canvas is ready or for an unknown node). */
export function drawnCardText(id: string): { name: string[]; kind: string | null } | null {
  return current?.cardText?.(id) ?? null;
}

/** What a node's far label shows below farZoom() (null when none is, or before the canvas is ready). */
export function drawnFarLabel(id: string): string | null {
  return current?.farLabel?.(id) ?? null;
}

/** Where a node's far label is drawn (world units), or undefined when none is (or before the canvas is ready). */
export function drawnFarLabelRect(id: string): { x: number; y: number; w: number; h: number } | undefined {
  return current?.farLabelRect?.(id);
}

/** What a region's title shows and how large it is on screen (null for an unknown region, or before the canvas is ready). */
export function drawnRegionTitle(id: string): { text: string; screenPx: number } | null {
  return current?.regionTitle?.(id) ?? null;
}

/** Margin around the diagram in the exported image, in world pixels. */
const MARGIN = 40;

/**
 * The whole diagram as PNG bytes, at twice its world size (sharp on high-density screens and in
 * slides), whatever part of it the camera shows. Uses Pixi's renderer.extract.
 */
export async function snapshotCanvasPng(): Promise<Uint8Array<ArrayBuffer> | null> {
  if (!current) return null;
  const { app, content, background, prepare } = current;
  const restore = prepare?.();
  let canvas: HTMLCanvasElement;
  try {
    const bounds = current.bounds ? current.bounds() : content.getLocalBounds();
    if (bounds === undefined || !(bounds.width > 0 && bounds.height > 0)) return null;
    const frame = new Rectangle(bounds.x - MARGIN, bounds.y - MARGIN, bounds.width + MARGIN * 2, bounds.height + MARGIN * 2);
    canvas = app.renderer.extract.canvas({ target: content, frame, resolution: 2, clearColor: background }) as HTMLCanvasElement;
  } finally {
    restore?.();
  }
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  return blob ? new Uint8Array(await blob.arrayBuffer()) : null;
}
