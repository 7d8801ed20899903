import { saveDocument } from '../../shared/model/save';
import { drawnCardText, drawnFarLabel, drawnFarLabelRect, drawnRegionTitle } from '../canvas/canvasSnapshot';
import type { Editor } from '../editor/editor';
import { NODE_CARD } from '../editor/geometry';

/**
 * A small read-only window into the editor for end-to-end tests and the developer console:
 * the document in its saved form and where a node's card is on the page. It cannot edit.
 */
export interface FaultlineDebugHandle {
  documentText(): string;
  nodeClientRect(id: string): ClientRect | null;
  regionClientRect(id: string): ClientRect | null;
  /** The text drawn on a node's card: the name's lines, and the kind (null when a two-line name took its place). */
  nodeCardText(id: string): { name: string[]; kind: string | null } | null;
  /** The name written over a node's card far out (below farZoom()), or null when none is: nearer in, or left out where it would cover a neighbour's. */
  nodeFarLabel(id: string): string | null;
  /** Where a node's far label is on the page, or null when none is shown. */
  nodeFarLabelClientRect(id: string): ClientRect | null;
  /** Where a region's title is drawn on the page (far out it is enlarged, and cut before a far label across its row), or null. */
  regionTitleClientRect(id: string): ClientRect | null;
  /** What a region's title shows (its name in capitals, or its start cut with "…") and its type size on screen in CSS px; null for an unknown region. */
  regionTitle(id: string): { text: string; screenPx: number } | null;
  zoom(): number;
}

interface ClientRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export function installDebugHandle(editor: Editor): () => void {
  const clientRect = (x: number, y: number, width: number, height: number): ClientRect | null => {
    const camera = editor.getCamera();
    if (!camera) return null;
    const topLeft = camera.worldToClient({ x, y });
    const zoom = camera.zoom();
    return { x: topLeft.x, y: topLeft.y, width: width * zoom, height: height * zoom };
  };
  const handle: FaultlineDebugHandle = {
    documentText: () => saveDocument(editor.store.getDocument()),
    nodeClientRect: (id) => {
      const doc = editor.store.getDocument();
      if (!Object.hasOwn(doc.nodes, id)) return null;
      return clientRect(doc.nodes[id].x, doc.nodes[id].y, NODE_CARD.width, NODE_CARD.height);
    },
    regionClientRect: (id) => {
      const doc = editor.store.getDocument();
      if (!Object.hasOwn(doc.regions, id)) return null;
      const region = doc.regions[id];
      return clientRect(region.x, region.y, region.w, region.h);
    },
    nodeCardText: (id) => drawnCardText(id),
    nodeFarLabel: (id) => drawnFarLabel(id),
    nodeFarLabelClientRect: (id) => {
      const rect = drawnFarLabelRect(id);
      return rect === undefined ? null : clientRect(rect.x, rect.y, rect.w, rect.h);
    },
    regionTitleClientRect: (id) => {
      const rect = editor.getCamera()?.regionTitleRect?.(id);
      return rect === undefined ? null : clientRect(rect.x, rect.y, rect.w, rect.h);
    },
    regionTitle: (id) => drawnRegionTitle(id),
    zoom: () => editor.getCamera()?.zoom() ?? 1,
  };
  const target = window as unknown as { __faultline?: FaultlineDebugHandle };
  target.__faultline = handle;
  return () => {
    if (target.__faultline === handle) delete target.__faultline;
  };
}
