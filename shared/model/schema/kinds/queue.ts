import { field, fieldList } from '../fields';
import { MAX_CAPACITY } from '../common';

export const QUEUE_FIELDS = fieldList({
  capacity: field.count({ label: 'Capacity', description: 'Messages held at most; publishing to a full queue is rejected.', unit: 'messages', max: MAX_CAPACITY, default: 10000 }),
  durable: field.boolean({ label: 'Durable', description: 'Unacknowledged messages survive a crash.', default: true }),
  visibilityTimeoutMs: field.period('ms', { label: 'Visibility timeout', description: 'A received message not acknowledged within this time is delivered again.', default: 30000 }),
  maxReceives: field.count({ label: 'Max receives', description: 'Deliveries before a message goes to the dead-letter count.', max: 1000, default: 5 }),
});
