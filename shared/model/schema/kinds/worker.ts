import { field, fieldList } from '../fields';
import { MAX_WORKERS } from '../common';

export const WORKER_FIELDS = fieldList({
  workers: field.count({ label: 'Workers', description: 'Jobs processed at once.', max: MAX_WORKERS, default: 4 }),
  serviceMs: field.distribution({ label: 'Service time', description: 'Time to process one job.', default: { dist: 'exp', mean: 50 } }),
  failureRate: field.ratio({ label: 'Failure rate', description: 'Share of jobs that fail and are delivered again.', default: 0 }),
});
