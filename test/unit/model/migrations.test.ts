import { existsSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  CURRENT_VERSION,
  loadDocument,
  MIGRATIONS,
  migrateToCurrent,
  oldestReadableVersion,
  registryProblems,
  saveDocument,
  type Migration,
} from '../../../shared/model';
import { expectErrors, expectLoaded, FIXTURES, readFixture } from './helpers';

const MIGRATION_FIXTURES = `${FIXTURES}migrations/`;

describe('the real migration registry', () => {
  it('is a contiguous chain ending at the current version', () => {
    expect(registryProblems(MIGRATIONS, CURRENT_VERSION)).toEqual([]);
  });

  it('has a fixture for every step, and every fixture migrates to a valid document', () => {
    // Iterates the registry, so appending a step without `v{from}.faultline` fails here.
    for (const step of MIGRATIONS) {
      const fixture = `migrations/v${step.from}.faultline`;
      expect(existsSync(`${FIXTURES}${fixture}`), `missing fixture ${fixture} for migration ${step.from} → ${step.to}`).toBe(true);
      const text = readFixture(fixture);
      expect(JSON.parse(text).version).toBe(step.from);
      const result = loadDocument(text);
      const document = expectLoaded(result);
      expect(document.version).toBe(CURRENT_VERSION);
      const expected = `migrations/v${step.from}.expected.faultline`;
      if (existsSync(`${FIXTURES}${expected}`)) expect(saveDocument(document)).toBe(readFixture(expected));
    }
  });

  it('has no fixture without a step', () => {
    const versions = readdirSync(MIGRATION_FIXTURES)
      .map((name) => /^v(\d+)\.faultline$/.exec(name)?.[1])
      .filter((version): version is string => version !== undefined)
      .map(Number);
    for (const version of versions) expect(MIGRATIONS.some((step) => step.from === version), `fixture v${version}.faultline has no migration`).toBe(true);
  });

  it('refuses files older than the oldest readable version', () => {
    const oldest = oldestReadableVersion();
    const result = loadDocument(JSON.stringify({ format: 'faultline', version: oldest - 1 }));
    expect(expectErrors(result)).toEqual([{ path: 'version', message: `file version ${oldest - 1} is older than any this app can read (oldest: ${oldest})` }]);
  });
});

describe('the migration mechanism (synthetic steps)', () => {
  // A pretend history: v0 called the node list `boxes`; v1 called the title `meta.name`.
  const calls: number[] = [];
  const steps: Migration[] = [
    {
      from: 0,
      to: 1,
      description: 'rename boxes to nodes',
      migrate(raw) {
        calls.push(0);
        const { boxes, ...rest } = raw;
        return { ...rest, nodes: boxes };
      },
    },
    {
      from: 1,
      to: 2,
      description: 'meta.name becomes meta.title',
      migrate(raw) {
        calls.push(1);
        const meta = raw.meta as { name?: string };
        return { ...raw, meta: { title: meta.name } };
      },
    },
  ];

  const v0 = { format: 'faultline', version: 0, meta: { name: 'Old' }, boxes: [{ id: 'a', kind: 'app', x: 0, y: 0 }] };

  it('runs every step in order from the file version', () => {
    calls.length = 0;
    const result = migrateToCurrent(structuredClone(v0), 0, steps, 2);
    expect(calls).toEqual([0, 1]);
    expect(result).toMatchObject({ ok: true, value: { version: 2, meta: { title: 'Old' }, nodes: [{ id: 'a' }] } });
    expect(result.ok && result.applied.map((step) => step.from)).toEqual([0, 1]);
  });

  it('starts at the file version', () => {
    calls.length = 0;
    const result = migrateToCurrent({ format: 'faultline', version: 1, meta: { name: 'Mid' } }, 1, steps, 2);
    expect(calls).toEqual([1]);
    expect(result).toMatchObject({ ok: true, value: { meta: { title: 'Mid' } } });
  });

  it('is used by loadDocument, which then validates the upgraded file', () => {
    calls.length = 0;
    const result = loadDocument(JSON.stringify(v0), { migrations: steps, currentVersion: 2 });
    const document = expectLoaded(result);
    expect(calls).toEqual([0, 1]);
    expect(document.version).toBe(2);
    expect(document.meta.title).toBe('Old');
    expect(Object.keys(document.nodes)).toEqual(['a']);
  });

  it('reports problems of the upgraded file with current-version paths', () => {
    const broken = { ...v0, boxes: [{ id: 'a', kind: 'nonsense', x: 0, y: 0 }] };
    const errors = expectErrors(loadDocument(JSON.stringify(broken), { migrations: steps, currentVersion: 2 }));
    expect(errors[0].path).toBe('nodes[0].kind');
  });

  it('turns a throwing step into an error naming the step', () => {
    const throwing: Migration[] = [{ from: 0, to: 1, description: 'explodes', migrate: () => { throw new Error('boom'); } }];
    const errors = expectErrors(loadDocument(JSON.stringify({ format: 'faultline', version: 0 }), { migrations: throwing, currentVersion: 1 }));
    expect(errors).toEqual([{ path: 'version', message: 'could not upgrade the file from version 0 to 1 (explodes): boom' }]);
  });

  it('detects a broken registry', () => {
    const gap: Migration[] = [steps[0], { ...steps[1], from: 2, to: 3 }];
    expect(registryProblems(gap, 3)).toEqual(['step 1 starts at 2 but step 0 ends at 1']);
    expect(registryProblems([{ ...steps[0], to: 2 }], 2)).toEqual(['step 0 goes from 0 to 2; steps must go up by one']);
    expect(registryProblems(steps, 3)).toEqual(['the last step ends at 2, not at the current version 3']);
    expect(migrateToCurrent({}, 0, gap, 3)).toMatchObject({ ok: false, message: expect.stringContaining('registry is broken') });
  });

  it('refuses a version below the first step', () => {
    expect(migrateToCurrent({}, -1, steps, 2)).toEqual({ ok: false, message: 'file version -1 is older than any this app can read (oldest: 0)' });
  });
});
