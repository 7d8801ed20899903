import { describe, expect, it } from 'vitest';
import { haHalves, haRoleOf } from '../../../renderer/live/haRoles';
import { NODE_DOWN, NODE_UP } from '../../../shared/sim/session/protocol';
import { makeDocument, node } from '../editor/helpers';

describe('HA badges', () => {
  it('the configured active half reads ACTIVE (FAILED while down), its peer PASSIVE, everything else nothing', () => {
    const doc = makeDocument({ nodes: [node('c', 'client'), node('lb1', 'lb', 0, 0, { ha: { peer: 'lb2' } }), node('lb2', 'lb'), node('a', 'app')] });
    const ids = Object.keys(doc.nodes);
    const halves = haHalves(doc, ids);
    const up = [NODE_UP, NODE_UP, NODE_UP, NODE_UP];
    expect(ids.map((id) => haRoleOf(halves, id, up))).toEqual(['', 'ACTIVE', 'PASSIVE', '']);
    const activeDown = [NODE_UP, NODE_DOWN, NODE_UP, NODE_UP];
    expect(haRoleOf(halves, 'lb1', activeDown)).toBe('FAILED');
  });
});
