import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LESSONS } from '../../../../shared/examples/lessons';
import { configFields, LINK_FIELDS, loadDocument, loadDocumentValue, saveDocument, type FaultlineDocument, type FieldDescriptor } from '../../../../shared/model';
import { Simulation } from '../../../../shared/sim/simulation';
import { finishCheckingBooks } from '../helpers/books';

/**
 * Every lesson with one to three settings pushed to, just inside and just past the edges of what
 * the schema allows, or given the wrong type altogether: what a student typing into a file, or a
 * teacher's script, may produce. The loader must never throw; what it refuses it refuses with a
 * message at the path that was changed; what it accepts saves and reloads to the same text, and
 * simulates with the books balanced — the engine must run whatever the loader lets through.
 */

const EXAMPLES = fileURLToPath(new URL('../../../../shared/examples/', import.meta.url));
const FILES = [...LESSONS.map((lesson) => `lessons/${lesson.file}`), 'classic-web-stack.faultline'];
const TEXTS = new Map(FILES.map((file) => [file, readFileSync(`${EXAMPLES}${file}`, 'utf8')]));
/** Simulated seconds per run, fewer when the clients send a lot: at most about this many requests a run. */
const RUN_S = 3;
const REQUESTS_PER_RUN = 60_000;
const RUNS_PER_FILE = 8;

type Json = Record<string, unknown>;

/** Values at and around a number field's range, and of the wrong kind. */
function numberCandidates(descriptor: Extract<FieldDescriptor, { type: 'number' }>): unknown[] {
  const values: unknown[] = [0, 1, 0.5, 1e-6, 1e300, -1, '1', null, true, {}];
  if (descriptor.min !== undefined) {
    values.push(descriptor.min, descriptor.min - 1);
    if (descriptor.minExclusive) values.push(descriptor.min + 1e-9);
  }
  if (descriptor.max !== undefined) values.push(descriptor.max, descriptor.max + 1, descriptor.max * 2);
  if (descriptor.integer) values.push(2.5);
  return values;
}

const DISTRIBUTION_CANDIDATES: unknown[] = [
  0,
  1e-6,
  -1,
  1e9,
  { dist: 'exp', mean: 0 },
  { dist: 'exp', mean: 1e-6 },
  { dist: 'const', mean: 1e6 },
  { dist: 'uniform', mean: 1e6 },
  { dist: 'lognormal', mean: 1e-3, sigma: 20 },
  { dist: 'lognormal', mean: 5, sigma: 0 },
  { dist: 'lognormal', mean: 5, sigma: -1 },
  { dist: 'gamma', mean: 5 },
  { mean: 5 },
  '5',
  null,
];

/** Candidate values for a field, or for one of its sub-fields (returned with its name path). */
function candidatesFor(descriptor: FieldDescriptor, pick: number): { path: string[]; values: unknown[] } {
  switch (descriptor.type) {
    case 'number':
      return { path: [descriptor.name], values: numberCandidates(descriptor) };
    case 'distribution':
      return { path: [descriptor.name], values: DISTRIBUTION_CANDIDATES };
    case 'enum':
      return { path: [descriptor.name], values: [...descriptor.options, 'bogus', 3] };
    case 'boolean':
      return { path: [descriptor.name], values: [true, false, 'yes', 0] };
    case 'object': {
      if (descriptor.fields.length === 0 || pick % 5 === 0) return { path: [descriptor.name], values: [null, 7, [], {}] };
      const inner = candidatesFor(descriptor.fields[pick % descriptor.fields.length], Math.floor(pick / descriptor.fields.length));
      return { path: [descriptor.name, ...inner.path], values: inner.values };
    }
    default:
      return { path: [descriptor.name], values: [null, 7, 'nobody', []] };
  }
}

const change = fc.record({ where: fc.constantFrom('node', 'node', 'node', 'set', 'degrade', 'link', 'duration', 'network'), record: fc.nat(), field: fc.nat(), value: fc.nat() });
type Change = typeof change extends fc.Arbitrary<infer T> ? T : never;

const LINK_NUMBERS = LINK_FIELDS.filter((descriptor) => descriptor.type === 'number');

/** Sets `path` under `target` (creating objects on the way; a non-object on the way is replaced). */
function setAt(target: Json, path: readonly string[], value: unknown): void {
  let at = target;
  for (const key of path.slice(0, -1)) {
    if (typeof at[key] !== 'object' || at[key] === null || Array.isArray(at[key])) at[key] = {};
    at = at[key] as Json;
  }
  at[path[path.length - 1]] = structuredClone(value);
}

/** Applies the changes; returns the document and the paths changed (as the loader writes them). */
function changed(file: string, changes: readonly Change[]): { value: Json; paths: string[] } {
  const value = JSON.parse(TEXTS.get(file)!) as Json;
  const nodes = value.nodes as { kind: string; config?: Json }[];
  const links = value.links as Json[];
  const paths: string[] = [];
  for (const { where, record, field, value: pick } of changes) {
    if (where === 'node') {
      const index = record % nodes.length;
      const fields = configFields(nodes[index].kind as never);
      if (fields.length === 0) continue;
      const { path, values } = candidatesFor(fields[field % fields.length], Math.floor(field / fields.length));
      nodes[index].config ??= {};
      setAt(nodes[index].config, path, values[pick % values.length]);
      paths.push(`nodes[${index}].config.${path.join('.')}`);
    } else if (where === 'set') {
      // The same values as a scenario's config patch, half a second into the run.
      const index = record % nodes.length;
      const node = nodes[index] as { id: string; kind: string };
      const fields = configFields(node.kind as never);
      if (fields.length === 0) continue;
      const { path, values } = candidatesFor(fields[field % fields.length], Math.floor(field / fields.length));
      const params: Json = {};
      setAt(params, path, values[pick % values.length]);
      const scenario = (value.scenario ??= []) as Json[];
      paths.push(`scenario[${scenario.length}]`);
      scenario.push({ atS: 0.5, action: 'set', target: node.id, params });
    } else if (where === 'degrade') {
      const link = links[record % links.length] as { id: string };
      const descriptor = LINK_NUMBERS[field % LINK_NUMBERS.length];
      const values = numberCandidates(descriptor as Extract<FieldDescriptor, { type: 'number' }>);
      const scenario = (value.scenario ??= []) as Json[];
      paths.push(`scenario[${scenario.length}]`);
      scenario.push({ atS: 0.25, action: 'degrade', target: link.id, params: { [descriptor.name]: values[pick % values.length] } });
    } else if (where === 'link') {
      const index = record % links.length;
      const descriptor = LINK_NUMBERS[field % LINK_NUMBERS.length];
      const values = numberCandidates(descriptor as Extract<FieldDescriptor, { type: 'number' }>);
      setAt(links[index], [descriptor.name], values[pick % values.length]);
      paths.push(`links[${index}].${descriptor.name}`);
    } else if (where === 'duration') {
      const values = [1e-3, 0.5, 86_400, 86_401, 0, -5, '60', null];
      value.durationS = values[pick % values.length];
      paths.push('durationS');
    } else {
      const name = field % 2 === 0 ? 'intraRegionMs' : 'interRegionMs';
      const values = [0, 1e-6, 1e6, -1, 'fast', null];
      setAt(value, ['network', name], values[pick % values.length]);
      paths.push(`network.${name}`);
    }
  }
  return { value, paths };
}

/** Runs the document for a few simulated seconds (fewer under heavy load), checking the books. */
function runBriefly(document: FaultlineDocument): void {
  const rps = Object.values(document.nodes).reduce((sum, node) => sum + (node.kind === 'client' ? Number((node.config as { rps?: number }).rps ?? 100) : 0), 0);
  const runS = Math.min(RUN_S, document.durationS, REQUESTS_PER_RUN / Math.max(rps, 1));
  const simulation = new Simulation(document, { durationS: runS });
  finishCheckingBooks(simulation, [runS * 250, runS * 500]);
}

describe('every lesson with settings at and past their edges (property)', () => {
  for (const file of FILES) {
    it(`${file}: refused with a message at the changed path, or saved, reloaded and simulated`, () => {
      fc.assert(
        fc.property(fc.array(change, { minLength: 1, maxLength: 3 }), (changes) => {
          const { value, paths } = changed(file, changes);
          const loaded = loadDocumentValue(value);
          // The text path too: what a file on disk goes through.
          expect(loadDocument(JSON.stringify(value)).ok).toBe(loaded.ok);
          if (!loaded.ok) {
            expect(loaded.errors.length).toBeGreaterThan(0);
            for (const error of loaded.errors) {
              expect(error.message.length, error.path).toBeGreaterThan(0);
              expect(error.message, error.path).not.toMatch(/undefined|\[object |NaN|Error:|\n\s+at /);
            }
            // The record changed is named: a node or link (a sub-object made by the change may lack
            // a required field beside it, e.g. an lb's `ha` its peer); a changed duration may put
            // scenario events or check windows past the end instead.
            const blamed = paths.flatMap((path) => (path === 'durationS' ? [path, 'scenario', 'checks'] : [/^(nodes|links)\[\d+\]/.exec(path)?.[0] ?? path]));
            const named = loaded.errors.some((error) => blamed.some((path) => error.path === path || error.path.startsWith(`${path}.`) || error.path.startsWith(`${path}[`)));
            expect(named, `${JSON.stringify(loaded.errors.map((error) => `${error.path}: ${error.message}`))} for ${paths.join(', ')}`).toBe(true);
            return;
          }
          const saved = saveDocument(loaded.document);
          const reloaded = loadDocument(saved);
          expect(reloaded.ok, saved).toBe(true);
          if (reloaded.ok) expect(saveDocument(reloaded.document)).toBe(saved);
          runBriefly(loaded.document);
        }),
        { numRuns: RUNS_PER_FILE, seed: 20261127 },
      );
    });
  }
});
