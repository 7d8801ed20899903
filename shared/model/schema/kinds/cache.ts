import { field, fieldList } from '../fields';
import { MAX_CAPACITY } from '../common';

export const CACHE_FIELDS = fieldList({
  capacity: field.integer({ label: 'Capacity', description: 'Number of keys held in memory.', unit: 'keys', min: 0, max: MAX_CAPACITY, default: 1000 }),
  eviction: field.enum({ label: 'Eviction', description: 'Which key makes room when the cache is full.', options: ['lru', 'lfu', 'fifo', 'random'], default: 'lru' }),
  ttlS: field.duration('s', { label: 'Time to live', description: 'TTL: how long an entry stays; 0 means until evicted.', default: 0, zeroMeans: 'no expiry' }),
  serviceMs: field.distribution({ label: 'Service time', description: 'Time for one get or set.', default: { dist: 'const', mean: 0.5 } }),
});
