import { beforeAll, describe, expect, it } from 'vitest';
import { CANVAS_THEMES } from '../../../renderer/canvas/theme';

// Pixi reads the browser's navigator as it loads; building shapes and containers needs nothing else.
let NodeView: typeof import('../../../renderer/canvas/nodeView').NodeView;
let SharedShapes: typeof import('../../../renderer/canvas/sharedShapes').SharedShapes;
beforeAll(async () => {
  if (!('navigator' in globalThis)) Object.defineProperty(globalThis, 'navigator', { value: { userAgent: 'node' }, configurable: true });
  ({ NodeView } = await import('../../../renderer/canvas/nodeView'));
  ({ SharedShapes } = await import('../../../renderer/canvas/sharedShapes'));
});

/** Listeners a shared shape has: one per card drawing it. */
const hooked = (context: { listenerCount(event: string): number }) => context.listenerCount('update');

describe('a card far out', () => {
  it('shows its plain shapes and hides its detailed ones without unhooking any card from a shared shape', () => {
    // Unhooking scans the shape's listeners, one per card: swapping every card's shape as the zoom
    // crossed the far threshold cost the square of the card count (56 s for 48,000 cards).
    const shapes = new SharedShapes(CANVAS_THEMES.light);
    const cards = Array.from({ length: 50 }, () => new NodeView(shapes));
    expect(hooked(shapes.card)).toBe(50);
    expect(hooked(shapes.farCard)).toBe(50);
    for (const card of cards) card.setDetailed(false);
    expect(hooked(shapes.card)).toBe(50);
    expect(hooked(shapes.farCard)).toBe(50);
    const [body, farBody] = cards[0].container.children.filter((child) => 'context' in child && (child.context === shapes.card || child.context === shapes.farCard));
    expect([body.visible, farBody.visible]).toEqual([false, true]);
    for (const card of cards) card.setDetailed(true);
    expect([body.visible, farBody.visible]).toEqual([true, false]);
    expect(hooked(shapes.card)).toBe(50);
  });
});
