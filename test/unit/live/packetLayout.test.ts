import { describe, expect, it } from 'vitest';
import { OP_DB_READ, OP_READ, STATUS_ERROR, STATUS_OK } from '../../../shared/sim/engine/codes';
import { PACKET_FLOATS } from '../../../shared/sim/session/protocol';
import { PacketLayout } from '../../../renderer/live/packetLayout';
import { FAILURE_COLOR, PACKET_KIND_COLORS } from '../../../renderer/live/packetStyle';

/** Two links: 0 from (0,0) to (100,0), 1 from (0,0) to (0,200). */
const GEOMETRY = new Float32Array([0, 0, 100, 0, 0, 0, 0, 200]);

function packets(rows: [number, number, number, number][]): Float32Array {
  const out = new Float32Array(rows.length * PACKET_FLOATS);
  rows.forEach((row, i) => out.set(row, i * PACKET_FLOATS));
  return out;
}

describe('PacketLayout', () => {
  it('places packets along their link, coloured by kind, failures red and larger', () => {
    const layout = new PacketLayout(100);
    const frame = packets([
      [0, 0.25, OP_READ, 0],
      [1, 0.5, OP_DB_READ, STATUS_OK + 1],
      [1, 1, OP_READ, STATUS_ERROR + 1],
    ]);
    layout.layout(frame, 3, GEOMETRY, new Float32Array([1, 1]));
    expect(layout.count).toBe(3);
    expect([layout.x[0], layout.y[0]]).toEqual([25, 0]);
    expect([layout.x[1], layout.y[1]]).toEqual([0, 100]);
    expect(layout.color[0]).toBe(PACKET_KIND_COLORS.http);
    expect(layout.color[1]).toBe(PACKET_KIND_COLORS['db-read']);
    expect(layout.color[2]).toBe(FAILURE_COLOR);
    expect(layout.scale[2]).toBeGreaterThan(layout.scale[0]);
    expect(Array.from(layout.failuresOnLink)).toEqual([0, 1]);
  });

  it('draws nothing on flow-only links but still counts their failures; ignores unknown links', () => {
    const layout = new PacketLayout(100);
    layout.layout(packets([[0, 0.5, OP_READ, STATUS_ERROR + 1], [1, 0.5, OP_READ, 0], [7, 0.5, OP_READ, STATUS_ERROR + 1]]), 3, GEOMETRY, new Float32Array([0, 0.4]));
    expect(layout.count).toBe(1);
    expect(layout.alpha[0]).toBeCloseTo(0.4, 6);
    expect(Array.from(layout.failuresOnLink)).toEqual([1, 0]);
  });

  it('above the cap, draws every stride-th packet, larger, and never more than the cap', () => {
    const layout = new PacketLayout(1000);
    const n = 4500;
    const rows: [number, number, number, number][] = Array.from({ length: n }, (_, i) => [0, i / n, OP_READ, 0]);
    layout.layout(packets(rows), n, GEOMETRY, new Float32Array([1, 1]));
    expect(layout.stride).toBe(5);
    expect(layout.count).toBe(900);
    expect(layout.scale[0]).toBeCloseTo(Math.sqrt(5), 6);
  });

  it('reuses its buffers from frame to frame (no allocation once grown)', () => {
    const layout = new PacketLayout(1000);
    const frame = packets(Array.from({ length: 500 }, (_, i): [number, number, number, number] => [0, i / 500, OP_READ, 0]));
    layout.layout(frame, 500, GEOMETRY, new Float32Array([1, 1]));
    const buffers = [layout.x, layout.y, layout.color, layout.scale, layout.alpha, layout.failuresOnLink];
    for (let i = 0; i < 10; i++) layout.layout(frame, 500 - i * 10, GEOMETRY, new Float32Array([1, 1]));
    expect([layout.x, layout.y, layout.color, layout.scale, layout.alpha, layout.failuresOnLink]).toEqual(buffers);
    expect(layout.x).toBe(buffers[0]);
  });
});
