import 'pixi.js/unsafe-eval';
import { Application } from 'pixi.js';
import { Viewport } from 'pixi-viewport';
import { useEffect, useRef } from 'react';
import { substantialResize, type Camera } from '../editor/camera';
import type { Editor } from '../editor/editor';
import type { ToolPointer } from '../editor/tools/toolTypes';
import { registerCanvasSnapshotSource } from './canvasSnapshot';
import { GridBackground } from './gridBackground';
import { cssColor } from './kindStyle';
import { SceneView } from './sceneView';
import { CANVAS_THEMES, type ThemeName } from './theme';
import { bandChanged, fitAround, freeBoxes, MESSAGES_GAP_PX, messagesBandPx, type ScreenBox } from './fitArea';
import { documentBounds, NODE_CARD } from '../editor/geometry';

/** Something drawn into the scene every display frame while it wants to (the live view). */
export interface CanvasAddon {
  attach(stage: { app: Application; scene: SceneView }): void;
  /** Called once per display frame; true when it changed something and the canvas must draw. */
  tick(deltaMs: number): boolean;
  /** Readies what it draws for File → Export PNG (actual size, full resolution); returns the undo. */
  prepareExport?(): () => void;
  detach(): void;
}

interface SandboxCanvasProps {
  /** Ids of the elements that describe the canvas to a screen reader (its keys, what is selected). */
  describedBy?: string;
  /** Optional layer driven by the canvas's ticker (renderer/live). */
  addon?: CanvasAddon | null;
  editor: Editor;
  theme: ThemeName;
  /** Called once Pixi has picked its renderer ('webgl', 'webgpu' or 'canvas'). */
  onRendererReady?: (rendererName: string) => void;
  onError?: (message: string) => void;
}

interface Stage {
  app: Application;
  viewport: Viewport;
  scene: SceneView;
  grid: GridBackground;
  themeName: ThemeName;
  dirty: boolean;
}

// Low enough for Fit to show a design of a thousand nodes whole (labels unreadable, shape visible).
const MIN_ZOOM = 0.04;
const MAX_ZOOM = 4;
const FIT_MARGIN = 32;
/** Screen pixels at the top of the canvas under the packet legend and the canvas toolbar (when they cannot be measured). */
const OVERLAY_TOP_PX = 64;
/** The packet legend (renderer/live/PacketLegend.tsx). */
const LEGEND = '.live-legend';
/** The overlays drawn over the top of the canvas. */
const TOP_OVERLAYS = `.canvas-toolbar, ${LEGEND}`;
/** The column of notices, hint and narration over the canvas's bottom edge (App.tsx). */
const MESSAGES = '.canvas-messages';
/** The narration's captions, at the bottom of that column (renderer/live/NarrationCaption.tsx). */
const CAPTIONS = '.live-captions';
/**
 * At most this share of the canvas's height is kept free for a caption not shown yet (the band
 * the editor asks for): a short canvas (a 1024×640 window) shows short captions, and a reserve
 * sized for a tall one made the diagram too small to read there. Captions actually shown are
 * measured and always kept clear of.
 */
const CAPTION_RESERVE_SHARE = 0.2;
/** How long a re-fit for a caption that grew or shrank takes (milliseconds). */
const SMOOTH_FIT_MS = 250;

/**
 * How far down the canvas the overlays at its top reach: they grow with classroom type and
 * stack on a narrow canvas (the legend moves under the toolbar), so they are measured.
 */
function topOverlayPx(host: HTMLElement | null): number {
  const area = host?.parentElement;
  if (!area) return OVERLAY_TOP_PX;
  const top = area.getBoundingClientRect().top;
  let bottom = 0;
  for (const overlay of area.querySelectorAll(TOP_OVERLAYS)) {
    const rect = overlay.getBoundingClientRect();
    // Only what sits in the top band counts (a legend pushed to the bottom would not).
    if (rect.height > 0 && rect.top - top < 120) bottom = Math.max(bottom, rect.bottom - top);
  }
  return bottom > 0 ? bottom + 8 : OVERLAY_TOP_PX;
}

/** Screen pixels kept between the diagram and the legend or the toolbar beside or above it. */
const TOP_OVERLAY_GAP_PX = 8;

/**
 * What a fit keeps the diagram clear of, as boxes on the canvas (each grown by the gap kept from
 * it): the legend and the toolbar where they are drawn, the messages column from its top to the
 * canvas's bottom, and under it a band `reservePx` tall as wide as that column, for captions not
 * shown yet. Measured, so a diagram may sit beside the narrow legend instead of under it.
 */
function overlayBoxes(host: HTMLElement | null, reservePx: number): ScreenBox[] {
  const area = host?.parentElement;
  if (!host || !area) return [{ left: 0, top: 0, right: Number.POSITIVE_INFINITY, bottom: OVERLAY_TOP_PX }];
  const canvas = host.getBoundingClientRect();
  const boxes: ScreenBox[] = [];
  for (const overlay of area.querySelectorAll(TOP_OVERLAYS)) {
    const rect = overlay.getBoundingClientRect();
    if (rect.height <= 0 || rect.width <= 0) continue;
    const gap = TOP_OVERLAY_GAP_PX;
    boxes.push({ left: rect.left - canvas.left - gap, top: rect.top - canvas.top - gap, right: rect.right - canvas.left + gap, bottom: rect.bottom - canvas.top + gap });
  }
  const messages = area.querySelector(MESSAGES);
  if (messages) {
    const rect = messages.getBoundingClientRect();
    const gap = MESSAGES_GAP_PX;
    const left = rect.left - canvas.left - gap;
    const right = rect.right - canvas.left + gap;
    const shown = messagesBandPx(canvas, rect);
    if (shown > 0) boxes.push({ left, right, top: canvas.height - shown, bottom: canvas.height });
    if (reservePx > 0) boxes.push({ left, right, top: canvas.height - reservePx, bottom: canvas.height });
  }
  return boxes;
}

/** The legend's size on the page ('' when there is none): it changes as the legend folds and opens. */
function legendSize(host: HTMLElement | null): string {
  const legend = host?.parentElement?.querySelector(LEGEND);
  if (!legend) return '';
  const rect = legend.getBoundingClientRect();
  return `${Math.round(rect.width)}×${Math.round(rect.height)}`;
}

/** How much of the canvas's bottom the messages column (or only its `part`) covers now: 0 when it shows nothing. */
function messagesPx(host: HTMLElement | null, part = MESSAGES): number {
  const messages = host?.parentElement?.querySelector(part === MESSAGES ? MESSAGES : `${MESSAGES} ${part}`);
  if (!host || !messages) return 0;
  return messagesBandPx(host.getBoundingClientRect(), messages.getBoundingClientRect());
}

/** The Pixi stage: the document drawn through the editor's scene, under pixi-viewport's camera. */
export function SandboxCanvas({ editor, theme, addon = null, describedBy, onRendererReady, onError }: SandboxCanvasProps) {
  const addonRef = useRef<CanvasAddon | null>(addon);
  addonRef.current = addon;
  const hostRef = useRef<HTMLDivElement>(null);
  const stageRef = useRef<Stage | null>(null);
  const themeRef = useRef(theme);
  themeRef.current = theme;

  useEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    let disposed = false;
    const cleanups: (() => void)[] = [];
    const app = new Application();
    const initialTheme = CANVAS_THEMES[themeRef.current];
    // Pixi's init is async; React may unmount (StrictMode does, once) before it resolves.
    app
      .init({ preference: 'webgl', resizeTo: host, antialias: true, autoDensity: true, resolution: window.devicePixelRatio || 1, background: initialTheme.background })
      .then(() => {
        if (disposed) {
          app.destroy(true, { children: true });
          return;
        }
        const canvas = app.canvas;
        canvas.dataset.renderer = app.renderer.name;
        host.appendChild(canvas);
        const viewport = new Viewport({ screenWidth: host.clientWidth, screenHeight: host.clientHeight, events: app.renderer.events });
        // Left button belongs to the select tool; middle or right drag, or Space + drag, pans.
        viewport
          .drag({ mouseButtons: 'middle-right' })
          .pinch()
          .wheel({ smooth: 3 })
          .clampZoom({ minScale: MIN_ZOOM, maxScale: MAX_ZOOM });
        const grid = new GridBackground(initialTheme);
        const scene = new SceneView(initialTheme);
        viewport.addChild(scene.root);
        app.stage.addChild(grid.sprite, viewport);
        const stage: Stage = { app, viewport, scene, grid, themeName: themeRef.current, dirty: true };
        stageRef.current = stage;
        // An editor canvas is still most of the time: draw only when something changed, so an
        // idle window costs no GPU time (the grid follows the camera in the same step).
        let renderWanted = true;
        const followGrid = () => {
          grid.follow(viewport, app.screen.width, app.screen.height);
          renderWanted = true;
        };
        app.ticker.remove(app.render, app);
        viewport.on('moved', followGrid);
        viewport.on('zoomed', followGrid);
        // The user's own pans and zooms (the editor's buttons and keys tell the editor themselves).
        // A re-fit still gliding stops where it is: the user's move wins (so does every other
        // camera move: keys, the toolbar, a saved view).
        const stopGliding = () => viewport.plugins.remove('animate');
        const movedByUser = () => {
          stopGliding();
          editor.cameraMovedByUser();
        };
        viewport.on('drag-start', movedByUser);
        viewport.on('wheel-start', movedByUser);
        viewport.on('pinch-start', movedByUser);
        /** The canvas's size when Fit last ran: a much bigger or smaller canvas fits again. */
        let sizeAtFit: { width: number; height: number } | null = null;
        /** Screen pixels Fit was asked to keep free at the bottom, and what the captions covered, when it last ran. */
        let bottomAsked = 0;
        let captionsAtFit = 0;
        /** The legend's size when Fit last ran. */
        let legendAtFit = '';
        app.renderer.on('resize', (width: number, height: number) => {
          viewport.resize(width, height);
          followGrid();
          if (sizeAtFit !== null && substantialResize(sizeAtFit, { width, height })) editor.canvasResized();
        });
        // Pixi's resizeTo follows the window only; panels that change width (classroom mode, a
        // taller dock) resize the canvas's box without a window resize.
        const boxWatcher = new ResizeObserver(() => app.resize());
        boxWatcher.observe(host);
        cleanups.push(() => boxWatcher.disconnect());
        // The caption over the bottom of the canvas grows and shrinks as the narration goes on: a
        // view still as Fit left it glides to fit above it again. Only the captions move the view:
        // a hint or notice (a refused link) appears while the user is working on the diagram, and
        // the diagram must not slide from under the pointer (the next Fit keeps clear of them).
        const messages = host.parentElement?.querySelector(MESSAGES);
        if (messages) {
          const messagesWatcher = new ResizeObserver(() => {
            if (sizeAtFit === null) return;
            if (bandChanged(captionsAtFit, Math.max(bottomAsked, messagesPx(host, CAPTIONS)))) editor.messagesResized();
          });
          messagesWatcher.observe(messages);
          cleanups.push(() => messagesWatcher.disconnect());
        }
        // The legend folds to a small button and opens again (renderer/live/PacketLegend.tsx): a
        // view still as Fit left it glides to use the room it left, or to keep clear of it.
        const legend = host.parentElement?.querySelector(LEGEND);
        if (legend) {
          const legendWatcher = new ResizeObserver(() => {
            if (sizeAtFit !== null && legendSize(host) !== legendAtFit) editor.messagesResized();
          });
          legendWatcher.observe(legend);
          cleanups.push(() => legendWatcher.disconnect());
        }

        const camera: Camera = {
          zoom: () => viewport.scale.x,
          lookAt: (centre, zoom) => {
            stopGliding();
            viewport.setZoom(Math.min(Math.max(zoom, MIN_ZOOM), MAX_ZOOM), true);
            viewport.moveCenter(centre.x, centre.y);
            followGrid();
          },
          setZoom: (zoom) => {
            stopGliding();
            viewport.setZoom(Math.min(Math.max(zoom, MIN_ZOOM), MAX_ZOOM), true);
            followGrid();
          },
          zoomBy: (factor) => {
            stopGliding();
            viewport.setZoom(Math.min(Math.max(viewport.scale.x * factor, MIN_ZOOM), MAX_ZOOM), true);
            followGrid();
          },
          fit: (rect, bottomAskedPx = 0, maxZoom = 1.5, options = {}) => {
            const bottomPx = Math.min(bottomAskedPx, Math.round(viewport.screenHeight * CAPTION_RESERVE_SHARE));
            bottomAsked = bottomPx;
            captionsAtFit = Math.max(bottomPx, messagesPx(hostRef.current, CAPTIONS));
            legendAtFit = legendSize(hostRef.current);
            const { zoom, centre } = fitAround({ width: viewport.screenWidth, height: viewport.screenHeight }, rect, {
              overlays: overlayBoxes(hostRef.current, bottomPx),
              margin: FIT_MARGIN,
              minZoom: MIN_ZOOM,
              maxZoom: Math.min(maxZoom, MAX_ZOOM),
            });
            stopGliding();
            if (options.smooth === true) {
              viewport.animate({ time: SMOOTH_FIT_MS, scale: zoom, position: centre, ease: 'easeInOutSine', removeOnInterrupt: true });
            } else {
              viewport.setZoom(zoom, true);
              viewport.moveCenter(centre.x, centre.y);
            }
            sizeAtFit = { width: viewport.screenWidth, height: viewport.screenHeight };
            followGrid();
          },
          panByScreen: (dx, dy) => {
            stopGliding();
            viewport.x += dx;
            viewport.y += dy;
            followGrid();
          },
          clientToWorld: (clientX, clientY) => {
            const bounds = canvas.getBoundingClientRect();
            const x = clientX - bounds.left;
            const y = clientY - bounds.top;
            if (x < 0 || y < 0 || x > bounds.width || y > bounds.height) return undefined;
            const point = viewport.toWorld(x, y);
            return { x: point.x, y: point.y };
          },
          visibleCentre: () => ({ x: viewport.center.x, y: viewport.center.y }),
          visibleRect: () => {
            const bounds = viewport.getVisibleBounds();
            return { x: bounds.x, y: bounds.y, w: bounds.width, h: bounds.height };
          },
          unobstructedRect: () => {
            const bounds = viewport.getVisibleBounds();
            const zoom = viewport.scale.x;
            const topPx = topOverlayPx(hostRef.current);
            const bottomPx = messagesPx(hostRef.current);
            // A canvas too short for both bands keeps the whole view rather than none of it.
            if (topPx + bottomPx >= viewport.screenHeight - NODE_CARD.height * zoom) return { x: bounds.x, y: bounds.y, w: bounds.width, h: bounds.height };
            return { x: bounds.x, y: bounds.y + topPx / zoom, w: bounds.width, h: bounds.height - (topPx + bottomPx) / zoom };
          },
          unobstructedRects: () => {
            const bounds = viewport.getVisibleBounds();
            const zoom = viewport.scale.x;
            return freeBoxes({ width: viewport.screenWidth, height: viewport.screenHeight }, overlayBoxes(hostRef.current, 0))
              .filter((box) => box.right - box.left >= NODE_CARD.width * zoom && box.bottom - box.top >= NODE_CARD.height * zoom)
              .map((box) => ({ x: bounds.x + box.left / zoom, y: bounds.y + box.top / zoom, w: (box.right - box.left) / zoom, h: (box.bottom - box.top) / zoom }));
          },
          regionTitleRect: (id) => scene.regionTitleRect(id),
          worldToClient: (point) => {
            const bounds = canvas.getBoundingClientRect();
            const screen = viewport.toScreen(point.x, point.y);
            return { x: screen.x + bounds.left, y: screen.y + bounds.top };
          },
        };
        editor.attachCamera(camera);
        // The addon the ticker has attached (an export readies it too).
        let attachedAddon: CanvasAddon | null = null;
        const registerSnapshotSource = (themeName: ThemeName) =>
          registerCanvasSnapshotSource({
            app,
            content: scene.root,
            background: cssColor(CANVAS_THEMES[themeName].background),
            bounds: () => {
              const drawn = documentBounds(editor.store.getDocument());
              return drawn && { x: drawn.x, y: drawn.y, width: drawn.w, height: drawn.h };
            },
            prepare: () => {
              const restoreScene = scene.withFullDetail();
              const restoreAddon = attachedAddon?.prepareExport?.();
              return () => {
                restoreAddon?.();
                restoreScene();
              };
            },
            cardText: (id) => scene.drawnCardText(id),
            farLabel: (id) => scene.drawnFarLabel(id),
            farLabelRect: (id) => scene.farLabelRect(id),
            regionTitle: (id) => scene.drawnRegionTitle(id),
          });
        registerSnapshotSource(themeRef.current);
        editor.showWholeDocument();
        followGrid();

        // Model → view: mark dirty on change, copy once per frame.
        const markDirty = () => {
          stage.dirty = true;
        };
        cleanups.push(editor.store.subscribe(markDirty), editor.subscribe(markDirty));
        cleanups.push(() => attachedAddon?.detach());
        app.ticker.add(() => {
          const wanted = themeRef.current;
          if (wanted !== stage.themeName) {
            stage.themeName = wanted;
            app.renderer.background.color = CANVAS_THEMES[wanted].background;
            grid.setTheme(CANVAS_THEMES[wanted]);
            registerSnapshotSource(wanted);
            stage.dirty = true;
          }
          if (stage.dirty) {
            stage.dirty = false;
            scene.sync(editor.store.getDocument(), editor.store.getSelection(), editor.getOverlay(), CANVAS_THEMES[stage.themeName]);
            renderWanted = true;
          }
          const inView = viewport.getVisibleBounds();
          if (scene.setZoom(viewport.scale.x, app.renderer.resolution, { x: inView.x, y: inView.y, w: inView.width, h: inView.height })) renderWanted = true;
          if (scene.setClassroom(editor.isClassroom())) renderWanted = true;
          if (addonRef.current !== attachedAddon) {
            attachedAddon?.detach();
            attachedAddon = addonRef.current;
            attachedAddon?.attach({ app, scene });
          }
          if (attachedAddon?.tick(app.ticker.deltaMS) === true) renderWanted = true;
          if (!renderWanted) return;
          renderWanted = false;
          app.render();
        });

        // Pointer input goes to the select tool in world coordinates.
        const toPointer = (event: PointerEvent | MouseEvent): ToolPointer => {
          const bounds = canvas.getBoundingClientRect();
          const screen = { x: event.clientX - bounds.left, y: event.clientY - bounds.top };
          const world = viewport.toWorld(screen.x, screen.y);
          return { world: { x: world.x, y: world.y }, screen, shift: event.shiftKey, accel: event.ctrlKey || event.metaKey };
        };
        // While a card or region is dragged, the overlays over the canvas (legend, toolbar) fade
        // and let the pointer through (styles.css), so a card dragged under one stays in sight.
        const markMoving = () => {
          const moving = editor.tool.isMoving();
          if (host.hasAttribute('data-moving') !== moving) host.toggleAttribute('data-moving', moving);
        };
        const onPointerDown = (event: PointerEvent) => {
          if (event.button !== 0) return;
          canvas.setPointerCapture(event.pointerId);
          editor.tool.pointerDown(toPointer(event));
        };
        const onPointerMove = (event: PointerEvent) => {
          const pointer = toPointer(event);
          editor.tool.pointerMove(pointer);
          markMoving();
          const cursor = editor.tool.cursorAt(pointer.world);
          if (canvas.style.cursor !== cursor) canvas.style.cursor = cursor;
        };
        const onPointerUp = (event: PointerEvent) => {
          if (event.button !== 0) return;
          if (canvas.hasPointerCapture(event.pointerId)) canvas.releasePointerCapture(event.pointerId);
          editor.tool.pointerUp(toPointer(event));
          markMoving();
        };
        const onPointerCancel = () => {
          editor.tool.cancel();
          markMoving();
        };
        const onDoubleClick = (event: MouseEvent) => editor.tool.doubleClick(toPointer(event));
        const onContextMenu = (event: Event) => event.preventDefault();
        canvas.addEventListener('pointerdown', onPointerDown);
        canvas.addEventListener('pointermove', onPointerMove);
        canvas.addEventListener('pointerup', onPointerUp);
        canvas.addEventListener('pointercancel', onPointerCancel);
        canvas.addEventListener('dblclick', onDoubleClick);
        canvas.addEventListener('contextmenu', onContextMenu);
        cleanups.push(() => {
          canvas.removeEventListener('pointerdown', onPointerDown);
          canvas.removeEventListener('pointermove', onPointerMove);
          canvas.removeEventListener('pointerup', onPointerUp);
          canvas.removeEventListener('pointercancel', onPointerCancel);
          canvas.removeEventListener('dblclick', onDoubleClick);
          canvas.removeEventListener('contextmenu', onContextMenu);
        });
        onRendererReady?.(app.renderer.name);
      })
      .catch((error: unknown) => onError?.(`The canvas could not start: ${error instanceof Error ? error.message : String(error)}`));
    return () => {
      disposed = true;
      for (const cleanup of cleanups) cleanup();
      const stage = stageRef.current;
      if (stage?.app === app) {
        stageRef.current = null;
        editor.attachCamera(undefined);
        registerCanvasSnapshotSource(null);
        stage.scene.destroy();
        app.destroy(true, { children: true });
      }
    };
    // The stage lives as long as the component; the document reaches it through the store.
  }, [editor]);

  // One Tab stop for the whole canvas (DESIGN §7: keyboard use reaches the diagram): the keys it
  // takes are in handleCanvasKey; what is selected is spoken through the announcer's live region.
  return (
    <div
      ref={hostRef}
      className="sandbox-canvas"
      data-testid="sandbox-canvas"
      tabIndex={0}
      role="application"
      aria-roledescription="network canvas"
      aria-label="Network diagram"
      aria-describedby={describedBy}
      onFocus={(event) => {
        if (event.target !== event.currentTarget) return;
        editor.setCanvasFocus(event.currentTarget.matches(':focus-visible'));
      }}
      onBlur={(event) => {
        if (event.target !== event.currentTarget) return;
        editor.setCanvasFocus(false);
        // A link being chosen from the keyboard does not outlive the focus that chose it.
        if (editor.tool.keyboardLink()) editor.tool.cancel();
      }}
      onPointerDown={() => {
        editor.setCanvasFocus(false);
        editor.canvasPressed();
      }}
    />
  );
}
