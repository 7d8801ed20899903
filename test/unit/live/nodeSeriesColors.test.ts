import { describe, expect, it } from 'vitest';
import { NODE_SERIES_COLORS } from '../../../renderer/live/chartSeries';

/** sRGB hex to CIELAB (D65). */
function lab(hex: string): [number, number, number] {
  const linear = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  const [r, g, b] = linear;
  const x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
  const y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  const z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
  const f = (t: number) => (t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16 / 116);
  return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
}

const deltaE = (a: string, b: string) => Math.hypot(...lab(a).map((v, i) => v - lab(b)[i]));

describe('per-node chart colours', () => {
  it('are clearly different from one another, every pair (lesson 9 had #a78bfa and #c084fc, ΔE 11)', () => {
    const close: string[] = [];
    for (let i = 0; i < NODE_SERIES_COLORS.length; i++) {
      for (let j = i + 1; j < NODE_SERIES_COLORS.length; j++) {
        const d = deltaE(NODE_SERIES_COLORS[i], NODE_SERIES_COLORS[j]);
        if (d < 25) close.push(`${NODE_SERIES_COLORS[i]} ~ ${NODE_SERIES_COLORS[j]} (ΔE ${d.toFixed(1)})`);
      }
    }
    expect(close).toEqual([]);
  });
});
