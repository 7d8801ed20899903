import { describe, expect, it } from 'vitest';
import { roleBadge } from '../../../renderer/live/roleBadge';
import { NODE_DEGRADED, NODE_DOWN, NODE_UP, ROLE_ACTIVE, ROLE_NONE, ROLE_PASSIVE, ROLE_PRIMARY, ROLE_REPLICA } from '../../../shared/sim/session/protocol';

describe('roleBadge', () => {
  it('names a replicated database’s role, and none for a lone or crashed database', () => {
    expect(roleBadge(ROLE_PRIMARY, NODE_UP, true)).toBe('PRIMARY');
    expect(roleBadge(ROLE_PRIMARY, NODE_DEGRADED, true)).toBe('PRIMARY');
    expect(roleBadge(ROLE_PRIMARY, NODE_UP, false)).toBe('');
    expect(roleBadge(ROLE_REPLICA, NODE_UP, true)).toBe('REPLICA');
    expect(roleBadge(ROLE_PRIMARY, NODE_DOWN, true)).toBe('');
    expect(roleBadge(ROLE_REPLICA, NODE_DOWN, true)).toBe('');
  });

  it('names an HA half by who holds the address now, and a crashed half nothing (its DOWN says it)', () => {
    expect(roleBadge(ROLE_ACTIVE, NODE_UP, false)).toBe('ACTIVE');
    expect(roleBadge(ROLE_PASSIVE, NODE_UP, false)).toBe('PASSIVE');
    expect(roleBadge(ROLE_PASSIVE, NODE_DEGRADED, false)).toBe('PASSIVE');
    expect(roleBadge(ROLE_ACTIVE, NODE_DOWN, false)).toBe('');
    expect(roleBadge(ROLE_PASSIVE, NODE_DOWN, false)).toBe('');
  });

  it('gives other nodes no badge', () => {
    expect(roleBadge(ROLE_NONE, NODE_UP, false)).toBe('');
    expect(roleBadge(ROLE_NONE, NODE_DOWN, true)).toBe('');
  });
});
