import { Texture, TilingSprite } from 'pixi.js';
import type { Viewport } from 'pixi-viewport';
import { GRID } from '../editor/geometry';
import type { CanvasTheme } from './theme';

/** Cells per texture tile side: one dot per grid cell, drawn at 2× for sharp dots. */
const TILE_PIXELS = GRID * 2;

function dotTexture(theme: CanvasTheme): Texture {
  const canvas = document.createElement('canvas');
  canvas.width = TILE_PIXELS;
  canvas.height = TILE_PIXELS;
  const context = canvas.getContext('2d')!;
  context.fillStyle = `#${theme.gridDot.toString(16).padStart(6, '0')}`;
  context.beginPath();
  context.arc(1.5, 1.5, 1.5, 0, Math.PI * 2);
  context.fill();
  return Texture.from(canvas);
}

/**
 * The snap grid as dots, one screen-sized TilingSprite that follows the camera: drawing it costs
 * the same at any zoom, unlike thousands of Graphics dots.
 */
export class GridBackground {
  readonly sprite: TilingSprite;

  constructor(theme: CanvasTheme) {
    this.sprite = new TilingSprite({ texture: dotTexture(theme), width: 1, height: 1 });
  }

  setTheme(theme: CanvasTheme): void {
    const old = this.sprite.texture;
    this.sprite.texture = dotTexture(theme);
    old.destroy(true);
  }

  follow(viewport: Viewport, width: number, height: number): void {
    this.sprite.width = width;
    this.sprite.height = height;
    const scale = viewport.scale.x / 2;
    this.sprite.tileScale.set(scale);
    this.sprite.tilePosition.set(viewport.x, viewport.y);
    // Dots fade out when zoomed far out, where they would turn into noise.
    this.sprite.alpha = viewport.scale.x < 0.45 ? 0 : 1;
  }
}
