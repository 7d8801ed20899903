import { field, fieldList } from '../fields';
import { healthCheckField } from '../common';

export const DNS_FIELDS = fieldList({
  ttlS: field.duration('s', { label: 'Time to live', description: 'TTL: how long each user caches an answer.', default: 60 }),
  policy: field.enum({
    label: 'Policy',
    description: 'How the answer is picked among linked nodes: in turn, by link weight, lowest delay, same region, or first healthy in link order.',
    options: ['round-robin', 'weighted', 'latency', 'geo', 'failover'],
    default: 'round-robin',
  }),
  serviceMs: field.distribution({ label: 'Service time', description: 'Time to answer one query.', default: { dist: 'const', mean: 1 } }),
  healthCheck: healthCheckField,
});
