import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadDocument } from '../../../shared/model/load';
import { CHART_BACKGROUNDS, distinguishingNames, nodeColorSlots, NODE_SERIES_PALETTES, nodeSeriesColor, perNodeSeriesSpecs, type ChartTheme } from '../../../renderer/live/chartSeries';
import { nodeNamer } from '../../../renderer/live/nodeNames';
import { consistencyColor } from '../../../renderer/live/consistencyChart';
import { CONSISTENCY_COUNTS } from '../../../shared/sim/session/protocol';

const THEMES: ChartTheme[] = ['dark', 'light'];

function linear(hex: string): [number, number, number] {
  return [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
}

/**
 * How a colour looks with deuteranopia or protanopia (Machado, Oliveira & Fernandes 2009,
 * severity 1), in linear sRGB.
 */
const CVD = {
  deuteranopia: [
    [0.367322, 0.860646, -0.227968],
    [0.280085, 0.672501, 0.047413],
    [-0.01182, 0.04294, 0.968881],
  ],
  protanopia: [
    [0.152286, 1.052583, -0.204868],
    [0.114503, 0.786281, 0.099216],
    [-0.003882, -0.048116, 1.051998],
  ],
} as const;
type Vision = keyof typeof CVD | 'normal';

/** sRGB hex to CIELAB (D65), as seen with `vision`. */
function lab(hex: string, vision: Vision = 'normal'): [number, number, number] {
  let rgb = linear(hex);
  if (vision !== 'normal') rgb = CVD[vision].map((row) => Math.min(1, Math.max(0, row[0] * rgb[0] + row[1] * rgb[1] + row[2] * rgb[2]))) as [number, number, number];
  const [r, g, b] = rgb;
  const x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
  const y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  const z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
  const f = (t: number) => (t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16 / 116);
  return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
}

const deltaE = (a: string, b: string, vision: Vision = 'normal') => Math.hypot(...lab(a, vision).map((v, i) => v - lab(b, vision)[i]));

function luminance(hex: string): number {
  const [r, g, b] = linear(hex);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
const contrast = (a: string, b: string) => (Math.max(luminance(a), luminance(b)) + 0.05) / (Math.min(luminance(a), luminance(b)) + 0.05);

/** The failed line and the error outcome in the requests and failures charts (LiveCharts.tsx). */
const FAILURE_RED = '#ef4444';

function lesson(file: string) {
  const loaded = loadDocument(readFileSync(new URL(`../../../shared/examples/lessons/${file}`, import.meta.url), 'utf8'));
  if (!loaded.ok) throw new Error(`${file} does not load`);
  return loaded.document;
}

describe('per-node chart colours', () => {
  it('are clearly different from one another, every pair (lesson 9 had #a78bfa and #c084fc, ΔE 11)', () => {
    const close: string[] = [];
    for (const theme of THEMES) {
      const colors = NODE_SERIES_PALETTES[theme];
      for (let i = 0; i < colors.length; i++) {
        for (let j = i + 1; j < colors.length; j++) {
          const d = deltaE(colors[i], colors[j]);
          if (d < 25) close.push(`${theme}: ${colors[i]} ~ ${colors[j]} (ΔE ${d.toFixed(1)})`);
        }
      }
    }
    expect(close).toEqual([]);
  });

  // The old palette failed all three: #f472b6 and #f87171 (pink, then red: lesson 2's two apps)
  // were 21 from the failures' red; next to each other #fbbf24 and #f472b6 were ΔE 12 apart for
  // a deuteranope; every colour had under 3:1 against the light theme's white.
  it('differ most between consecutive slots, also with deuteranopia and protanopia', () => {
    const close: string[] = [];
    for (const theme of THEMES) {
      const colors = [...NODE_SERIES_PALETTES[theme], nodeSeriesColor(NODE_SERIES_PALETTES[theme].length, theme)];
      for (let i = 0; i + 1 < colors.length; i++) {
        for (const [vision, least] of [['normal', 40], ['deuteranopia', 25], ['protanopia', 25]] as const) {
          const d = deltaE(colors[i], colors[i + 1], vision);
          if (d < least) close.push(`${theme} ${vision}: ${colors[i]} ~ ${colors[i + 1]} (ΔE ${d.toFixed(1)})`);
        }
      }
    }
    expect(close).toEqual([]);
  });

  it('are not the red of failures, and read on their theme\'s background (3:1)', () => {
    const problems: string[] = [];
    for (const theme of THEMES) {
      for (let slot = 0; slot < NODE_SERIES_PALETTES[theme].length + 6; slot++) {
        const color = nodeSeriesColor(slot, theme);
        if (deltaE(color, FAILURE_RED) < 40) problems.push(`${theme} ${color}: ΔE ${deltaE(color, FAILURE_RED).toFixed(1)} from the failures' red`);
        if (contrast(color, CHART_BACKGROUNDS[theme]) < 3) problems.push(`${theme} ${color}: ${contrast(color, CHART_BACKGROUNDS[theme]).toFixed(2)}:1 on ${CHART_BACKGROUNDS[theme]}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('lesson 2: the primary and the backup app are far apart in colour, in both themes', () => {
    const doc = lesson('02-dns-ttl-and-failover.faultline');
    const ids = Object.keys(doc.nodes);
    const slots = nodeColorSlots(ids.map((id) => doc.nodes[id].kind), 'utilization');
    const name = nodeNamer(doc.nodes);
    for (const theme of THEMES) {
      // The utilization chart's lines: the two load balancers and the two apps (not users or DNS).
      const specs = perNodeSeriesSpecs([2, 3, 4, 5], (i) => name(ids[i]), { slot: (i) => slots[i], theme });
      const colour = (label: string) => specs.find((s) => s.label === label)!.color;
      expect(deltaE(colour('App (primary)'), colour('App (backup)')), theme).toBeGreaterThanOrEqual(40);
      // The four lines take the palette's first four colours.
      expect(specs.map((s) => s.color)).toEqual(NODE_SERIES_PALETTES[theme].slice(0, 4));
    }
  });

  it('a node\'s colour slot depends on the document and the chart only (not on data, order or time)', () => {
    const doc = lesson('04-cache-write-policies.faultline');
    const kinds = Object.values(doc.nodes).map((node) => node.kind);
    // The three caches are the only nodes with a hit ratio: the first three colours.
    expect(nodeColorSlots(kinds, 'hitRatio').filter((_, i) => kinds[i] === 'cache')).toEqual([0, 1, 2]);
    // Utilization: apps, caches and databases in document order; users (no servers) come after.
    const slots = nodeColorSlots(kinds, 'utilization');
    expect(slots.filter((_, i) => kinds[i] !== 'client')).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect(new Set(slots).size).toBe(slots.length);
    expect(nodeColorSlots(kinds, 'queue')).toEqual(slots);
  });
});

describe('consistency chart colours', () => {
  it('stale reads, lost writes and sessions lost are far apart, also with deuteranopia and protanopia, not the failures\' red, and read on their background', () => {
    const problems: string[] = [];
    for (const theme of THEMES) {
      const colors = CONSISTENCY_COUNTS.map((name) => consistencyColor(name, theme));
      for (let i = 0; i < colors.length; i++) {
        if (deltaE(colors[i], FAILURE_RED) < 40) problems.push(`${theme} ${colors[i]}: ΔE ${deltaE(colors[i], FAILURE_RED).toFixed(1)} from the failures' red`);
        if (contrast(colors[i], CHART_BACKGROUNDS[theme]) < 3) problems.push(`${theme} ${colors[i]}: ${contrast(colors[i], CHART_BACKGROUNDS[theme]).toFixed(2)}:1`);
        for (let j = i + 1; j < colors.length; j++) {
          for (const vision of ['normal', 'deuteranopia', 'protanopia'] as const) {
            const d = deltaE(colors[i], colors[j], vision);
            if (d < 40) problems.push(`${theme} ${vision}: ${colors[i]} ~ ${colors[j]} (ΔE ${d.toFixed(1)})`);
          }
        }
      }
    }
    expect(problems).toEqual([]);
  });
});

describe('per-node chart keys', () => {
  it('keep the part that tells the nodes apart (lesson 4 showed "Cache (write-th…" and "+2 more")', () => {
    expect(distinguishingNames(['Cache (cache-aside)', 'Cache (write-through)', 'Cache (write-behind)'])).toEqual(['cache-aside', 'write-through', 'write-behind']);
    expect(distinguishingNames(['Shard 1 (hash)', 'Shard 2 (hash)', 'Shard 3 (hash)'])).toEqual(['Shard 1', 'Shard 2', 'Shard 3']);
    // Nothing all of them share: whole names.
    expect(distinguishingNames(['LB (primary)', 'App (primary)', 'LB (backup)', 'App (backup)'])).toEqual(['LB (primary)', 'App (primary)', 'LB (backup)', 'App (backup)']);
    expect(distinguishingNames(['Load balancer', 'app1', 'app2'])).toEqual(['Load balancer', 'app1', 'app2']);
    expect(distinguishingNames(['Cache (LRU)'])).toEqual(['Cache (LRU)']);
    // Shorter names that would read the same are not used.
    expect(distinguishingNames(['Cache (a)', 'Cache (a) '])).toEqual(['Cache (a)', 'Cache (a) ']);
  });

  it('the spec keeps the full name as the series\' label and the short one for its key', () => {
    const specs = perNodeSeriesSpecs([0, 1], (i) => ['Cache (LRU)', 'Cache (LFU)'][i], { short: (i) => ['LRU', 'LFU'][i] });
    expect(specs.map((s) => [s.label, s.short])).toEqual([
      ['Cache (LRU)', 'LRU'],
      ['Cache (LFU)', 'LFU'],
    ]);
  });
});
