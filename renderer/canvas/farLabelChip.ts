import { CanvasSource, Texture } from 'pixi.js';
import { CHIP_HEIGHT_EMS, LINE_HEIGHT_EMS } from './farLabels';

const FONT = 'Inter, system-ui, -apple-system, "Segoe UI", sans-serif';

/** How a far label's chip looks: its size in screen px, its type and its colours. */
export interface ChipLook {
  width: number;
  height: number;
  fontSize: number;
  fill: number;
  border: number;
  borderWidth: number;
  textColor: number;
  /** Device pixels per screen px. */
  resolution: number;
}

const fontOf = (fontSize: number) => `500 ${fontSize}px ${FONT}`;
const css = (color: number) => `#${color.toString(16).padStart(6, '0')}`;

let measuring: CanvasRenderingContext2D | null = null;

/** The width in screen px of a far label's text, measured as drawChip draws it. */
export function measureChipText(text: string, fontSize: number): number {
  measuring ??= document.createElement('canvas').getContext('2d');
  if (measuring === null) return text.length * fontSize * 0.6;
  measuring.font = fontOf(fontSize);
  return measuring.measureText(text).width;
}

/**
 * A far label drawn whole — rounded chip, edge and text — into one texture, so each label is a
 * single quad on the GPU. Drawn as Graphics and Text, a few hundred labels (a rounded chip is
 * a hundred-odd vertices) took a software-rendered drag from 30 frames a second to 8.
 */
export function drawChip(text: string, look: ChipLook): Texture {
  const { width, height, resolution } = look;
  const canvas = document.createElement('canvas');
  canvas.width = Math.ceil(width * resolution);
  canvas.height = Math.ceil(height * resolution);
  const context = canvas.getContext('2d');
  if (context !== null) {
    context.scale(resolution, resolution);
    const inset = look.borderWidth / 2;
    context.beginPath();
    const lines = text.split('\n');
    // A one-line chip is a pill; a two-line one keeps the pill's corners (half a one-line chip's height).
    const radius = Math.min(height, look.fontSize * CHIP_HEIGHT_EMS) / 2 - inset;
    context.roundRect(inset, inset, width - 2 * inset, height - 2 * inset, radius);
    context.fillStyle = css(look.fill);
    context.fill();
    context.lineWidth = look.borderWidth;
    context.strokeStyle = css(look.border);
    context.stroke();
    context.font = fontOf(look.fontSize);
    context.fillStyle = css(look.textColor);
    context.textAlign = 'center';
    context.textBaseline = 'middle';
    const lineHeight = look.fontSize * LINE_HEIGHT_EMS;
    lines.forEach((line, i) => context.fillText(line, width / 2, height / 2 + 0.5 + (i - (lines.length - 1) / 2) * lineHeight));
  }
  return new Texture({ source: new CanvasSource({ resource: canvas, resolution }) });
}
