import { saveDocument } from '../../shared/model/save';
import type { Editor } from '../editor/editor';
import { NODE_CARD } from '../editor/geometry';

/**
 * A small read-only window into the editor for end-to-end tests and the developer console:
 * the document in its saved form and where a node's card is on the page. It cannot edit.
 */
export interface FaultlineDebugHandle {
  documentText(): string;
  nodeClientRect(id: string): { x: number; y: number; width: number; height: number } | null;
}

export function installDebugHandle(editor: Editor): () => void {
  const handle: FaultlineDebugHandle = {
    documentText: () => saveDocument(editor.store.getDocument()),
    nodeClientRect: (id) => {
      const doc = editor.store.getDocument();
      const camera = editor.getCamera();
      if (!camera || !Object.hasOwn(doc.nodes, id)) return null;
      const node = doc.nodes[id];
      const topLeft = camera.worldToClient({ x: node.x, y: node.y });
      const zoom = camera.zoom();
      return { x: topLeft.x, y: topLeft.y, width: NODE_CARD.width * zoom, height: NODE_CARD.height * zoom };
    },
  };
  const target = window as unknown as { __faultline?: FaultlineDebugHandle };
  target.__faultline = handle;
  return () => {
    if (target.__faultline === handle) delete target.__faultline;
  };
}
