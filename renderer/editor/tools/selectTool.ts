import { getNode, getRegion } from '../../../shared/model/document';
import type { FaultlineDocument } from '../../../shared/model/types';
import { addLink, placeNodes, placeRegion, placeRegions, resizeRegion } from '../commands/documentEdits';
import { linkVerdict } from '../../../shared/model/linkRules';
import { handleAt, intersects, linkAt, nodeAt, nodeRect, rectFromPoints, regionGripAt, regionLabelAt, type Point, type Rect } from '../geometry';
import type { DocumentStore } from '../store/documentStore';
import { EMPTY_SELECTION, isSelected, selectionOf, toggleInSelection, unionSelection, type Selection } from '../store/selection';
import type { Overlay, ToolPointer, ToolStateName } from './toolTypes';

/** Screen pixels a pointer must travel before a press becomes a drag. */
const DRAG_THRESHOLD_PX = 4;

export interface ToolContext {
  store: DocumentStore;
  zoom(): number;
  /** Where a region's title is drawn (world units), when the canvas says: a press on it grabs the region. */
  regionTitleRect(id: string): Rect | undefined;
  panByScreen(dx: number, dy: number): void;
  setOverlay(overlay: Overlay): void;
  /** A short message for the user (a prompt, or a refused link's reason); `undefined` clears it. */
  setHint(hint: string | undefined, tone?: 'prompt' | 'refusal'): void;
  startRename(target: { kind: 'nodes' | 'regions'; id: string }): void;
}

type State =
  | { name: 'idle' }
  | { name: 'pointing-node'; nodeId: string; origin: ToolPointer; additive: boolean; wasSelected: boolean }
  | { name: 'translating'; mark: string; origin: Point; starts: Map<string, Point>; regionStarts: Map<string, Point> }
  | { name: 'pointing-canvas'; origin: ToolPointer; additive: boolean; linkId?: string }
  | { name: 'brushing'; origin: Point; base: Selection; before: Selection }
  | { name: 'pointing-handle'; nodeId: string; origin: ToolPointer }
  | { name: 'linking'; fromId: string }
  | { name: 'keyboard-linking'; fromId: string; targetId: string | undefined }
  | { name: 'pointing-region'; regionId: string; origin: ToolPointer; additive: boolean }
  | { name: 'translating-region'; mark: string; regionId: string; origin: Point; start: Point; memberStarts: Map<string, Point> }
  | { name: 'resizing-region'; mark: string; regionId: string }
  | { name: 'panning'; last: Point };

let markCounter = 0;

/**
 * The select tool as a small state machine (tldraw's Idle → Pointing → Translating / Brushing /
 * Linking …). A gesture that edits sets a history mark on start, squashes to it on release (one
 * undo step) and bails to it on Escape (nothing happened).
 */
export class SelectTool {
  private state: State = { name: 'idle' };
  /** Space held: the next drag pans, as in Figma. */
  spaceHeld = false;
  private hoverNodeId: string | undefined;

  constructor(private readonly context: ToolContext) {}

  private readonly titleRect = (id: string): Rect | undefined => this.context.regionTitleRect(id);

  get stateName(): ToolStateName {
    return this.state.name;
  }

  private get doc(): FaultlineDocument {
    return this.context.store.getDocument();
  }

  private passedThreshold(origin: ToolPointer, pointer: ToolPointer): boolean {
    return Math.hypot(pointer.screen.x - origin.screen.x, pointer.screen.y - origin.screen.y) >= DRAG_THRESHOLD_PX;
  }

  pointerDown(pointer: ToolPointer): void {
    if (this.state.name !== 'idle') this.cancel();
    // The press ends hover feedback; the next move shows it again where the pointer is then. (Only
    // resetting the field left the ring and handle on the last node until another was hovered.)
    if (this.hoverNodeId !== undefined) {
      this.hoverNodeId = undefined;
      this.context.setOverlay({});
    }
    // A refusal stays up until the next press, so there is time to read it.
    this.context.setHint(undefined);
    const { store } = this.context;
    const doc = this.doc;
    const additive = pointer.shift || pointer.accel;
    if (this.spaceHeld) {
      this.state = { name: 'panning', last: pointer.screen };
      return;
    }
    const zoom = this.context.zoom();
    const handleNode = handleAt(doc, pointer.world, zoom, store.getSelection().nodes);
    if (handleNode) {
      this.state = { name: 'pointing-handle', nodeId: handleNode.id, origin: pointer };
      return;
    }
    const node = nodeAt(doc, pointer.world, store.getSelection().nodes);
    if (node) {
      const selection = store.getSelection();
      const wasSelected = isSelected(selection, 'nodes', node.id);
      if (additive) store.setSelection(toggleInSelection(selection, 'nodes', node.id));
      else if (!wasSelected) store.setSelection(selectionOf('nodes', [node.id]));
      this.state = { name: 'pointing-node', nodeId: node.id, origin: pointer, additive, wasSelected };
      return;
    }
    const grip = regionGripAt(doc, pointer.world, zoom);
    if (grip) {
      const mark = `resize-${++markCounter}`;
      store.mark(mark);
      store.setSelection(selectionOf('regions', [grip.id]));
      this.state = { name: 'resizing-region', mark, regionId: grip.id };
      return;
    }
    const link = linkAt(doc, pointer.world, zoom);
    if (link) {
      store.setSelection(additive ? toggleInSelection(store.getSelection(), 'links', link.id) : selectionOf('links', [link.id]));
      this.state = { name: 'pointing-canvas', origin: pointer, additive, linkId: link.id };
      return;
    }
    const region = regionLabelAt(doc, pointer.world, this.titleRect);
    if (region) {
      store.setSelection(additive ? toggleInSelection(store.getSelection(), 'regions', region.id) : selectionOf('regions', [region.id]));
      this.state = { name: 'pointing-region', regionId: region.id, origin: pointer, additive };
      return;
    }
    this.state = { name: 'pointing-canvas', origin: pointer, additive };
  }

  pointerMove(pointer: ToolPointer): void {
    const { store } = this.context;
    const state = this.state;
    switch (state.name) {
      case 'idle': {
        // Hover feedback only when the node under the pointer changes: a redraw per move is waste.
        const hover = nodeAt(this.doc, pointer.world, store.getSelection().nodes)?.id;
        if (hover === this.hoverNodeId) return;
        this.hoverNodeId = hover;
        this.context.setOverlay(hover ? { hoverNodeId: hover } : {});
        return;
      }
      case 'panning':
        this.context.panByScreen(pointer.screen.x - state.last.x, pointer.screen.y - state.last.y);
        state.last = pointer.screen;
        return;
      case 'pointing-node': {
        if (!this.passedThreshold(state.origin, pointer)) return;
        const mark = `translate-${++markCounter}`;
        store.mark(mark);
        const starts = new Map<string, Point>();
        for (const id of store.getSelection().nodes) {
          const node = getNode(this.doc, id);
          if (node) starts.set(id, { x: node.x, y: node.y });
        }
        // Selected regions travel too (after Select All a drag must not pull nodes out of them),
        // and with them their nodes, as when a region is dragged alone.
        const regionStarts = new Map<string, Point>();
        for (const id of store.getSelection().regions) {
          const region = getRegion(this.doc, id);
          if (region) regionStarts.set(id, { x: region.x, y: region.y });
        }
        for (const node of Object.values(this.doc.nodes)) {
          if (node.region !== undefined && regionStarts.has(node.region) && !starts.has(node.id)) starts.set(node.id, { x: node.x, y: node.y });
        }
        this.state = { name: 'translating', mark, origin: state.origin.world, starts, regionStarts };
        this.pointerMove(pointer);
        return;
      }
      case 'translating': {
        const delta = { x: pointer.world.x - state.origin.x, y: pointer.world.y - state.origin.y };
        store.update((draft) => {
          placeRegions(draft, state.regionStarts, delta);
          placeNodes(draft, state.starts, delta);
        });
        return;
      }
      case 'pointing-region': {
        if (!this.passedThreshold(state.origin, pointer)) return;
        const region = getRegion(this.doc, state.regionId);
        if (!region) return;
        const mark = `move-region-${++markCounter}`;
        store.mark(mark);
        const memberStarts = new Map<string, Point>();
        for (const node of Object.values(this.doc.nodes)) if (node.region === region.id) memberStarts.set(node.id, { x: node.x, y: node.y });
        this.state = { name: 'translating-region', mark, regionId: region.id, origin: state.origin.world, start: { x: region.x, y: region.y }, memberStarts };
        this.pointerMove(pointer);
        return;
      }
      case 'translating-region': {
        const delta = { x: pointer.world.x - state.origin.x, y: pointer.world.y - state.origin.y };
        store.update((draft) => placeRegion(draft, state.regionId, state.start, state.memberStarts, delta));
        return;
      }
      case 'resizing-region':
        store.update((draft) => resizeRegion(draft, state.regionId, pointer.world));
        return;
      case 'pointing-canvas': {
        if (!this.passedThreshold(state.origin, pointer)) return;
        const before = store.getSelection();
        this.state = { name: 'brushing', origin: state.origin.world, base: state.additive ? before : EMPTY_SELECTION, before };
        this.pointerMove(pointer);
        return;
      }
      case 'brushing': {
        const brush = rectFromPoints(state.origin, pointer.world);
        const inside = Object.values(this.doc.nodes)
          .filter((node) => intersects(brush, nodeRect(node)))
          .map((node) => node.id);
        store.setSelection(unionSelection(state.base, selectionOf('nodes', inside)));
        this.context.setOverlay({ brush });
        return;
      }
      case 'pointing-handle': {
        if (!this.passedThreshold(state.origin, pointer)) return;
        this.state = { name: 'linking', fromId: state.nodeId };
        this.pointerMove(pointer);
        return;
      }
      case 'linking': {
        const target = nodeAt(this.doc, pointer.world);
        if (!target || target.id === state.fromId) {
          this.context.setOverlay({ linkDrag: { fromId: state.fromId, to: pointer.world } });
          this.context.setHint(undefined);
          return;
        }
        const verdict = linkVerdict(this.doc, state.fromId, target.id);
        const refused = verdict.ok ? undefined : verdict.reason;
        this.context.setOverlay({ linkDrag: { fromId: state.fromId, to: pointer.world, targetId: target.id, refused } });
        this.context.setHint(refused, 'refusal');
        return;
      }
    }
  }

  pointerUp(pointer: ToolPointer): void {
    const { store } = this.context;
    const state = this.state;
    this.state = { name: 'idle' };
    switch (state.name) {
      case 'pointing-node':
        // A plain click on one of several selected nodes narrows the selection to it.
        if (!state.additive && state.wasSelected) store.setSelection(selectionOf('nodes', [state.nodeId]));
        return;
      case 'translating':
      case 'translating-region':
      case 'resizing-region':
        store.squashToMark(state.mark);
        return;
      case 'pointing-canvas':
        if (!state.additive && state.linkId === undefined) store.setSelection(EMPTY_SELECTION);
        return;
      case 'brushing':
        this.context.setOverlay({});
        return;
      case 'linking': {
        this.context.setOverlay({});
        const target = nodeAt(this.doc, pointer.world);
        if (!target || target.id === state.fromId) {
          this.context.setHint(undefined);
          return;
        }
        this.commitLink(state.fromId, target.id);
        return;
      }
      default:
        return;
    }
  }

  /**
   * The end of a link gesture, by pointer or keyboard: the link rules decide, a refusal's reason
   * stays in the hint, and an accepted link is one undoable edit, selected.
   */
  private commitLink(fromId: string, toId: string): boolean {
    const { store } = this.context;
    const verdict = linkVerdict(this.doc, fromId, toId);
    if (!verdict.ok) {
      // The reason stays up after the refusal so the user can read it.
      this.context.setHint(`Not linked: ${verdict.reason}`, 'refusal');
      return false;
    }
    this.context.setHint(undefined);
    let linkId = '';
    store.update((draft) => {
      linkId = addLink(draft, fromId, toId, verdict.kind);
    });
    store.setSelection(selectionOf('links', [linkId]));
    return true;
  }

  /**
   * L on the canvas: a link from `fromId` whose target the keyboard chooses (setKeyboardLinkTarget),
   * drawn like a link drag, with the same verdict shown as the target changes.
   */
  startKeyboardLink(fromId: string, targetId: string | undefined): void {
    if (this.state.name !== 'idle') this.cancel();
    if (!Object.hasOwn(this.doc.nodes, fromId)) return;
    this.state = { name: 'keyboard-linking', fromId, targetId: undefined };
    this.setKeyboardLinkTarget(targetId);
  }

  setKeyboardLinkTarget(targetId: string | undefined): void {
    const state = this.state;
    if (state.name !== 'keyboard-linking') return;
    const target = targetId !== undefined && targetId !== state.fromId && Object.hasOwn(this.doc.nodes, targetId) ? this.doc.nodes[targetId] : undefined;
    state.targetId = target?.id;
    const from = this.doc.nodes[state.fromId];
    if (!target) {
      this.context.setOverlay({ linkDrag: { fromId: state.fromId, to: { x: from.x + 220, y: from.y + 30 } } });
      this.context.setHint('Link: no other node to link to. Escape cancels.');
      return;
    }
    const verdict = linkVerdict(this.doc, state.fromId, target.id);
    const refused = verdict.ok ? undefined : verdict.reason;
    this.context.setOverlay({ linkDrag: { fromId: state.fromId, to: { x: target.x, y: target.y }, targetId: target.id, refused } });
    const name = (id: string) => this.doc.nodes[id].name ?? id;
    if (refused !== undefined) this.context.setHint(refused, 'refusal');
    else this.context.setHint(`Link ${name(state.fromId)} → ${name(target.id)}: Enter links, arrows or Tab choose another node, Escape cancels.`, 'prompt');
  }

  /** The keyboard link's current source and target, or undefined when no keyboard link is being made. */
  keyboardLink(): { fromId: string; targetId: string | undefined } | undefined {
    return this.state.name === 'keyboard-linking' ? { fromId: this.state.fromId, targetId: this.state.targetId } : undefined;
  }

  /** Enter: makes the keyboard link (or says why not, staying in link mode to choose again). */
  commitKeyboardLink(): boolean {
    const state = this.state;
    if (state.name !== 'keyboard-linking' || state.targetId === undefined) return false;
    const verdict = linkVerdict(this.doc, state.fromId, state.targetId);
    if (!verdict.ok) {
      this.context.setHint(`Not linked: ${verdict.reason}`, 'refusal');
      return false;
    }
    this.state = { name: 'idle' };
    this.context.setOverlay({});
    return this.commitLink(state.fromId, state.targetId);
  }

  doubleClick(pointer: ToolPointer): void {
    const node = nodeAt(this.doc, pointer.world);
    if (node) {
      this.context.startRename({ kind: 'nodes', id: node.id });
      return;
    }
    const region = regionLabelAt(this.doc, pointer.world, this.titleRect);
    if (region) this.context.startRename({ kind: 'regions', id: region.id });
  }

  /** Escape, or the pointer lost: roll back whatever the gesture changed. */
  cancel(): void {
    const state = this.state;
    this.state = { name: 'idle' };
    if (state.name === 'translating' || state.name === 'translating-region' || state.name === 'resizing-region') {
      this.context.store.bailToMark(state.mark);
    }
    if (state.name === 'brushing') this.context.store.setSelection(state.before);
    this.context.setOverlay({});
    this.context.setHint(undefined);
  }

  /** A node, a region or a region's corner is being dragged (the canvas's overlays make way). */
  isMoving(): boolean {
    const state = this.state.name;
    return state === 'translating' || state === 'translating-region' || state === 'resizing-region';
  }

  /** The CSS cursor for the pointer at rest: what a press there would do. */
  cursorAt(world: Point): string {
    const state = this.state.name;
    if (this.spaceHeld || state === 'panning') return 'grabbing';
    if (state === 'translating' || state === 'translating-region') return 'move';
    if (state === 'linking' || state === 'pointing-handle' || state === 'keyboard-linking') return 'crosshair';
    if (state === 'resizing-region') return 'nwse-resize';
    if (state === 'brushing') return 'default';
    const doc = this.doc;
    const zoom = this.context.zoom();
    if (handleAt(doc, world, zoom)) return 'crosshair';
    if (nodeAt(doc, world)) return 'move';
    if (regionGripAt(doc, world, zoom)) return 'nwse-resize';
    if (linkAt(doc, world, zoom)) return 'pointer';
    if (regionLabelAt(doc, world, this.titleRect)) return 'move';
    return 'default';
  }

  isIdle(): boolean {
    return this.state.name === 'idle';
  }
}
