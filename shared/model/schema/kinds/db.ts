import { field, fieldList } from '../fields';
import { MAX_CAPACITY } from '../common';

export const DB_FIELDS = fieldList({
  role: field.enum({ label: 'Role', description: 'A primary takes writes and reads; a replica takes reads.', options: ['primary', 'replica'], default: 'primary' }),
  replication: field.enum({
    label: 'Replication',
    description: 'When a write is acknowledged: after the primary (async), after every reachable replica (sync), or after one (semi-sync).',
    options: ['async', 'sync', 'semi-sync'],
    default: 'async',
  }),
  readMs: field.distribution({ label: 'Read time', description: 'Time to serve one read.', default: { dist: 'exp', mean: 5 } }),
  writeMs: field.distribution({ label: 'Write time', description: 'Time to perform one write.', default: { dist: 'exp', mean: 10 } }),
  applyMs: field.duration('ms', { label: 'Apply time', description: 'Time for a replica to apply one replicated write.', default: 1 }),
  connections: field.count({ label: 'Connections', description: 'Queries in service at once.', max: MAX_CAPACITY, default: 100 }),
  queueLimit: field.integer({ label: 'Queue limit', description: 'Queries waiting for a connection; more are rejected.', unit: 'count', min: 0, max: MAX_CAPACITY, default: 1000 }),
  failover: field.object({
    label: 'Failover',
    description: 'Promotion of a replica when the primary is lost.',
    whenAbsent: 'defaults',
    fields: fieldList({
      auto: field.boolean({ label: 'Automatic', description: 'Promote the most up-to-date replica when the primary dies.', default: true }),
      detectMs: field.duration('ms', { label: 'Detection time', description: 'Time before the loss of the primary is noticed.', default: 5000 }),
    }),
  }),
});
