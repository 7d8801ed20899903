import { NODE_DOWN, ROLE_ACTIVE, ROLE_PASSIVE, ROLE_PRIMARY, ROLE_REPLICA } from '../../shared/sim/session/protocol';

/**
 * The badge over a node for its role in a frame: a replicated database's PRIMARY or REPLICA (a
 * lone database is simply one, so it gets none), an lb `ha` half's ACTIVE or PASSIVE — the half
 * holding the pair's address is ACTIVE, so after a takeover the peer says so — or nothing. A
 * crashed node plays no role until it is back (a failover may have replaced a database, the peer
 * holds an HA pair's address): its DOWN badge says all, and a second badge beside it would only
 * crowd the card.
 */
export function roleBadge(role: number, status: number, replicated: boolean): string {
  if (status === NODE_DOWN) return '';
  switch (role) {
    case ROLE_PRIMARY:
      return replicated ? 'PRIMARY' : '';
    case ROLE_REPLICA:
      return 'REPLICA';
    case ROLE_ACTIVE:
      return 'ACTIVE';
    case ROLE_PASSIVE:
      return 'PASSIVE';
    default:
      return '';
  }
}
