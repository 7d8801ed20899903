/**
 * Upgrading files written by older versions, one version at a time (DESIGN §4).
 *
 * To change the file format: bump `CURRENT_VERSION` in ./version, append one step
 * `{ from: N, to: N + 1, … }` to `MIGRATIONS`, and add the fixture
 * `test/fixtures/model/migrations/vN.faultline` (a file as version N wrote it) — the migration
 * tests iterate this registry and fail for a step without its fixture.
 */
import type { JsonObject } from './sanitize';
import { CURRENT_VERSION } from './version';

export interface Migration {
  from: number;
  to: number;
  /** What changed, for the changelog and error messages. */
  description: string;
  /**
   * Rewrites the raw JSON of a version-`from` file into version `to` (it need not set `version`).
   * Receives a private copy; may mutate it. Must be pure and must not throw on valid old files.
   */
  migrate(raw: JsonObject): JsonObject;
}

/** The registry: step k upgrades from `MIGRATIONS[0].from + k`. Empty while the format is at v1. */
export const MIGRATIONS: readonly Migration[] = [];

/** The oldest version a registry can upgrade from. */
export function oldestReadableVersion(steps: readonly Migration[] = MIGRATIONS, current: number = CURRENT_VERSION): number {
  return steps.length > 0 ? steps[0].from : current;
}

/** Problems in a registry: gaps, wrong step sizes, or a chain that does not end at `current`. */
export function registryProblems(steps: readonly Migration[], current: number): string[] {
  const problems: string[] = [];
  steps.forEach((step, index) => {
    if (step.to !== step.from + 1) problems.push(`step ${index} goes from ${step.from} to ${step.to}; steps must go up by one`);
    if (index > 0 && step.from !== steps[index - 1].to) problems.push(`step ${index} starts at ${step.from} but step ${index - 1} ends at ${steps[index - 1].to}`);
  });
  if (steps.length > 0 && steps[steps.length - 1].to !== current) problems.push(`the last step ends at ${steps[steps.length - 1].to}, not at the current version ${current}`);
  return problems;
}

export type MigrationResult =
  | { ok: true; value: JsonObject; applied: readonly Migration[] }
  | { ok: false; message: string };

/** Upgrades `raw` (a version-`fromVersion` file) to `current` by running every step in order. */
export function migrateToCurrent(
  raw: JsonObject,
  fromVersion: number,
  steps: readonly Migration[] = MIGRATIONS,
  current: number = CURRENT_VERSION,
): MigrationResult {
  const broken = registryProblems(steps, current);
  if (broken.length > 0) return { ok: false, message: `the migration registry is broken: ${broken.join('; ')}` };
  const oldest = oldestReadableVersion(steps, current);
  if (fromVersion < oldest) {
    return { ok: false, message: `file version ${fromVersion} is older than any this app can read (oldest: ${oldest})` };
  }
  let value = raw;
  const applied: Migration[] = [];
  for (const step of steps) {
    if (step.from < fromVersion) continue;
    try {
      value = step.migrate(value);
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      return { ok: false, message: `could not upgrade the file from version ${step.from} to ${step.to} (${step.description}): ${detail}` };
    }
    applied.push(step);
  }
  return { ok: true, value: { ...value, version: current }, applied };
}
