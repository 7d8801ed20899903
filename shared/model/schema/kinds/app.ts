import { field, fieldList } from '../fields';
import { MAX_CAPACITY, MAX_WORKERS } from '../common';

export const APP_FIELDS = fieldList({
  workers: field.count({ label: 'Workers', description: 'Requests in service at once.', max: MAX_WORKERS, default: 8 }),
  queueLimit: field.integer({ label: 'Queue limit', description: 'Requests waiting for a worker; when full, new ones are rejected with 503.', unit: 'count', min: 0, max: MAX_CAPACITY, default: 100 }),
  serviceMs: field.distribution({ label: 'Service time', description: 'CPU time of one request, before calling downstream.', default: { dist: 'exp', mean: 5 } }),
  cachePolicy: field.enum({
    label: 'Cache policy',
    description: 'How reads and writes use a linked cache.',
    options: ['none', 'cache-aside', 'write-through', 'write-behind', 'write-around', 'refresh-ahead'],
    contextDefault: 'cache-aside when a cache is linked, else none',
  }),
  readFromReplicas: field.boolean({ label: 'Read from replicas', description: 'Send reads to the database replicas (round-robin; to the primary when none is up); writes always go to the primary. Also followed by a shard router in between.', default: true }),
  downstreamTimeoutMs: field.period('ms', { label: 'Downstream timeout', description: 'A call to a cache, database or other service not answered within this time fails.', default: 500 }),
  sessions: field.enum({ label: 'Sessions', description: 'Local: a user landing on another server than last time loses their session.', options: ['stateless', 'local'], default: 'stateless' }),
  publishRatio: field.ratio({ label: 'Publish ratio', description: 'Share of writes that publish a job to a linked queue.', contextDefault: '1 when a queue is linked, else 0' }),
});
