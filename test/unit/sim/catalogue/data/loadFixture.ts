import { readFileSync } from 'node:fs';
import { loadDocument } from '../../../../../shared/model/load';
import type { FaultlineDocument } from '../../../../../shared/model/types';
import { Simulation } from '../../../../../shared/sim/simulation';
import type { Report } from '../../../../../shared/sim/report';
import { cliReport, simFixturePath } from '../../helpers/cliReport';

/**
 * Loads `test/fixtures/sim/data/<name>.faultline` through the real loader, with optional config
 * patches per node id (a variant of the lesson: "the same, with sync replication").
 */
export function loadDataFixture(name: string, patches: Record<string, Record<string, unknown>> = {}): FaultlineDocument {
  const loaded = loadDocument(readFileSync(new URL(`../../../../fixtures/sim/data/${name}.faultline`, import.meta.url), 'utf8'));
  if (!loaded.ok) throw new Error(loaded.errors.map((e) => `${e.path}: ${e.message}`).join('; '));
  for (const [id, patch] of Object.entries(patches)) Object.assign(loaded.document.nodes[id].config, patch);
  return loaded.document;
}

export function runDataFixture(name: string, patches: Record<string, Record<string, unknown>> = {}): { sim: Simulation; report: Report } {
  const sim = new Simulation(loadDataFixture(name, patches));
  return { sim, report: sim.finish() };
}

/** `faultline run test/fixtures/sim/data/<name>.faultline --json` with the real engine, capturing stdout. */
export function faultlineRun(name: string): Promise<{ exit: number; report: Report }> {
  return cliReport(simFixturePath(`data/${name}.faultline`));
}
