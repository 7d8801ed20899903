import { field, fieldList } from '../fields';
import { MAX_CAPACITY } from '../common';

export const CLIENT_FIELDS = fieldList({
  rps: field.number({ label: 'Requests per second', description: 'Mean rate at which this user population sends requests.', unit: 'rps', min: 0, max: 1_000_000, default: 100 }),
  arrival: field.enum({ label: 'Arrivals', description: 'Poisson: random gaps (exponential); constant: evenly spaced requests.', options: ['poisson', 'constant'], default: 'poisson' }),
  users: field.count({ label: 'Users', description: 'Number of distinct users; each caches DNS answers and has its own session.', max: MAX_CAPACITY, default: 1000 }),
  writeRatio: field.ratio({ label: 'Write ratio', description: 'Share of requests that are writes.', default: 0.1 }),
  staticRatio: field.ratio({ label: 'Static ratio', description: 'Share of reads that are static content, sent to a linked CDN if there is one.', default: 0 }),
  keys: field.object({
    label: 'Keys',
    description: 'The key space requests pick their keys from.',
    whenAbsent: 'defaults',
    fields: fieldList({
      count: field.count({ label: 'Key count', description: 'Number of distinct keys.', unit: 'keys', max: MAX_CAPACITY, default: 1000 }),
      distribution: field.enum({ label: 'Key popularity', description: 'Uniform: every key equally likely; zipf: a few hot keys get most requests.', options: ['uniform', 'zipf'], default: 'uniform' }),
      zipfS: field.number({ label: 'Zipf exponent', description: 'Skew of the zipf popularity; larger means hotter hot keys.', min: 0, max: 10, default: 1 }),
    }),
  }),
  timeoutMs: field.period('ms', { label: 'Timeout', description: 'A user gives up on an attempt not answered within this time.', default: 1000 }),
  retries: field.integer({ label: 'Retries', description: 'Extra attempts after a failed or timed-out one.', unit: 'count', min: 0, max: 100, default: 0 }),
  retryBackoffMs: field.duration('ms', { label: 'Retry backoff', description: 'Base wait before a retry; doubles each time, with full jitter.', default: 100 }),
});
