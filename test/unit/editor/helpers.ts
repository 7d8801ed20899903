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

/**
 * Two regions side by side and an empty one below; EU holds a and b, US holds c; `free` sits
 * outside all of them, just right of EU (a box moved right by three steps covers its centre).
 *   EU (0,0 300×300): a (40,40), b (40,200)      US (600,10 400×300): c (640,60)
 *   free (260,100), in no region                 Lab "Region 3" (0,500 200×140), empty
 * Node centres: a (122,70), c (722,90) one row; free (342,130); b (122,230). Region tops: EU 0 and
 * US 10 one row (EU left of US); Lab 500. The regions are listed out of reading order on purpose.
 */
export function threeRegionDesign(): FaultlineDocument {
  return makeDocument({
    regions: [
      { id: 'us', name: 'US East', x: 600, y: 10, w: 400, h: 300 },
      { id: 'lab', name: 'Region 3', x: 0, y: 500, w: 200, h: 140 },
      { id: 'eu', name: 'EU West', x: 0, y: 0, w: 300, h: 300 },
    ],
    nodes: [
      { ...node('a', 'app', 40, 40), region: 'eu' },
      { ...node('b', 'db', 40, 200), region: 'eu' },
      { ...node('c', 'cache', 640, 60), region: 'us' },
      node('free', 'lb', 260, 100),
    ],
  });
}
