import { describe, expect, it } from 'vitest';
import { produce } from 'immer';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadDocument } from '../../../shared/model';
import { NODE_DEGRADED, NODE_DOWN, NODE_UP } from '../../../shared/sim/session/protocol';
import { linkFaultItems, nodeFaultItems } from '../../../renderer/live/faultMenuItems';

const loaded = loadDocument(readFileSync(fileURLToPath(new URL('../../../shared/examples/classic-web-stack.faultline', import.meta.url)), 'utf8'));
if (!loaded.ok) throw new Error('example');
const doc = loaded.document;
const actions = (items: { fault: { action: string } }[]) => items.map((item) => item.fault.action);

describe('fault menu items offer only what would change something', () => {
  it('Recover speed only for a node that is slowed; Restart instead of Crash for one that is down', () => {
    expect(actions(nodeFaultItems(doc, 'app1', NODE_UP, 0))).toEqual(['crash', 'slow', 'partition']);
    expect(actions(nodeFaultItems(doc, 'app1', NODE_DEGRADED, 0))).toEqual(['crash', 'slow', 'recover', 'partition']);
    expect(actions(nodeFaultItems(doc, 'app1', NODE_DOWN, 0))).toEqual(['restart', 'slow', 'partition']);
    expect(actions(nodeFaultItems(doc, 'cache', NODE_UP, 0))).toEqual(['crash', 'slow', 'flush', 'partition']);
  });

  it('Heal all partitions only while a partition is in force', () => {
    const partitioned = produce(doc, (draft) => {
      draft.scenario.push({ atS: 30, action: 'partition', groups: [['eu-west'], ['us-east']] }, { atS: 40, action: 'heal' });
    });
    const heals = (timeMs: number) => [actions(nodeFaultItems(partitioned, 'app1', NODE_UP, timeMs)).includes('heal'), actions(linkFaultItems(partitioned, 'lb-app1', timeMs)).includes('heal')];
    expect(heals(29_000)).toEqual([false, false]);
    expect(heals(30_000)).toEqual([true, true]);
    expect(heals(39_999)).toEqual([true, true]);
    expect(heals(40_000)).toEqual([false, false]);
  });
});
