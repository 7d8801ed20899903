import { field, fieldList } from '../fields';
import { MAX_CAPACITY } from '../common';

export const CDN_FIELDS = fieldList({
  mode: field.enum({ label: 'Mode', description: 'Pull: fetch from origin on a miss and keep it for its time to live; push: every static key present from the start, never expiring.', options: ['pull', 'push'], default: 'pull' }),
  capacity: field.integer({ label: 'Capacity', description: 'Number of keys the edge can hold.', unit: 'keys', min: 0, max: MAX_CAPACITY, default: 10000 }),
  ttlS: field.duration('s', { label: 'Time to live', description: 'TTL: how long a pulled key stays fresh.', default: 300 }),
  hitMs: field.duration('ms', { label: 'Hit time', description: 'Time to serve a hit from the edge.', default: 2 }),
});
