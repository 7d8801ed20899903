import { describe, expect, it } from 'vitest';
import { configFieldAt, FIELD_IN_EFFECT_RULES, fieldNotInEffect } from '../../../shared/model/schema/fieldsInEffect';

describe('FIELD_IN_EFFECT_RULES', () => {
  it('name fields every kind of the rule has, of a type the inspector can disable, and values the deciding field can take', () => {
    for (const rule of FIELD_IN_EFFECT_RULES) {
      for (const kind of rule.kinds) {
        for (const path of rule.fields) expect(['number', 'enum', 'boolean'], `${kind} ${path}`).toContain(configFieldAt(kind, path)?.type);
        const decider = configFieldAt(kind, rule.inEffectWhen.field);
        expect(decider, `${kind} ${rule.inEffectWhen.field}`).toBeDefined();
        if ('equals' in rule.inEffectWhen) {
          if (decider!.type === 'enum') expect(decider!.options, `${kind} ${rule.inEffectWhen.field}`).toContain(rule.inEffectWhen.equals);
          else expect(decider!.type, `${kind} ${rule.inEffectWhen.field}`).toBe(typeof rule.inEffectWhen.equals);
        } else {
          expect(decider!.type, `${kind} ${rule.inEffectWhen.field}`).toBe('number');
        }
      }
    }
  });
});

describe('fieldNotInEffect', () => {
  it('a Zipf exponent does nothing while keys are uniform, also when that is the default', () => {
    expect(fieldNotInEffect('client', {}, 'keys.zipfS')).toBe('Only with zipf key popularity.');
    expect(fieldNotInEffect('client', { keys: { zipfS: 1.4 } }, 'keys.zipfS')).toBe('Only with zipf key popularity.');
    expect(fieldNotInEffect('client', { keys: { distribution: 'uniform', zipfS: 1.4 } }, 'keys.zipfS')).toBe('Only with zipf key popularity.');
    expect(fieldNotInEffect('client', { keys: { distribution: 'zipf' } }, 'keys.zipfS')).toBeUndefined();
  });

  it('sticky sessions need layer 7, the default', () => {
    expect(fieldNotInEffect('lb', { layer: 4, sticky: true }, 'sticky')).toMatch(/^Only at layer 7/);
    expect(fieldNotInEffect('lb', { sticky: true }, 'sticky')).toBeUndefined();
    expect(fieldNotInEffect('lb', { layer: 7 }, 'sticky')).toBeUndefined();
  });

  it('a proxy\'s burst and per need a rate limit (rate 0, the default, is off); its cache TTL a cache', () => {
    for (const path of ['rateLimit.burst', 'rateLimit.per']) {
      expect(fieldNotInEffect('proxy', {}, path)).toBe('Only with a rate limit (rate above 0).');
      expect(fieldNotInEffect('proxy', { rateLimit: { rps: 0, burst: 5 } }, path)).toBe('Only with a rate limit (rate above 0).');
      expect(fieldNotInEffect('proxy', { rateLimit: { rps: 50 } }, path)).toBeUndefined();
    }
    expect(fieldNotInEffect('proxy', {}, 'cache.ttlS')).toBe('Only with a response cache (capacity above 0).');
    expect(fieldNotInEffect('proxy', { cache: { capacity: 100 } }, 'cache.ttlS')).toBeUndefined();
  });

  it('health-check timings need health checks enabled (the default), on lb and dns alike', () => {
    for (const kind of ['lb', 'dns'] as const) {
      for (const path of ['healthCheck.intervalMs', 'healthCheck.timeoutMs', 'healthCheck.unhealthyAfter', 'healthCheck.healthyAfter']) {
        expect(fieldNotInEffect(kind, { healthCheck: { enabled: false } }, path), `${kind} ${path}`).toBe('Only while health checks are enabled.');
        expect(fieldNotInEffect(kind, {}, path), `${kind} ${path}`).toBeUndefined();
      }
      expect(fieldNotInEffect(kind, { healthCheck: { enabled: false } }, 'healthCheck.enabled')).toBeUndefined();
    }
  });

  it('a push CDN has no use for capacity or TTL; a pull CDN of no capacity none for TTL', () => {
    expect(fieldNotInEffect('cdn', { mode: 'push' }, 'capacity')).toMatch(/^Only in pull mode/);
    expect(fieldNotInEffect('cdn', { mode: 'push' }, 'ttlS')).toMatch(/^Only in pull mode/);
    expect(fieldNotInEffect('cdn', { mode: 'push' }, 'hitMs')).toBeUndefined();
    expect(fieldNotInEffect('cdn', {}, 'ttlS')).toBeUndefined();
    expect(fieldNotInEffect('cdn', { capacity: 0 }, 'ttlS')).toBe('Only when the edge holds keys (capacity above 0).');
  });

  it('the rest: retry backoff needs retries, vnodes consistent hashing, a cache\'s eviction and TTL room, MTTR an MTBF', () => {
    expect(fieldNotInEffect('client', {}, 'retryBackoffMs')).toBe('Only with retries (above 0).');
    expect(fieldNotInEffect('client', { retries: 2 }, 'retryBackoffMs')).toBeUndefined();
    expect(fieldNotInEffect('shard-router', {}, 'vnodes')).toBe('Only with the consistent-hash scheme.');
    expect(fieldNotInEffect('shard-router', { scheme: 'range' }, 'vnodes')).toBe('Only with the consistent-hash scheme.');
    expect(fieldNotInEffect('shard-router', { scheme: 'consistent-hash' }, 'vnodes')).toBeUndefined();
    expect(fieldNotInEffect('cache', { capacity: 0 }, 'eviction')).toBe('Only when the cache holds keys (capacity above 0).');
    expect(fieldNotInEffect('cache', {}, 'eviction')).toBeUndefined();
    for (const kind of ['app', 'db', 'worker'] as const) {
      expect(fieldNotInEffect(kind, { mttrS: 5 }, 'mttrS')).toBe('Only with a mean time between failures (random crashes).');
      expect(fieldNotInEffect(kind, { mtbfS: 60 }, 'mttrS')).toBeUndefined();
    }
  });

  it('fields that always act are never out of effect, e.g. a replica\'s replication mode (it uses it once promoted)', () => {
    expect(fieldNotInEffect('db', { role: 'replica' }, 'replication')).toBeUndefined();
    expect(fieldNotInEffect('db', { failover: { auto: false } }, 'failover.detectMs')).toBeUndefined();
    expect(fieldNotInEffect('client', {}, 'rps')).toBeUndefined();
  });
});
