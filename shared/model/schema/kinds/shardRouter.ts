import { field, fieldList } from '../fields';

export const SHARD_ROUTER_FIELDS = fieldList({
  scheme: field.enum({ label: 'Scheme', description: 'Hash mod n, contiguous key ranges, or consistent hashing with virtual nodes.', options: ['hash', 'range', 'consistent-hash'], default: 'hash' }),
  vnodes: field.count({ label: 'Virtual nodes', description: 'Points per shard on the consistent-hash ring.', max: 10_000, default: 100 }),
  serviceMs: field.distribution({ label: 'Service time', description: 'Time to route one request.', default: { dist: 'const', mean: 0.2 } }),
});
