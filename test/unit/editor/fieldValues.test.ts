import { describe, expect, it } from 'vitest';
import { checkValue, defaultText, defaultTitle, distributionWarning, fieldOutOfEffect, hintText, parseNumberText, UNIT_LABEL } from '../../../renderer/app/editor/fieldValues';
import { LINK_FIELDS } from '../../../shared/model/schema/records';
import { configFields } from '../../../shared/model/schema/nodeKinds';
import { NODE_KIND_INFO } from '../../../shared/model/schema/nodeKinds';
import type { FieldDescriptor } from '../../../shared/model/schema/fields';

const field = (kind: keyof typeof NODE_KIND_INFO, name: string): FieldDescriptor => NODE_KIND_INFO[kind].fields.find((descriptor) => descriptor.name === name)!;

describe('inspector number fields', () => {
  it('read decimal numbers only (Number() would take "0x10" as 16)', () => {
    expect(parseNumberText(' 16 ')).toEqual({ ok: true, value: 16 });
    expect(parseNumberText('1.5e3')).toEqual({ ok: true, value: 1500 });
    expect(parseNumberText('.25')).toEqual({ ok: true, value: 0.25 });
    expect(parseNumberText('')).toEqual({ ok: true, value: undefined });
    for (const text of ['0x10', '0b11', '1,5', 'Infinity', '12ms']) expect(parseNumberText(text), text).toMatchObject({ ok: false });
  });

  it('say what a value must be in the rule\'s words, as a file with it would', () => {
    expect(checkValue(field('app', 'workers'), 1.5)).toEqual({ ok: false, message: 'must be a whole number from 1 to 100,000' });
    expect(checkValue(field('app', 'workers'), 0)).toEqual({ ok: false, message: 'must be a whole number from 1 to 100,000' });
    expect(checkValue(field('client', 'writeRatio'), 2)).toEqual({ ok: false, message: 'must be a number from 0 to 1' });
    expect(checkValue(field('app', 'workers'), 16)).toEqual({ ok: true, value: 16 });
    // A distribution's mean too ("Too small: expected number to be >=0" was zod's).
    expect(checkValue(field('app', 'serviceMs'), { dist: 'exp', mean: -1 })).toEqual({ ok: false, message: 'the mean must be a number ≥ 0' });
    expect(checkValue(field('app', 'serviceMs'), { dist: 'exp', mean: 3 })).toEqual({ ok: true, value: { dist: 'exp', mean: 3 } });
  });
});

describe('what "auto" means', () => {
  it('is said with the labels the inspector shows, not field names', () => {
    const latency = LINK_FIELDS.find((field) => field.name === 'latencyMs')!;
    expect(hintText(latency)).toBe('auto: the document\'s "Inside a region" delay within one region, else its "Between regions" delay (or the network matrix entry for the two regions)');
    const rateLimit = configFields('proxy').find((field) => field.name === 'rateLimit')!;
    const burst = (rateLimit as { fields: readonly FieldDescriptor[] }).fields.find((field) => field.name === 'burst')!;
    expect(hintText(burst)).toBe('auto: the same as Rate');
  });
});

describe('units and defaults the inspector shows', () => {
  const inside = (descriptor: FieldDescriptor, name: string) => (descriptor as { fields: readonly FieldDescriptor[] }).fields.find((field) => field.name === name)!;
  const unitOf = (descriptor: FieldDescriptor) => (descriptor.unit ? UNIT_LABEL[descriptor.unit] : '');

  it('name what a count counts', () => {
    // A queue holds messages (a cache or a CDN holds keys); an lb pair fails over after missed heartbeats.
    expect(unitOf(field('queue', 'capacity'))).toBe('msgs');
    expect(unitOf(field('cache', 'capacity'))).toBe('keys');
    expect(unitOf(inside(field('lb', 'ha'), 'deadAfter'))).toBe('missed');
    // Health checks count probes.
    expect(unitOf(inside(field('lb', 'healthCheck'), 'unhealthyAfter'))).toBe('probes');
    expect(unitOf(inside(field('dns', 'healthCheck'), 'healthyAfter'))).toBe('probes');
  });

  it('say what a default of 0 does when 0 switches a feature off', () => {
    // The placeholder fits its box; the tooltip says it is the default.
    expect(defaultText(inside(field('proxy', 'cache'), 'capacity'))).toBe('0 = off');
    expect(defaultTitle(inside(field('proxy', 'cache'), 'capacity'))).toBe('0 = off (default)');
    expect(defaultText(inside(field('proxy', 'rateLimit'), 'rps'))).toBe('0 = off');
    expect(defaultText(field('cache', 'ttlS'))).toBe('0 = no expiry');
    // A 0 that is just an amount stays plain.
    expect(defaultText(field('proxy', 'tlsMs'))).toBe('0 (default)');
    expect(defaultTitle(field('proxy', 'tlsMs'))).toBe('0 (default)');
  });
});

describe('a field out of effect on the selected nodes', () => {
  const uniform = { keys: { distribution: 'uniform', zipfS: 1.4 } };
  const zipf = { keys: { distribution: 'zipf' } };

  it('is disabled when it does nothing on every one, with the reason', () => {
    expect(fieldOutOfEffect('client', [uniform], ['keys', 'zipfS'])).toEqual({ disabled: true, note: 'Only with zipf key popularity.' });
    expect(fieldOutOfEffect('client', [uniform, {}], ['keys', 'zipfS'])).toEqual({ disabled: true, note: 'Only with zipf key popularity.' });
  });

  it('stays editable when it acts on some of them, saying on how many it does nothing', () => {
    expect(fieldOutOfEffect('client', [uniform, zipf, zipf], ['keys', 'zipfS'])).toEqual({ disabled: false, note: 'No effect on 1 of the 3 selected. Only with zipf key popularity.' });
  });

  it('is not mentioned when it acts on all of them', () => {
    expect(fieldOutOfEffect('client', [zipf, zipf], ['keys', 'zipfS'])).toBeUndefined();
    expect(fieldOutOfEffect('client', [uniform], ['keys', 'count'])).toBeUndefined();
  });

  it('gives each reason once when the nodes miss different conditions', () => {
    expect(fieldOutOfEffect('cdn', [{ mode: 'push' }, { capacity: 0 }, { mode: 'push' }], ['ttlS'])).toEqual({
      disabled: true,
      note: 'Only in pull mode: push holds every key, never expiring. Only when the edge holds keys (capacity above 0).',
    });
  });
});

describe('a distribution of mean 0', () => {
  it('is accepted, as DESIGN §3 and a file allow it', () => {
    expect(checkValue(field('app', 'serviceMs'), { dist: 'lognormal', mean: 0 })).toEqual({ ok: true, value: { dist: 'lognormal', mean: 0 } });
  });

  it('warns that a shape then draws 0 every time; a constant 0 says what it does', () => {
    expect(distributionWarning({ dist: 'lognormal', mean: 0, sigma: 1 })).toBe('A mean of 0 draws 0 every time: the lognormal shape and its sigma have no effect (as const 0).');
    expect(distributionWarning({ dist: 'exp', mean: 0 })).toBe('A mean of 0 draws 0 every time: the exp shape has no effect (as const 0).');
    expect(distributionWarning({ dist: 'uniform', mean: 0 })).toBe('A mean of 0 draws 0 every time: the uniform shape has no effect (as const 0).');
    expect(distributionWarning({ dist: 'const', mean: 0 })).toBeUndefined();
    expect(distributionWarning({ dist: 'lognormal', mean: 0.1 })).toBeUndefined();
    expect(distributionWarning(undefined)).toBeUndefined();
  });
});
