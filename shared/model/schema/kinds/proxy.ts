import { field, fieldList } from '../fields';
import { MAX_CAPACITY } from '../common';

export const PROXY_FIELDS = fieldList({
  serviceMs: field.distribution({ label: 'Service time', description: 'Time to handle one request.', default: { dist: 'const', mean: 0.2 } }),
  tlsMs: field.duration('ms', { label: 'TLS cost', description: 'Extra time per request for terminating TLS (Transport Layer Security: the encryption of HTTPS).', default: 0 }),
  cache: field.object({
    label: 'Response cache',
    description: 'Caches responses to reads.',
    whenAbsent: 'defaults',
    fields: fieldList({
      capacity: field.integer({ label: 'Capacity', description: 'Number of responses kept; 0 turns the cache off.', unit: 'keys', min: 0, max: MAX_CAPACITY, default: 0, zeroMeans: 'off' }),
      ttlS: field.duration('s', { label: 'Time to live', description: 'TTL: how long a cached response stays fresh.', default: 60 }),
    }),
  }),
  rateLimit: field.object({
    label: 'Rate limit',
    description: 'Token bucket; requests over the limit are rejected with 429.',
    whenAbsent: 'defaults',
    fields: fieldList({
      rps: field.number({ label: 'Rate', description: 'Tokens added per second; 0 turns rate limiting off.', unit: 'rps', min: 0, max: 1_000_000, default: 0, zeroMeans: 'off' }),
      burst: field.number({ label: 'Burst', description: 'Bucket size: requests allowed at once after a quiet spell.', unit: 'count', min: 0, max: MAX_CAPACITY, contextDefault: 'the same as Rate' }),
      per: field.enum({ label: 'Per', description: 'One bucket per user, or one for everybody.', options: ['user', 'global'], default: 'user' }),
    }),
  }),
  maxConnections: field.count({ label: 'Max connections', description: 'Requests in progress at once; more are rejected.', max: MAX_CAPACITY, default: 10000 }),
});
