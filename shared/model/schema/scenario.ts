/** Scenario events (DESIGN §3, Contract): fields and what each action needs. */
import { SCENARIO_ACTIONS, type NodeKind, type ScenarioAction } from '../types';
import { field, fieldList } from './fields';

export const EVENT_FIELDS = fieldList({
  atS: field.duration('s', { label: 'At', description: 'Simulated time of the event.', required: true }),
  action: field.enum({ label: 'Action', description: 'What happens.', options: SCENARIO_ACTIONS, required: true }),
  target: field.ref({ label: 'Target', description: 'The node or link it happens to.', refersTo: 'node' }),
  groups: field.list({
    label: 'Groups',
    description: 'Partition only: groups of node or region ids that can no longer reach each other.',
    item: field.list({ label: 'Group', description: 'Node or region ids on one side.', item: field.ref({ label: 'Member', description: 'A node or region id.', refersTo: 'node' }) }),
  }),
  factor: field.number({ label: 'Factor', description: 'Slow only: service times are multiplied by this.', unit: 'factor', min: 0, minExclusive: true, max: 1_000_000 }),
  params: field.object({ label: 'Parameters', description: 'Set: a config patch for the target. Degrade: latencyMs, jitterMs, lossRate.', whenAbsent: 'off', fields: [] }),
  note: field.string({ label: 'Note', description: 'Narration shown when the event happens.' }),
  pause: field.boolean({ label: 'Pause here', description: 'Ask the player to pause at this event.', default: false }),
});

export interface ActionInfo {
  action: ScenarioAction;
  label: string;
  /** What `target` must name. */
  target: 'node' | 'link' | 'none';
  /** For node targets: the kinds that make sense (all when absent). */
  targetKinds?: readonly NodeKind[];
  needsGroups?: true;
  needsFactor?: true;
  /** `config`: a patch of the target's config; `degrade`: link delay/loss parameters. */
  params?: 'config' | 'degrade';
}

export const ACTION_INFO: Readonly<Record<ScenarioAction, ActionInfo>> = {
  crash: { action: 'crash', label: 'Crash', target: 'node' },
  restart: { action: 'restart', label: 'Restart', target: 'node' },
  slow: { action: 'slow', label: 'Slow down', target: 'node', needsFactor: true },
  recover: { action: 'recover', label: 'Recover speed', target: 'node' },
  cut: { action: 'cut', label: 'Cut link', target: 'link' },
  // Undoes `cut` and `degrade` alike: the link as designed.
  restore: { action: 'restore', label: 'Restore link', target: 'link' },
  degrade: { action: 'degrade', label: 'Degrade link', target: 'link', params: 'degrade' },
  partition: { action: 'partition', label: 'Partition', target: 'none', needsGroups: true },
  heal: { action: 'heal', label: 'Heal partitions', target: 'none' },
  set: { action: 'set', label: 'Change config', target: 'node', params: 'config' },
  flush: { action: 'flush', label: 'Flush cache', target: 'node', targetKinds: ['cache', 'cdn'] },
  note: { action: 'note', label: 'Narration', target: 'none' },
};
