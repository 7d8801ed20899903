import { useSyncExternalStore } from 'react';
import { NODE_DEGRADED, NODE_DOWN } from '../../../shared/sim/session/protocol';
import { useEditor } from '../../editor/EditorContext';
import { describeNode, describeRegion, describeSelectionCounts, type NodeRunState } from '../../editor/keyboardNavigation';
import { useLiveModel } from '../../live/LiveContext';

export const CANVAS_ANNOUNCER_ID = 'canvas-announcer';
export const CANVAS_KEYS_ID = 'canvas-keys';

/**
 * What the canvas shows, in words, for a screen reader: a polite live region that names the
 * selected node (name, kind, number of links and, in a run, whether it is up), the selected
 * link, the selected region (name and number of nodes) or how many things are selected. The canvas points at it with aria-describedby.
 */
export function CanvasAnnouncer() {
  const editor = useEditor();
  const store = editor.store;
  const selection = useSyncExternalStore(
    (listener) => store.subscribe(listener),
    () => store.getSelection(),
  );
  const doc = useSyncExternalStore(
    (listener) => store.subscribe(listener),
    () => store.getDocument(),
  );
  const model = useLiveModel();
  const frame = model?.frame ?? null;
  const running = frame !== null && (frame.playing || frame.timeMs > 0);

  let text = '';
  const count = selection.nodes.length + selection.links.length + selection.regions.length;
  if (selection.nodes.length === 1 && count === 1) {
    const id = selection.nodes[0];
    let state: NodeRunState | undefined;
    if (running && model) {
      const index = model.nodeIds.indexOf(id);
      const status = index >= 0 ? frame.nodeStatus[index] : undefined;
      if (status !== undefined) state = status === NODE_DOWN ? 'down' : status === NODE_DEGRADED ? 'slowed' : 'up';
    }
    text = describeNode(doc, id, state);
  } else if (selection.links.length === 1 && count === 1 && Object.hasOwn(doc.links, selection.links[0])) {
    const link = doc.links[selection.links[0]];
    const name = (nodeId: string) => (Object.hasOwn(doc.nodes, nodeId) ? (doc.nodes[nodeId].name ?? nodeId) : nodeId);
    text = `${link.kind === 'replication' ? 'Replication link' : 'Link'} ${name(link.from)} to ${name(link.to)}`;
  } else if (count > 1) {
    text = describeSelectionCounts(selection);
  } else if (count === 1 && selection.regions.length === 1 && Object.hasOwn(doc.regions, selection.regions[0])) {
    text = describeRegion(doc, selection.regions[0]);
  }
  return (
    <>
      <div id={CANVAS_ANNOUNCER_ID} className="visually-hidden" aria-live="polite" aria-atomic="true" data-testid="canvas-announcer">
        {text}
      </div>
      <div id={CANVAS_KEYS_ID} className="visually-hidden">
        Tab and Shift+Tab select the next and previous node and then the regions, Alt with an arrow the nearest node that way, the right and left square brackets
        the selected node&apos;s links, and R and Shift+R the next and previous region; the arrows move the selection (a region with its nodes),
        Control with an arrow resizes the selected region, L links the selected node to another node, Enter edits the selection in the inspector (Escape there comes back here), F2 renames it, Delete deletes it,
        Escape clears the selection, and during a run Shift+F10 opens its fault menu.
      </div>
    </>
  );
}
