import { field, fieldList } from '../fields';
import { healthCheckField, MAX_CAPACITY } from '../common';

export const LB_FIELDS = fieldList({
  algorithm: field.enum({
    label: 'Algorithm',
    description: 'How a backend is chosen for each request.',
    options: ['round-robin', 'weighted', 'least-connections', 'random', 'ip-hash', 'consistent-hash'],
    default: 'round-robin',
  }),
  layer: field.enum({ label: 'Layer', description: 'Layer 4 forwards connections cheaply; layer 7 reads requests and can pin users.', options: [4, 7], default: 7 }),
  sticky: field.boolean({ label: 'Sticky sessions', description: 'Layer 7 only: pin each user to one backend while it is healthy.', default: false }),
  serviceMs: field.distribution({
    label: 'Service time',
    description: 'Time to handle one request.',
    contextDefault: '0.05 ms at layer 4, 0.5 ms at layer 7',
  }),
  maxConnections: field.count({ label: 'Max connections', description: 'Requests in progress at once; more are rejected.', max: MAX_CAPACITY, default: 10000 }),
  healthCheck: healthCheckField,
  ha: field.object({
    label: 'High availability',
    description: 'Active-passive pair: the peer takes over after missed heartbeats. Leave out for a single load balancer.',
    whenAbsent: 'off',
    fields: fieldList({
      peer: field.ref({ label: 'Peer', description: 'The passive load balancer that takes over.', refersTo: 'node', nodeKinds: ['lb'], required: true }),
      // At least 1 ms, like health-check intervals: a heartbeat every microsecond would stall the run.
      heartbeatMs: field.number({ label: 'Heartbeat', description: 'Time between heartbeats to the peer.', default: 500, unit: 'ms', min: 1 }),
      deadAfter: field.count({ label: 'Dead after', description: 'Missed heartbeats before the peer takes over.', unit: 'heartbeats', max: 1000, default: 3 }),
    }),
  }),
});
