import { readFileSync } from 'node:fs';
import { produce } from 'immer';
import { describe, expect, it } from 'vitest';
import { loadDocument } from '../../../shared/model/load';
import { saveDocument } from '../../../shared/model/save';
import type { FaultlineDocument } from '../../../shared/model/types';
import { isRatioMetric, ratioValueProblem, thresholdProblem } from '../../../shared/model/schema/checks';
import { CHECK_METRICS } from '../../../shared/model/types';
import { addCheck, deleteCheck, nodesFor, parseWindow, setCheckFields, setCheckMetric, usableMetrics } from '../../../renderer/live/checkEdits';

function classicStack(): FaultlineDocument {
  const loaded = loadDocument(readFileSync(new URL('../../../shared/examples/classic-web-stack.faultline', import.meta.url), 'utf8'));
  if (!loaded.ok) throw new Error('the default sandbox does not load');
  return loaded.document;
}

/** Every edit must leave a document that saves and loads again. */
function expectValid(doc: FaultlineDocument): void {
  const reloaded = loadDocument(saveDocument(doc));
  expect(reloaded.ok ? [] : reloaded.errors).toEqual([]);
}

describe('check edits', () => {
  it('add a check with a fresh id, then change its metric, node, threshold and window, and delete it', () => {
    const doc = classicStack();
    let index = -1;
    const added = produce(doc, (draft) => {
      index = addCheck(draft);
    });
    expect(added.checks[index]).toEqual({ id: `check-${doc.checks.length + 1}`, metric: 'availability', op: '>=', value: 0.99 });
    expectValid(added);

    // A per-node metric gets a node it can measure and a threshold in its own unit.
    const hitRatio = produce(added, (draft) => setCheckMetric(draft, index, 'cache.hitRatio'));
    expect(hitRatio.checks[index]).toMatchObject({ metric: 'cache.hitRatio', node: 'cache', op: '>=', value: 0.8 });
    const utilization = produce(hitRatio, (draft) => setCheckMetric(draft, index, 'utilization'));
    // The cache can be measured for utilization too, so it stays; a client cannot.
    expect(utilization.checks[index]).toMatchObject({ metric: 'utilization', node: 'cache', op: '<=', value: 0.8 });
    expect(nodesFor(utilization, 'utilization').map((node) => node.kind)).not.toContain('client');
    // A file may measure a client's (it reads 0); the editor still lists the node the check names.
    const clientId = Object.values(doc.nodes).find((node) => node.kind === 'client')!.id;
    expect(nodesFor(utilization, 'utilization', clientId).map((node) => node.id)).toContain(clientId);
    // Back to a client-wide metric: the node goes.
    const latency = produce(utilization, (draft) => setCheckMetric(draft, index, 'latency.p99'));
    expect(latency.checks[index]).toEqual({ id: `check-${doc.checks.length + 1}`, metric: 'latency.p99', op: '<=', value: 500 });

    const windowed = produce(latency, (draft) => setCheckFields(draft, index, { value: 250, fromS: 20.5, toS: 40, label: 'p99 after the crash' }));
    expect(windowed.checks[index]).toMatchObject({ value: 250, fromS: 20.5, toS: 40, label: 'p99 after the crash' });
    expectValid(windowed);
    const cleared = produce(windowed, (draft) => setCheckFields(draft, index, { fromS: undefined, label: '' }));
    expect(cleared.checks[index].fromS).toBeUndefined();
    expect(cleared.checks[index].label).toBeUndefined();

    expect(produce(cleared, (draft) => deleteCheck(draft, index)).checks).toEqual(doc.checks);
  });

  it('offer only the metrics this design can measure', () => {
    const doc = classicStack();
    const withoutQueue = usableMetrics(doc);
    expect(withoutQueue).toContain('cache.hitRatio');
    expect(withoutQueue).not.toContain('queue.maxDepth'); // the default sandbox has no queue
    // …and a metric with no node to measure is not switched to.
    let index = -1;
    const added = produce(doc, (draft) => {
      index = addCheck(draft);
    });
    expect(produce(added, (draft) => setCheckMetric(draft, index, 'queue.maxDepth')).checks[index].metric).toBe('availability');
  });

  it('read the window typed into From / To, or say why it is not one', () => {
    expect(parseWindow('', '', 60)).toEqual({ ok: true });
    expect(parseWindow('20.5', '', 60)).toEqual({ ok: true, fromS: 20.5 });
    expect(parseWindow(' 5 ', '10', 60)).toEqual({ ok: true, fromS: 5, toS: 10 });
    expect(parseWindow('10', '5', 60)).toEqual({ ok: false, message: 'To must be after From', field: 'to' });
    expect(parseWindow('-1', '', 60)).toMatchObject({ ok: false, message: expect.stringContaining('≥ 0') });
    expect(parseWindow('abc', '', 60)).toMatchObject({ ok: false });
    expect(parseWindow('60', '', 60)).toMatchObject({ ok: false, message: expect.stringContaining('before the end of the run') });
    // Each refusal names the field it is about (only that one is marked invalid).
    expect(parseWindow('60', '', 60)).toMatchObject({ field: 'from' });
    expect(parseWindow('', '61', 60)).toEqual({ ok: false, message: 'To must be at most the end of the run (60 s)', field: 'to' });
    expect(parseWindow('', 'x', 60)).toMatchObject({ ok: false, field: 'to' });
    expect(parseWindow('', '60', 60)).toEqual({ ok: true, toS: 60 });
  });

  it('refuse a ratio threshold outside 0 to 1, saying which ratio a percentage meant', () => {
    expect(CHECK_METRICS.filter(isRatioMetric)).toEqual(['availability', 'errorRate', 'cache.hitRatio', 'utilization']);
    expect(ratioValueProblem('availability', 95)).toBe('availability is a ratio from 0 to 1 (95% is 0.95)');
    expect(ratioValueProblem('cache.hitRatio', 99.9)).toBe('cache.hitRatio is a ratio from 0 to 1 (99.9% is 0.999)');
    expect(ratioValueProblem('errorRate', -0.1)).toBe('errorRate is a ratio from 0 to 1');
    // The check editor names the metric as its Metric select does.
    expect(ratioValueProblem('availability', 95, 'Availability')).toBe('Availability is a ratio from 0 to 1 (95% is 0.95)');
    expect(ratioValueProblem('utilization', 250)).toBe('utilization is a ratio from 0 to 1');
    for (const value of [0, 0.95, 1]) expect(ratioValueProblem('availability', value)).toBeNull();
    expect(ratioValueProblem('latency.p99', 95)).toBeNull();
    expect(ratioValueProblem('throughput', 5000)).toBeNull();
  });

  it('refuse a negative threshold for a metric measured from 0 up ("p99 ≤ -5 ms" can never pass)', () => {
    // The check editor names the metric as its Metric select does.
    expect(thresholdProblem('latency.p99', -5, 'p99 latency')).toBe('p99 latency is never negative');
    for (const metric of ['latency.mean', 'latency.p50', 'latency.p95', 'throughput', 'staleReads', 'lostWrites', 'sessionsLost', 'queue.maxDepth'] as const) {
      expect(thresholdProblem(metric, -0.5), metric).toBe(`${metric} is never negative`);
      for (const value of [0, 5, 1e6]) expect(thresholdProblem(metric, value), `${metric} ${value}`).toBeNull();
    }
    // Ratios keep their own message.
    expect(thresholdProblem('availability', 95, 'Availability')).toBe('Availability is a ratio from 0 to 1 (95% is 0.95)');
    expect(thresholdProblem('errorRate', -0.1)).toBe('errorRate is a ratio from 0 to 1');
    expect(thresholdProblem('utilization', 0.5)).toBeNull();
  });
});
