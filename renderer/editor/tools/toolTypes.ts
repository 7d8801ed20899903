import type { Point, Rect } from '../geometry';

/** Pointer input already converted to world coordinates by the canvas. */
export interface ToolPointer {
  world: Point;
  screen: Point;
  shift: boolean;
  /** Ctrl or Cmd: adds to the selection like shift. */
  accel: boolean;
}

/** What the canvas draws on top of the document while a tool runs. Not history, not saved. */
export interface Overlay {
  brush?: Rect;
  /** A link being dragged: from the handle to the pointer; `refused` holds the reason when over a node it may not link to. */
  linkDrag?: { fromId: string; to: Point; targetId?: string; refused?: string };
  /** A region grip or node under the pointer, for hover feedback. */
  hoverNodeId?: string;
  /** The canvas has keyboard focus: its selected nodes get a focus ring (set by the editor, not the tool). */
  keyboardFocus?: boolean;
}

export type ToolStateName =
  | 'idle'
  | 'pointing-node'
  | 'translating'
  | 'pointing-canvas'
  | 'brushing'
  | 'pointing-handle'
  | 'linking'
  | 'keyboard-linking'
  | 'pointing-region'
  | 'translating-region'
  | 'resizing-region'
  | 'panning';
