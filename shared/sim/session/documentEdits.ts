import type { FaultlineDocument, Problem, ScenarioEvent } from '../../model/types';
import { canonicalDocument } from '../../model/save';
import { loadDocumentValue } from '../../model/load';
import { tallyWindows } from '../metrics/windowStats';

export type Checked<T> = { ok: true; value: T } | { ok: false; message: string; problems: Problem[] };

/**
 * Appends `event` to the document's scenario and runs the result through the model's loader, so an
 * injected fault is held to exactly the rules a saved file is (target exists, action fits it…).
 * Returns the amended document; its last scenario event is the event as normalised by the loader.
 */
export function appendScenarioEvent(doc: FaultlineDocument, event: Record<string, unknown>): Checked<FaultlineDocument> {
  const value = canonicalDocument(doc);
  const scenario = Array.isArray(value.scenario) ? value.scenario : [];
  value.scenario = [...scenario, event as never];
  const loaded = loadDocumentValue(value);
  if (!loaded.ok) {
    const index = scenario.length;
    // Only problems about the new event are the caller's fault; name them relative to it.
    const own = loaded.errors.filter((problem) => problem.path.startsWith(`scenario[${index}]`));
    const problems = (own.length > 0 ? own : loaded.errors).map((problem) => ({ ...problem, path: problem.path.replace(`scenario[${index}]`, 'event') }));
    return { ok: false, message: `the fault cannot be injected: ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`, problems };
  }
  return { ok: true, value: loaded.document };
}

/** The last scenario event of a document (the one `appendScenarioEvent` added). */
export function lastScenarioEvent(doc: FaultlineDocument): ScenarioEvent {
  return doc.scenario[doc.scenario.length - 1];
}

/** What a live edit changes for the running simulation. */
export interface EditPlan {
  /** Anything besides node configs that the run depends on changed: re-simulate the edited design. */
  structural: boolean;
  /** Per node id, a sparse patch turning the old config into the new one (hot-applied from now). */
  configPatches: Map<string, Record<string, unknown>>;
  /**
   * Links added from a shard router to a database and nothing else changed: a shard linked while
   * the run plays, which the run takes from now on (DESIGN §3: the keys that actually move).
   */
  liveLinks: string[];
}

/** The parts of a document a run depends on, other than node configs and positions. */
function runShape(doc: FaultlineDocument): string {
  return JSON.stringify({
    seed: doc.seed,
    durationS: doc.durationS,
    network: doc.network,
    regions: Object.keys(doc.regions),
    nodes: Object.values(doc.nodes).map((node) => [node.id, node.kind, node.region ?? null]),
    links: Object.values(doc.links).map(({ extras: _extras, ...link }) => link),
    scenario: doc.scenario.map(({ extras: _extras, ...event }) => event),
    // A check over a window that is not whole seconds is tallied from the start of the run.
    tallies: tallyWindows(doc.checks, doc.durationS),
  });
}

/**
 * Compares two versions of a document: moving a node, renaming it, or editing checks (except a
 * new window that is not whole seconds, which needs its own tally from t=0) and meta changes
 * nothing for the run; a node's config hot-applies; everything else (topology, links,
 * regions, seed, duration, scenario) is structural.
 */
export function planEdit(before: FaultlineDocument, after: FaultlineDocument): EditPlan {
  const configPatches = new Map<string, Record<string, unknown>>();
  if (runShape(before) !== runShape(after)) {
    const liveLinks = shardsLinked(before, after);
    return liveLinks.length > 0 ? { structural: false, configPatches, liveLinks } : { structural: true, configPatches, liveLinks: [] };
  }
  for (const id of Object.keys(after.nodes)) {
    const old = before.nodes[id].config;
    const next = after.nodes[id].config;
    const patch: Record<string, unknown> = {};
    for (const key of new Set([...Object.keys(old), ...Object.keys(next)])) {
      // A removed key is patched to undefined, which resolves to its default.
      if (JSON.stringify(old[key]) !== JSON.stringify(next[key])) patch[key] = next[key];
    }
    if (Object.keys(patch).length > 0) configPatches.set(id, patch);
  }
  return { structural: false, configPatches, liveLinks: [] };
}

/**
 * The links `after` adds from a shard router to a database when that is all it changes for the run
 * (node configs included), else none.
 */
function shardsLinked(before: FaultlineDocument, after: FaultlineDocument): string[] {
  const added = Object.keys(after.links).filter((id) => !Object.hasOwn(before.links, id));
  const isShard = (id: string) => {
    const link = after.links[id];
    return link.kind === 'traffic' && after.nodes[link.from]?.kind === 'shard-router' && after.nodes[link.to]?.kind === 'db';
  };
  if (added.length === 0 || !added.every(isShard)) return [];
  const links = Object.fromEntries(Object.entries(after.links).filter(([id]) => !added.includes(id)));
  const without: FaultlineDocument = { ...after, links };
  if (runShape(before) !== runShape(without)) return [];
  const configsChanged = Object.keys(after.nodes).some((id) => JSON.stringify(before.nodes[id].config) !== JSON.stringify(after.nodes[id].config));
  return configsChanged ? [] : added;
}
