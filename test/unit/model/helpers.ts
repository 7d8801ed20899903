import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { loadDocument, type FaultlineDocument, type LoadResult, type Problem } from '../../../shared/model';

export const FIXTURES = fileURLToPath(new URL('../../fixtures/model/', import.meta.url));

export function readFixture(relativePath: string): string {
  return readFileSync(`${FIXTURES}${relativePath}`, 'utf8');
}

type JsonRecord = Record<string, unknown>;

/** The parsed form of `valid/minimal.faultline`, loose enough for tests to break it. */
export interface FixtureFile {
  [key: string]: unknown;
  format?: unknown;
  version?: unknown;
  meta: JsonRecord;
  regions: JsonRecord[];
  nodes: JsonRecord[];
  links: JsonRecord[];
  scenario: unknown[];
  checks: unknown[];
}

/** A small valid file as a JSON object, to be mutated by a test. */
export function baseFile(): FixtureFile {
  return JSON.parse(readFixture('valid/minimal.faultline')) as FixtureFile;
}

export function loadObject(value: unknown): LoadResult {
  return loadDocument(JSON.stringify(value));
}

export function expectLoaded(result: LoadResult): FaultlineDocument {
  if (!result.ok) throw new Error(`expected the file to load, got:\n${result.errors.map((p) => `${p.path}: ${p.message}`).join('\n')}`);
  return result.document;
}

export function expectErrors(result: LoadResult): Problem[] {
  if (result.ok) throw new Error('expected the file to be rejected, but it loaded');
  expect(result.errors.length).toBeGreaterThan(0);
  return result.errors;
}
