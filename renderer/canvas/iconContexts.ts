import { GraphicsContext } from 'pixi.js';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import type { NodeKind } from '../../shared/model/types';
import { cssColor, KIND_STYLES } from './kindStyle';
import { expandArcFlags } from './svgPathData';
import type { ThemeName } from './theme';

export const ICON_SIZE = 24;
const cache = new Map<string, GraphicsContext>();

/**
 * One shared GraphicsContext per kind and theme: the lucide icon the palette shows, parsed once
 * from its SVG by Pixi and reused by every card of that kind (no per-node geometry).
 */
export function kindIconContext(kind: NodeKind, theme: ThemeName): GraphicsContext {
  const key = `${theme}:${kind}`;
  let context = cache.get(key);
  if (!context) {
    const style = KIND_STYLES[kind];
    const svg = renderToStaticMarkup(createElement(style.icon, { size: ICON_SIZE, color: cssColor(style.color[theme]), strokeWidth: 2.2 }))
      // Pixi reads neither "currentColor" nor compact arc flags.
      .replaceAll('currentColor', cssColor(style.color[theme]))
      .replace(/ d="([^"]*)"/g, (_, data: string) => ` d="${expandArcFlags(data)}"`);
    context = new GraphicsContext();
    try {
      context.svg(svg);
    } catch {
      // An icon Pixi cannot parse must not take the canvas down: a plain dot marks the kind instead.
      context = new GraphicsContext().circle(ICON_SIZE / 2, ICON_SIZE / 2, 5).fill({ color: style.color[theme] });
    }
    cache.set(key, context);
  }
  return context;
}
