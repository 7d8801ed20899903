import 'pixi.js/unsafe-eval';
import { Application } from 'pixi.js';
import { Viewport } from 'pixi-viewport';
import { useEffect, useRef } from 'react';
import type { FaultlineDocument } from '../../shared/model/types';
import { buildScene, documentBounds } from './sceneBuilder';
import { DARK_THEME } from './theme';

interface SandboxCanvasProps {
  document: FaultlineDocument;
  /** Called once Pixi has picked its renderer ('webgl', 'webgpu' or 'canvas'). */
  onRendererReady?: (rendererName: string) => void;
  onError?: (message: string) => void;
}

/** The Pixi stage: pan/zoom viewport over the document's diagram. */
export function SandboxCanvas({ document, onRendererReady, onError }: SandboxCanvasProps) {
  const hostRef = useRef<HTMLDivElement>(null);
  const appRef = useRef<{ app: Application; viewport: Viewport } | null>(null);

  useEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    let disposed = false;
    const app = new Application();
    // Pixi's init is async; React may unmount (StrictMode does, once) before it resolves.
    app
      .init({ preference: 'webgl', resizeTo: host, antialias: true, autoDensity: true, resolution: window.devicePixelRatio || 1, background: DARK_THEME.background })
      .then(() => {
        if (disposed) {
          app.destroy(true, { children: true });
          return;
        }
        app.canvas.dataset.renderer = app.renderer.name;
        host.appendChild(app.canvas);
        const viewport = new Viewport({ screenWidth: host.clientWidth, screenHeight: host.clientHeight, events: app.renderer.events });
        viewport.drag().pinch().wheel({ smooth: 4 }).decelerate({ friction: 0.9 }).clampZoom({ minScale: 0.2, maxScale: 4 });
        app.stage.addChild(viewport);
        app.renderer.on('resize', (width: number, height: number) => viewport.resize(width, height));
        appRef.current = { app, viewport };
        onRendererReady?.(app.renderer.name);
      })
      .catch((error: unknown) => onError?.(`The canvas could not start: ${error instanceof Error ? error.message : String(error)}`));
    return () => {
      disposed = true;
      if (appRef.current?.app === app) {
        appRef.current = null;
        app.destroy(true, { children: true });
      }
    };
    // The stage lives as long as the component; documents are swapped in by the effect below.
  }, []);

  useEffect(() => {
    let frame = 0;
    const attach = () => {
      const stage = appRef.current;
      if (!stage) {
        frame = requestAnimationFrame(attach);
        return;
      }
      stage.viewport.removeChildren().forEach((child) => child.destroy({ children: true }));
      stage.viewport.addChild(buildScene(document, DARK_THEME));
      const bounds = documentBounds(document);
      const margin = 60;
      stage.viewport.fit(true, bounds.width + margin * 2, bounds.height + margin * 2);
      stage.viewport.moveCenter(bounds.x + bounds.width / 2, bounds.y + bounds.height / 2);
    };
    attach();
    return () => cancelAnimationFrame(frame);
  }, [document]);

  return <div ref={hostRef} className="sandbox-canvas" data-testid="sandbox-canvas" />;
}
