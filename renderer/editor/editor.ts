import type { FaultlineDocument, NodeKind, ViewState } from '../../shared/model/types';
import type { Camera } from './camera';
import { copySelection, pasteContent, type ClipboardContent } from './commands/clipboard';
import { clipboardText } from './commands/clipboardText';
import { addNode, addRegion, deleteSelection, moveRegions, placeNodes, resizeRegion, type DeletedAlong } from './commands/documentEdits';
import { boundsOf, duplicateOffset, freeNodeCorner, freeRegionRect, paletteAnchor, pasteOffset } from './commands/placement';
import { describeRegionChanges } from './commands/regionChanges';
import { cornerForCentre, documentBounds, GRID, NODE_CARD, nodeCentre, nodeRect, type Point, type Rect } from './geometry';
import type { DocumentStore } from './store/documentStore';
import { isEmptySelection, selectionOf, type Selection } from './store/selection';
import { nextLinkOfNode, nextNodeInDirection, nextNodeInOrder, nextRegionInOrder, nextTabStop, type Direction, type TabStop } from './keyboardNavigation';
import { SelectTool } from './tools/selectTool';
import type { Overlay } from './tools/toolTypes';

/** What a context menu opened from the keyboard is about. */
export interface MenuTarget {
  kind: 'nodes' | 'links';
  id: string;
}

/**
 * A line over the canvas: a prompt (what the keys do now, what to select first) or a refusal
 * (why a link was not made). Only a refusal looks like an error.
 */
export interface Hint {
  text: string;
  tone: 'prompt' | 'refusal';
}

/** How the editor tells the user about an edit; `step` ties the notice to that edit's undo. */
export type Notify = (message: string, tone: 'error' | 'warning', options?: { step?: number; key?: string }) => void;

export interface RenameTarget {
  kind: 'nodes' | 'regions';
  id: string;
}

/**
 * Screen pixels kept free at the bottom of a narrated document's canvas even before a caption
 * shows (the camera also measures the captions actually shown, and keeps clear of those).
 */
const CAPTION_BAND_PX = 100;
/** Fit never zooms in past this (a tiny design would otherwise fill the screen with one card)… */
const FIT_MAX_ZOOM = 1.5;
/** …except in classroom mode, where a small lesson on a large projector may fill it. */
const CLASSROOM_FIT_MAX_ZOOM = 2.5;

/**
 * The editor's session state around the document store: the select tool, the camera, the
 * clipboard, transient overlay and hint, the node being renamed. None of it is history.
 */
export class Editor {
  readonly tool: SelectTool;
  private camera: Camera | undefined;
  private overlay: Overlay = {};
  /** The tool's overlay with the canvas's keyboard focus added (one object per change, for the scene's identity checks). */
  private shownOverlay: Overlay = {};
  private canvasFocused = false;
  private readonly contextMenuListeners = new Set<(target: MenuTarget) => void>();
  /** The node whose links `]` / `[` walk: the keys keep acting from it while one of its links is selected. */
  private linkAnchor: string | undefined;
  private hint: Hint | undefined;
  private renameTarget: RenameTarget | undefined;
  private clipboard: ClipboardContent | undefined;
  /**
   * The camera shows the content as Fit left it (no pan or zoom since): the view is fitted again
   * when the canvas changes size a lot (a window maximised, classroom mode's panels).
   */
  /** The last Tab on the canvas went past the end of the walk and left it (see selectNextTabStop). */
  private tabWalkLeftAtEnd = false;
  private autoFit = false;
  /** Classroom mode (View menu): the canvas draws larger type and the fit may zoom in further. */
  private classroom = false;
  private readonly listeners = new Set<() => void>();

  /** The accelerator key as hints write it ("Ctrl", or "⌘" on a Mac): the app passes its MOD_KEY in. */
  private readonly modKey: string;

  constructor(
    readonly store: DocumentStore,
    options: { modKey?: string } = {},
  ) {
    this.modKey = options.modKey ?? 'Ctrl';
    this.tool = new SelectTool({
      store,
      zoom: () => this.camera?.zoom() ?? 1,
      regionTitleRect: (id) => this.camera?.regionTitleRect?.(id),
      panByScreen: (dx, dy) => {
        this.autoFit = false;
        this.camera?.panByScreen(dx, dy);
      },
      setOverlay: (overlay) => {
        this.overlay = overlay;
        this.composeOverlay();
        this.emit();
      },
      setHint: (hint, tone) => this.setHint(hint, tone),
      startRename: (target) => this.startRename(target),
    });
    let generation = store.getGeneration();
    store.subscribe(() => {
      if (store.getGeneration() === generation) return;
      generation = store.getGeneration();
      // A new document: no gesture or rename may carry over into it, and the camera shows all of it.
      this.tool.cancel();
      this.startRename(undefined);
      this.showWholeDocument();
    });
    // A hint answers the last thing done on the canvas; the next edit or selection moves on from
    // it (a gesture in progress, such as choosing a link's target, keeps its own prompt).
    let seenDocument = store.getDocument();
    let seenSelection = store.getSelection();
    store.subscribe(() => {
      const changed = store.getDocument() !== seenDocument || store.getSelection() !== seenSelection;
      seenDocument = store.getDocument();
      seenSelection = store.getSelection();
      if (changed && this.hint !== undefined && this.tool.isIdle()) this.setHint(undefined);
    });
    // Region membership sets every link's delay: an edit that moves nodes into, out of or between
    // regions is said in words, tied to its undo step.
    store.onStep((step) => {
      const message = describeRegionChanges(step.before, step.after, this.copySourceRegions);
      // One such notice at a time: the newest edit's replaces the last (they would stack up over
      // the canvas as nodes are dropped into a region one by one).
      if (message !== undefined) this.notify(message, 'warning', { step: step.serial, key: 'region-change' });
    });
  }

  // --- session state, observed by the canvas and panels ----------------------------------------

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(): void {
    for (const listener of [...this.listeners]) listener();
  }

  getOverlay(): Overlay {
    return this.shownOverlay;
  }

  private composeOverlay(): void {
    this.shownOverlay = this.canvasFocused ? { ...this.overlay, keyboardFocus: true } : this.overlay;
  }

  /** The canvas gained or lost keyboard focus (a focus ring then marks the selected nodes). */
  setCanvasFocus(focused: boolean): void {
    if (focused === this.canvasFocused) return;
    this.canvasFocused = focused;
    this.composeOverlay();
    this.emit();
  }

  /** A click on the canvas: the user chose where to be, so the Tab walk goes on from there. */
  canvasPressed(): void {
    this.tabWalkLeftAtEnd = false;
  }

  isCanvasFocused(): boolean {
    return this.canvasFocused;
  }

  getHint(): string | undefined {
    return this.hint?.text;
  }

  /** The hint with its tone (one object per change, for useSyncExternalStore). */
  getHintState(): Hint | undefined {
    return this.hint;
  }

  /** Shows one hint (replacing any other), or none with `undefined`. */
  setHint(text: string | undefined, tone: Hint['tone'] = 'prompt'): void {
    if (text === this.hint?.text && tone === this.hint?.tone) return;
    this.hint = text === undefined ? undefined : { text, tone };
    this.emit();
  }

  isClassroom(): boolean {
    return this.classroom;
  }

  /**
   * Classroom mode on or off: the canvas redraws its text at the mode's size (CARD_TEXT), and the
   * view is fitted again once the panels have taken their new widths (two frames later) — the
   * diagram is what a class looks at, so it gets the whole canvas whatever the camera showed.
   */
  setClassroom(on: boolean): void {
    if (on === this.classroom) return;
    this.classroom = on;
    this.emit();
    const refit = () => this.fitToContent();
    if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => requestAnimationFrame(refit));
    else refit();
  }

  getRenameTarget(): RenameTarget | undefined {
    return this.renameTarget;
  }

  startRename(target: RenameTarget | undefined): void {
    this.renameTarget = target;
    this.emit();
  }

  attachCamera(camera: Camera | undefined): void {
    this.camera = camera;
    this.emit();
  }

  getCamera(): Camera | undefined {
    return this.camera;
  }

  // --- commands -------------------------------------------------------------------------------

  /** Adds a node centred on a world point (a palette drop) and selects it. */
  addNodeAt(kind: NodeKind, centre: Point): string {
    return this.addNodeWithCorner(kind, cornerForCentre(centre));
  }

  private addNodeWithCorner(kind: NodeKind, corner: Point): string {
    let id = '';
    this.store.update((draft) => {
      id = addNode(draft, kind, corner);
    });
    this.store.setSelection(selectionOf('nodes', [id]));
    return id;
  }

  /**
   * A palette click (or Enter on a palette item): the new node goes to the free spot nearest
   * where {@link paletteAnchor} aims (beside the selected node, or the middle of the view), in the
   * part of the view no overlay covers, overlapping no card (it used to land on whatever was
   * there); the view zooms out to show it when it lands out of sight (showWithView).
   */
  addNodeInView(kind: NodeKind): string {
    const camera = this.camera;
    const fallbackCentre = camera?.visibleCentre() ?? { x: 400, y: 300 };
    const view = camera?.unobstructedRect?.() ?? camera?.visibleRect() ?? { x: fallbackCentre.x - 600, y: fallbackCentre.y - 400, w: 1200, h: 800 };
    const doc = this.store.getDocument();
    const selected = this.store.getSelection();
    const only = selected.nodes.length === 1 && selected.links.length === 0 && selected.regions.length === 0 ? doc.nodes[selected.nodes[0]] : undefined;
    const anchor = paletteAnchor(only, kind, view);
    // Beside a node at the view's edge, the flow goes on past it: the view then zooms out to show it.
    const aimed = { x: anchor.x - NODE_CARD.width / 2 - GRID, y: anchor.y - NODE_CARD.height / 2 - GRID, w: NODE_CARD.width + 2 * GRID, h: NODE_CARD.height + 2 * GRID };
    // The free space beside the legend that a fit uses holds new cards too, before the view zooms out.
    const alsoFree = camera?.unobstructedRects?.() ?? [];
    const id = this.addNodeWithCorner(kind, freeNodeCorner(doc, anchor, only === undefined ? view : boundsOf([view, aimed])!, alsoFree));
    this.showWithView(nodeRect(this.store.getDocument().nodes[id]));
    return id;
  }

  addRegionInView(): string {
    return this.addRegionAt(this.camera?.visibleCentre() ?? { x: 400, y: 300 });
  }

  /**
   * Adds a region as near a world point (a palette drop, or the middle of the view for a click)
   * as it can go without containing any node — a box landing on nodes would silently put them in
   * a region and change their delays — smaller when space is short; brings it into view and selects it.
   */
  addRegionAt(centre: Point): string {
    const camera = this.camera;
    const view = camera?.visibleRect() ?? { x: centre.x - 600, y: centre.y - 400, w: 1200, h: 800 };
    const rect = freeRegionRect(this.store.getDocument(), centre, view);
    let id = '';
    this.store.update((draft) => {
      id = addRegion(draft, rect);
    });
    this.store.setSelection(selectionOf('regions', [id]));
    const shown = camera?.visibleRect();
    if (camera && shown && !(rect.x >= shown.x && rect.y >= shown.y && rect.x + rect.w <= shown.x + shown.w && rect.y + rect.h <= shown.y + shown.h)) {
      camera.fit(boundsOf([shown, rect])!);
    }
    return id;
  }

  /**
   * Arrow keys: move the selection a grid step (five with Shift); repeated presses are one undo
   * step. Selected regions move with the nodes inside them, as when a region is dragged, and then
   * every node belongs to the region its centre is in (the box may now cover other nodes).
   */
  nudge(dx: number, dy: number): void {
    const selection = this.store.getSelection();
    const doc = this.store.getDocument();
    const regionIds = selection.regions.filter((id) => Object.hasOwn(doc.regions, id));
    const nodeIds = selection.nodes.filter((id) => Object.hasOwn(doc.nodes, id));
    if (nodeIds.length === 0 && regionIds.length === 0) return;
    const starts = new Map(nodeIds.map((id) => [id, { x: doc.nodes[id].x, y: doc.nodes[id].y }]));
    const regionStarts = new Map(regionIds.map((id) => [id, { x: doc.regions[id].x, y: doc.regions[id].y }]));
    const key = `nudge:${nodeIds.join(',')}|${regionIds.join(',')}`;
    // The nodes a region carries are those in it at the first press of a run of presses (one undo
    // step), as a drag takes those in it when it starts: a box stepped across a node passes over it.
    const run = this.regionNudge;
    const memberIds =
      run !== undefined && run.key === key && run.doc === doc
        ? run.memberIds
        : Object.values(doc.nodes)
            .filter((node) => node.region !== undefined && regionStarts.has(node.region))
            .map((node) => node.id);
    const members = new Map<string, Point>();
    for (const id of memberIds) if (Object.hasOwn(doc.nodes, id) && !starts.has(id)) members.set(id, { x: doc.nodes[id].x, y: doc.nodes[id].y });
    this.store.update(
      (draft) => {
        placeNodes(draft, starts, { x: dx, y: dy });
        if (regionIds.length > 0) moveRegions(draft, regionStarts, members, { x: dx, y: dy });
      },
      { squashKey: key },
    );
    this.regionNudge = regionIds.length > 0 ? { key, doc: this.store.getDocument(), memberIds } : undefined;
    if (regionIds.length > 0 && nodeIds.length === 0) this.keepRectInView(this.store.getDocument().regions[regionIds.at(-1)!]);
  }

  /**
   * Ctrl/Cmd+arrows on the canvas: resize the selected regions from their bottom-right corner by a
   * grid step (five with Shift) — Right and Down grow, Left and Up shrink — with the pointer
   * resize's snapping and minimum size, nodes joining or leaving as their centres fall in or out.
   * Repeated presses are one undo step. False (with a hint) when no region is selected.
   */
  resizeSelectedRegions(dw: number, dh: number): boolean {
    const doc = this.store.getDocument();
    const ids = this.store.getSelection().regions.filter((id) => Object.hasOwn(doc.regions, id));
    if (ids.length === 0) {
      this.setHint(`Select a region first (R), then ${this.modKey} with an arrow resizes it.`);
      return false;
    }
    this.store.update(
      (draft) => {
        for (const id of ids) {
          const region = draft.regions[id];
          resizeRegion(draft, id, { x: region.x + region.w + dw, y: region.y + region.h + dh });
        }
      },
      { squashKey: `resize:${ids.join(',')}` },
    );
    this.keepRectInView(this.store.getDocument().regions[ids.at(-1)!]);
    return true;
  }

  /** The last run of arrow presses that moved regions: its squash key, the document it left, the nodes it carries. */
  private regionNudge: { key: string; doc: FaultlineDocument; memberIds: string[] } | undefined;

  /** Where the editor tells the user what an edit did besides the obvious (set by the app). */
  notify: Notify = () => {};

  deleteSelected(): void {
    const selection = this.store.getSelection();
    if (isEmptySelection(selection)) return;
    let along: DeletedAlong = { scenarioEvents: 0, checks: 0 };
    this.store.update((draft) => {
      along = deleteSelection(draft, selection);
    });
    // Scenario events and checks that named what was deleted go with it: say so, they are easy to miss.
    const parts = [
      along.scenarioEvents > 0 ? `${along.scenarioEvents} scenario event${along.scenarioEvents === 1 ? '' : 's'}` : '',
      along.checks > 0 ? `${along.checks} check${along.checks === 1 ? '' : 's'}` : '',
    ].filter((part) => part !== '');
    if (parts.length > 0) this.notify(`Also deleted: ${parts.join(' and ')} that named what you deleted. Undo brings them back.`, 'warning', { step: this.store.lastStepSerial() });
  }

  selectAll(): void {
    const doc = this.store.getDocument();
    this.store.setSelection({ nodes: Object.keys(doc.nodes), links: Object.keys(doc.links), regions: Object.keys(doc.regions) });
  }

  select(selection: Selection): void {
    this.store.setSelection(selection);
  }

  /**
   * Copies the selection; returns it as clipboard text (a small .faultline document) for the
   * system clipboard, or undefined when nothing is selected. The editor keeps a copy too, for a
   * Paste that cannot read the system clipboard (a menu click in a browser).
   */
  copy(): string | undefined {
    const content = copySelection(this.store.getDocument(), this.store.getSelection());
    if (!content) return undefined;
    this.clipboard = content;
    return clipboardText(content);
  }

  /** Copy, then delete what was copied (one undo step brings it back). */
  cut(): string | undefined {
    const text = this.copy();
    if (text !== undefined) this.deleteSelected();
    return text;
  }

  /**
   * Pastes `content` read from the system clipboard (see parseClipboardText), else the editor's own
   * last copy: where the copy was if that place is free, else beside it (see pasteOffset). False
   * when there was nothing to paste.
   */
  paste(content: ClipboardContent | undefined = this.clipboard): boolean {
    if (content === undefined) return false;
    const doc = this.store.getDocument();
    const original = boundsOf([...content.nodes.map((node) => nodeRect(node)), ...content.regions]);
    if (original === undefined) return false;
    const offset = pasteOffset(doc, original, this.camera?.visibleRect(), new Set(content.regions.map((region) => region.id)), content.nodes);
    let selection: Selection | undefined;
    this.withCopySources(content, () =>
      this.store.update((draft) => {
        selection = pasteContent(draft, content, offset);
      }),
    );
    if (selection) this.store.setSelection(selection);
    this.showWithView({ ...original, x: original.x + offset.x, y: original.y + offset.y });
    return true;
  }

  /** Regions the nodes being copied are in, while their copies are added (see describeRegionChanges). */
  private copySourceRegions: ReadonlySet<string> | undefined;

  private withCopySources(content: ClipboardContent, add: () => void): void {
    // Copied through the system clipboard, a node whose region was not copied arrives without it
    // (the small document it travels in has no such region): its original here still says.
    const doc = this.store.getDocument();
    const regionOf = (node: ClipboardContent['nodes'][number]): string | undefined => {
      if (node.region !== undefined) return node.region;
      const original = Object.hasOwn(doc.nodes, node.id) ? doc.nodes[node.id] : undefined;
      return original !== undefined && original.kind === node.kind ? original.region : undefined;
    };
    this.copySourceRegions = new Set(content.nodes.flatMap((node) => {
      const region = regionOf(node);
      return region === undefined ? [] : [region];
    }));
    try {
      add();
    } finally {
      this.copySourceRegions = undefined;
    }
  }

  /**
   * Copy and paste in one step, leaving the clipboard as it was. The copy goes beside the
   * original (right, else below, left, above), clear of other cards and inside the view, and
   * inside the original's region when it has room (see duplicateOffset).
   */
  duplicate(): void {
    const doc = this.store.getDocument();
    const content = copySelection(doc, this.store.getSelection());
    if (!content) return;
    const original = boundsOf([...content.nodes.map((node) => nodeRect(node)), ...content.regions])!;
    const offset = duplicateOffset(doc, original, this.camera?.visibleRect(), new Set(content.regions.map((region) => region.id)), content.nodes);
    let selection: Selection | undefined;
    this.withCopySources(content, () =>
      this.store.update((draft) => {
        selection = pasteContent(draft, content, offset);
      }),
    );
    if (selection) this.store.setSelection(selection);
    this.showWithView({ ...original, x: original.x + offset.x, y: original.y + offset.y });
  }

  undo(): void {
    this.tool.cancel();
    this.store.undo();
  }

  redo(): void {
    this.tool.cancel();
    this.store.redo();
  }

  zoomIn(): void {
    this.autoFit = false;
    this.camera?.zoomBy(1.25);
  }

  zoomOut(): void {
    this.autoFit = false;
    this.camera?.zoomBy(0.8);
  }

  /** Selects records and, when any of the nodes is out of view, brings them all into view. */
  selectAndReveal(selection: Selection): void {
    this.store.setSelection(selection);
    const camera = this.camera;
    const doc = this.store.getDocument();
    const nodes = selection.nodes.filter((id) => Object.hasOwn(doc.nodes, id)).map((id) => nodeRect(doc.nodes[id]));
    if (!camera || nodes.length === 0) return;
    const view = camera.visibleRect();
    const inside = (rect: Rect) => rect.x >= view.x && rect.y >= view.y && rect.x + rect.w <= view.x + view.w && rect.y + rect.h <= view.y + view.h;
    if (nodes.every(inside)) return;
    const x = Math.min(...nodes.map((rect) => rect.x));
    const y = Math.min(...nodes.map((rect) => rect.y));
    const right = Math.max(...nodes.map((rect) => rect.x + rect.w));
    const bottom = Math.max(...nodes.map((rect) => rect.y + rect.h));
    this.autoFit = false;
    camera.fit({ x, y, w: right - x, h: bottom - y });
  }

  // --- the canvas from the keyboard ------------------------------------------------------------

  /**
   * The node the keyboard acts from: the last selected node that still exists, or, while a link
   * reached with `]` / `[` is selected alone, the node its walk started from.
   */
  private focusedNodeId(): string | undefined {
    const doc = this.store.getDocument();
    const selection = this.store.getSelection();
    const node = selection.nodes.findLast((id) => Object.hasOwn(doc.nodes, id));
    if (node !== undefined) return node;
    const anchor = this.linkAnchor;
    if (anchor === undefined || !Object.hasOwn(doc.nodes, anchor) || selection.links.length !== 1 || selection.regions.length > 0) return undefined;
    const link = Object.hasOwn(doc.links, selection.links[0]) ? doc.links[selection.links[0]] : undefined;
    return link && (link.from === anchor || link.to === anchor) ? anchor : undefined;
  }

  /**
   * `]` / `[` on the canvas: selects the next (previous) link of the selected node, in the order
   * of their other ends, wrapping round; the node's other end is kept in view.
   */
  selectNextLinkOfNode(step: 1 | -1): boolean {
    const anchor = this.focusedNodeId();
    if (anchor === undefined) {
      this.setHint('Select a node first (Tab), then ] and [ select its links.');
      return false;
    }
    const doc = this.store.getDocument();
    const selection = this.store.getSelection();
    const current = selection.nodes.length === 0 ? selection.links[0] : undefined;
    const id = nextLinkOfNode(doc, anchor, current, step);
    if (id === undefined) {
      this.setHint(`${doc.nodes[anchor].name ?? anchor} has no links.`);
      return false;
    }
    this.linkAnchor = anchor;
    this.store.setSelection(selectionOf('links', [id]));
    const link = doc.links[id];
    this.keepInView(link.from === anchor ? link.to : link.from);
    return true;
  }

  /**
   * Where the Tab walk stands: the node the keyboard acts from, else the last selected region
   * that still exists (one R or Tab selected), else nowhere.
   */
  private currentTabStop(): TabStop | undefined {
    const node = this.focusedNodeId();
    if (node !== undefined) return { kind: 'nodes', id: node };
    const doc = this.store.getDocument();
    const region = this.store.getSelection().regions.findLast((id) => Object.hasOwn(doc.regions, id));
    return region === undefined ? undefined : { kind: 'regions', id: region };
  }

  /**
   * Tab / Shift+Tab on the canvas: selects the next (previous) stop of the Tab walk — the nodes in
   * reading order, then the regions in reading order — and keeps it in view. A region is selected
   * exactly as R selects it. Returns false past the last (first) stop, so focus can leave the canvas.
   */
  selectNextTabStop(step: 1 | -1): boolean {
    const doc = this.store.getDocument();
    let stop = nextTabStop(doc, this.currentTabStop(), step);
    // Tabbed back in after leaving at the end (the last region still selected): the walk starts
    // again. It used to leave at once, and the nodes could not be reached without Escape.
    if (stop === undefined && this.tabWalkLeftAtEnd) stop = nextTabStop(doc, undefined, step);
    this.tabWalkLeftAtEnd = stop === undefined;
    if (stop === undefined) return false;
    if (stop.kind === 'nodes') this.selectNodeAndKeepInView(stop.id);
    else this.selectRegionAndKeepInView(stop.id);
    return true;
  }

  /** Alt+arrows: selects the nearest node that way (from the middle of the view when none is selected). */
  selectNodeInDirection(direction: Direction): boolean {
    const from = this.focusedNodeId() ?? this.camera?.visibleCentre() ?? { x: 0, y: 0 };
    const id = nextNodeInDirection(this.store.getDocument(), from, direction);
    if (id === undefined) return false;
    this.selectNodeAndKeepInView(id);
    return true;
  }

  private selectNodeAndKeepInView(id: string): void {
    this.store.setSelection(selectionOf('nodes', [id]));
    this.keepInView(id);
  }

  /**
   * Brings a card just placed (or pasted cards' bounds) into view by zooming out (never in) as far
   * as it takes to show it with all that was in view, clear of the overlays: a pan to it pushed
   * the cards already placed under the packet legend and the toolbar, or out of sight, as a design
   * grew from the palette.
   */
  private showWithView(card: Rect): void {
    const camera = this.camera;
    if (!camera) return;
    const shown = camera.unobstructedRect?.() ?? camera.visibleRect();
    const within = (area: Rect) => card.x >= area.x && card.y >= area.y && card.x + card.w <= area.x + area.w && card.y + card.h <= area.y + area.h;
    if (within(shown) || (camera.unobstructedRects?.() ?? []).some(within)) return;
    this.autoFit = false;
    camera.fit(boundsOf([shown, card])!, 0, camera.zoom());
  }

  /** Pans (never zooms) just enough to bring a node's card, with a margin, into view. */
  keepInView(id: string): void {
    const doc = this.store.getDocument();
    if (!Object.hasOwn(doc.nodes, id)) return;
    this.keepRectInView(nodeRect(doc.nodes[id]));
  }

  /** Pans (never zooms) just enough to bring a rectangle, with a margin, into view (centring one larger than the view). */
  private keepRectInView(rect: Rect): void {
    const camera = this.camera;
    if (!camera) return;
    // Clear of the overlays too: a card under the packet legend is not in view for the user.
    const view = camera.unobstructedRect?.() ?? camera.visibleRect();
    const margin = 40 / Math.max(camera.zoom(), 0.01);
    const shift = (low: number, size: number, viewLow: number, viewSize: number) => {
      // A card larger than the view (a tiny window) is centred instead.
      if (size + 2 * margin > viewSize) return low + size / 2 - (viewLow + viewSize / 2);
      if (low - margin < viewLow) return low - margin - viewLow;
      if (low + size + margin > viewLow + viewSize) return low + size + margin - (viewLow + viewSize);
      return 0;
    };
    const dx = shift(rect.x, rect.w, view.x, view.w);
    const dy = shift(rect.y, rect.h, view.y, view.h);
    if (dx === 0 && dy === 0) return;
    this.autoFit = false;
    camera.lookAt({ x: view.x + view.w / 2 + dx, y: view.y + view.h / 2 + dy }, camera.zoom());
  }

  /**
   * R / Shift+R on the canvas: selects the next (previous) region in reading order, wrapping
   * round, and keeps it in view. False (with a hint) when the design has no regions.
   */
  selectNextRegion(step: 1 | -1): boolean {
    const doc = this.store.getDocument();
    const current = this.store.getSelection().regions.findLast((id) => Object.hasOwn(doc.regions, id));
    const id = nextRegionInOrder(doc, current, step);
    if (id === undefined) {
      this.setHint('This design has no regions (the palette adds one).');
      return false;
    }
    this.selectRegionAndKeepInView(id);
    return true;
  }

  /** Selects one region alone and keeps its box in view: what R and Tab both do. */
  private selectRegionAndKeepInView(id: string): void {
    this.store.setSelection(selectionOf('regions', [id]));
    this.keepRectInView(this.store.getDocument().regions[id]);
  }

  /**
   * L on the canvas: starts a link from the selected node; the first target offered is the
   * nearest node to its right (links run left to right in most designs), else the next in order.
   */
  startKeyboardLink(): boolean {
    const fromId = this.focusedNodeId();
    if (fromId === undefined) {
      this.setHint('Select a node first (Tab), then press L to link it.');
      return false;
    }
    const doc = this.store.getDocument();
    const first =
      nextNodeInDirection(doc, fromId, 'right') ?? nextNodeInDirection(doc, fromId, 'down') ?? nextNodeInDirection(doc, fromId, 'left') ?? nextNodeInDirection(doc, fromId, 'up');
    this.tool.startKeyboardLink(fromId, first);
    if (first !== undefined) this.keepInView(first);
    return true;
  }

  /** Moves the keyboard link's target: arrows by direction, Tab by reading order (wrapping, skipping the source). */
  moveKeyboardLinkTarget(move: Direction | 1 | -1): void {
    const link = this.tool.keyboardLink();
    if (!link) return;
    const doc = this.store.getDocument();
    let next: string | undefined;
    if (typeof move === 'string') {
      const from = link.targetId ?? link.fromId;
      next = nextNodeInDirection(doc, from, move, [link.fromId]);
    } else {
      next = nextNodeInOrder(doc, link.targetId ?? link.fromId, move) ?? nextNodeInOrder(doc, undefined, move);
      if (next === link.fromId) next = nextNodeInOrder(doc, next, move) ?? nextNodeInOrder(doc, undefined, move);
      if (next === link.fromId) next = undefined;
    }
    if (next === undefined) return;
    this.tool.setKeyboardLinkTarget(next);
    this.keepInView(next);
  }

  /** Enter while linking from the keyboard: links (same rules and undo step as a drag). */
  commitKeyboardLink(): boolean {
    return this.tool.commitKeyboardLink();
  }

  /**
   * Shift+F10 / the Menu key on the canvas: asks whoever listens (the fault menu, in a run) to
   * open for the selected node, or for the selected link when no node is selected.
   */
  onContextMenuRequest(listener: (target: MenuTarget) => void): () => void {
    this.contextMenuListeners.add(listener);
    return () => this.contextMenuListeners.delete(listener);
  }

  requestContextMenu(): boolean {
    const doc = this.store.getDocument();
    const selection = this.store.getSelection();
    const node = selection.nodes.findLast((id) => Object.hasOwn(doc.nodes, id));
    const link = selection.links.findLast((id) => Object.hasOwn(doc.links, id));
    const target: MenuTarget | undefined = node !== undefined ? { kind: 'nodes', id: node } : link !== undefined ? { kind: 'links', id: link } : undefined;
    if (target === undefined || this.contextMenuListeners.size === 0) return false;
    for (const listener of [...this.contextMenuListeners]) listener(target);
    return true;
  }

  /** Where a menu opened from the keyboard goes on the page: under a node's card, or at a link's middle. */
  menuClientPoint(target: MenuTarget): Point | undefined {
    const doc = this.store.getDocument();
    if (!this.camera) return undefined;
    if (target.kind === 'nodes') {
      if (!Object.hasOwn(doc.nodes, target.id)) return undefined;
      const card = nodeRect(doc.nodes[target.id]);
      return this.camera.worldToClient({ x: card.x, y: card.y + card.h + 16 });
    }
    const link = Object.hasOwn(doc.links, target.id) ? doc.links[target.id] : undefined;
    if (!link || !Object.hasOwn(doc.nodes, link.from) || !Object.hasOwn(doc.nodes, link.to)) return undefined;
    const a = nodeCentre(doc.nodes[link.from]);
    const b = nodeCentre(doc.nodes[link.to]);
    return this.camera.worldToClient({ x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 + 12 });
  }

  zoomReset(): void {
    this.autoFit = false;
    this.camera?.setZoom(1);
  }

  /** The first look at a document: the camera its file saved (`view`), else everything fitted. */
  showWholeDocument(): void {
    const doc = this.store.getDocument();
    const view = doc.view;
    this.autoFit = false;
    if (view && this.camera) this.camera.lookAt({ x: view.x, y: view.y }, view.zoom);
    // Nothing to fit (New): actual size, not the zoom the previous document happened to need.
    else if (documentBounds(doc) === undefined) this.camera?.setZoom(1);
    else this.fitToContent();
  }

  /**
   * The camera as Save writes it into the file (`view`, which opening shows again): where the user
   * left it; none while the view is as Fit left it, so a fitted design is fitted again on whatever
   * screen opens it. Rounded (a tenth of a unit, three significant digits of zoom): the file should
   * not change with every sub-pixel of a pan.
   */
  viewToSave(): ViewState | undefined {
    if (!this.camera || this.autoFit) return undefined;
    const centre = this.camera.visibleCentre();
    const zoom = Number(this.camera.zoom().toPrecision(3));
    if (!Number.isFinite(centre.x) || !Number.isFinite(centre.y) || !(zoom > 0)) return undefined;
    return { x: Math.round(centre.x * 10) / 10, y: Math.round(centre.y * 10) / 10, zoom };
  }

  /** The user panned or zoomed the canvas (drag, wheel, pinch): a resize no longer re-fits. */
  cameraMovedByUser(): void {
    this.autoFit = false;
  }

  /** The canvas changed size a lot (see substantialResize): fits the content again unless the user moved the camera since the last fit. */
  canvasResized(): void {
    if (this.autoFit) this.fitToContent();
  }

  /** The overlays over the canvas (the captions at its bottom edge, the legend) grew or shrank: a view still as Fit left it glides to fit clear of them. */
  messagesResized(): void {
    if (this.autoFit) this.fitToContent({ smooth: true });
  }

  fitToContent(options: { smooth?: boolean } = {}): void {
    const doc = this.store.getDocument();
    const bounds = documentBounds(doc);
    // A narrated document shows captions over the bottom of the canvas: keep the diagram above them.
    const narrated = doc.scenario.some((event) => event.note !== undefined);
    if (!bounds || !this.camera) return;
    this.camera.fit(bounds, narrated ? CAPTION_BAND_PX : 0, this.classroom ? CLASSROOM_FIT_MAX_ZOOM : FIT_MAX_ZOOM, options);
    this.autoFit = true;
  }
}
