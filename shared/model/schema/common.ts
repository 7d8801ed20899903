/** Field groups shared by several node kinds. */
import { DISTRIBUTION_KINDS } from '../types';
import { field, fieldList } from './fields';

/** The parts of a distribution object, for validating `{ "dist", "mean", "sigma" }`. */
export const DISTRIBUTION_FIELDS = fieldList({
  dist: field.enum({ label: 'Distribution', description: 'Shape of the distribution: exponential, constant, uniform on [0, 2·mean] or lognormal.', options: DISTRIBUTION_KINDS, required: true }),
  mean: field.duration('ms', { label: 'Mean', description: 'Mean of the distribution.', required: true }),
  sigma: field.number({ label: 'Sigma', description: 'Lognormal only: standard deviation of the underlying normal.', min: 0 }),
});

/**
 * Used when a lognormal distribution does not say its sigma: a moderate tail (median ≈ 0.88 ×
 * mean, p99 ≈ 2.8 × mean). The one source of this default; the engine imports it.
 */
export const DEFAULT_LOGNORMAL_SIGMA = 0.5;

/** `healthCheck` of lb and dns (DESIGN §3). */
export const healthCheckField = field.object({
  label: 'Health check',
  description: 'Probes sent to each target; targets failing them are taken out of rotation.',
  whenAbsent: 'defaults',
  fields: fieldList({
    enabled: field.boolean({ label: 'Enabled', description: 'Whether targets are probed at all.', default: true }),
    // At least 1 ms: a probe every microsecond would make a run of seconds take hours.
    intervalMs: field.number({ label: 'Interval', description: 'Time between probes to one target.', default: 1000, unit: 'ms', min: 1 }),
    timeoutMs: field.period('ms', { label: 'Timeout', description: 'A probe not answered within this time counts as failed.', default: 500 }),
    unhealthyAfter: field.count({ label: 'Unhealthy after', description: 'Consecutive failed probes before a target is marked down.', unit: 'probes', default: 3, max: 1000 }),
    healthyAfter: field.count({ label: 'Healthy after', description: 'Consecutive good probes before a down target is marked up again.', unit: 'probes', default: 2, max: 1000 }),
  }),
});

/** `mtbfS` / `mttrS`, which every kind accepts. No default: absent means no random failures. */
export const FAILURE_FIELDS = fieldList({
  // Spelled out: the abbreviations alone (MTBF, MTTR) told a student nothing; the tooltip keeps them for who knows them.
  mtbfS: field.period('s', { label: 'Mean time between failures', description: 'MTBF: the mean time between random crashes (exponential); leave empty for none.' }),
  mttrS: field.duration('s', { label: 'Mean time to repair', description: 'MTTR: the mean time to repair after a random crash (exponential); 0 restarts at once, empty leaves the node down.' }),
});

/** Upper bound for sizes that the simulation allocates memory for (keys, slots, connections). */
export const MAX_CAPACITY = 10_000_000;
/** Upper bound for servers working in parallel inside one node. */
export const MAX_WORKERS = 100_000;
