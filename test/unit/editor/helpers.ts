import { createEmptyDocument } from '../../../shared/model/document';
import type { Camera } from '../../../renderer/editor/camera';
import type { Rect } from '../../../renderer/editor/geometry';
import type { FaultlineDocument, LinkRecord, NodeKind, NodeRecord, Region } from '../../../shared/model/types';

export function makeDocument(parts: { nodes?: NodeRecord[]; links?: LinkRecord[]; regions?: Region[] } = {}): FaultlineDocument {
  const doc = createEmptyDocument('Test');
  for (const region of parts.regions ?? []) doc.regions[region.id] = region;
  for (const node of parts.nodes ?? []) doc.nodes[node.id] = node;
  for (const link of parts.links ?? []) doc.links[link.id] = link;
  return doc;
}

export function node(id: string, kind: NodeKind, x = 0, y = 0, config: Record<string, unknown> = {}): NodeRecord {
  return { id, kind, x, y, config };
}

export function link(from: string, to: string, kind: LinkRecord['kind'] = 'traffic'): LinkRecord {
  return { id: `${from}-${to}`, from, to, kind };
}

/**
 * A camera at zoom 1 whose screen coordinates equal world coordinates, showing `view`; `overrides`
 * record what a test watches (fits, lookAt).
 */
export function identityCamera(view: Rect = { x: 0, y: 0, w: 800, h: 600 }, overrides: Partial<Camera> = {}): Camera {
  return {
    zoom: () => 1,
    zoomBy: () => {},
    setZoom: () => {},
    lookAt: () => {},
    fit: () => {},
    panByScreen: () => {},
    clientToWorld: (x, y) => ({ x, y }),
    visibleCentre: () => ({ x: view.x + view.w / 2, y: view.y + view.h / 2 }),
    visibleRect: () => view,
    worldToClient: (point) => point,
    ...overrides,
  };
}
