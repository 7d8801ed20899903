import { describe, expect, it } from 'vitest';
import { NODE_CARD, NODE_STATUS_DOT, NODE_TEXT } from '../../../renderer/editor/geometry';
import { cardTextResolution } from '../../../renderer/canvas/textResolution';
import { CANVAS_THEMES } from '../../../renderer/canvas/theme';

/** WCAG 2 relative luminance of a 0xRRGGBB colour. */
function luminance(color: number): number {
  const channel = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel((color >> 16) & 0xff) + 0.7152 * channel((color >> 8) & 0xff) + 0.0722 * channel(color & 0xff);
}

function contrast(a: number, b: number): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

describe('node card legibility', () => {
  it('the name and the kind end before the status dot (they are cut with an ellipsis, never drawn under it)', () => {
    const dotLeft = NODE_CARD.width - NODE_STATUS_DOT.inset - NODE_STATUS_DOT.radius;
    expect(NODE_TEXT.right).toBeLessThanOrEqual(dotLeft - 4);
    expect(NODE_TEXT.right - NODE_TEXT.left).toBeGreaterThanOrEqual(80);
  });

  it('text and kind subtitles meet WCAG AA (4.5:1) against the card in both themes', () => {
    for (const theme of Object.values(CANVAS_THEMES)) {
      expect(contrast(theme.text, theme.cardFill), theme.name).toBeGreaterThanOrEqual(4.5);
      expect(contrast(theme.mutedText, theme.cardFill), theme.name).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('card text is rasterised near 1:1 with the screen, not shrunk from a texture four times too big', () => {
    expect(cardTextResolution(0.47)).toBe(0.5);
    expect(cardTextResolution(1)).toBe(1);
    expect(cardTextResolution(1.5)).toBe(2);
    expect(cardTextResolution(0.47, 2)).toBe(1);
    expect(cardTextResolution(4, 2)).toBe(2);
  });
});
