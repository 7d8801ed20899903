/**
 * Which nodes an edit moved into, out of or between regions. Region membership sets every
 * link's delay (DESIGN §3: 0.5 ms inside a region, `network.interRegionMs` between regions), so
 * an edit that changes it can change a run's outcome completely; the editor says so in words.
 */
import type { FaultlineDocument } from '../../../shared/model/types';

const NONE: ReadonlySet<string> = new Set();

/** Names listed in a notice before it says "and N more". */
const NAMES_SHOWN = 3;

interface Move {
  from: string | undefined;
  to: string | undefined;
  nodes: string[];
}

/** Nodes present before and after the edit whose region changed, grouped by (from, to). */
export function regionMoves(before: FaultlineDocument, after: FaultlineDocument): Move[] {
  const moves = new Map<string, Move>();
  for (const node of Object.values(after.nodes)) {
    if (!Object.hasOwn(before.nodes, node.id)) continue;
    const from = before.nodes[node.id].region;
    const to = node.region;
    if (from === to) continue;
    const key = `${from ?? ''}\u0000${to ?? ''}`;
    const move = moves.get(key) ?? { from, to, nodes: [] };
    move.nodes.push(node.name ?? node.id);
    moves.set(key, move);
  }
  return [...moves.values()];
}

/**
 * Nodes the edit added (Duplicate, Paste, a palette click or drop) that are inside a region that
 * was already there, grouped by region; copies in a region one of their originals is in
 * (`sourceRegions`) are left out. Nodes added together with their region (a copied region
 * pasted whole) are left out: the new box around them says where they are.
 */
export function addedInRegions(before: FaultlineDocument, after: FaultlineDocument, sourceRegions: ReadonlySet<string> = NONE): { region: string; nodes: string[] }[] {
  const added = new Map<string, string[]>();
  for (const node of Object.values(after.nodes)) {
    if (Object.hasOwn(before.nodes, node.id) || node.region === undefined || !Object.hasOwn(before.regions, node.region)) continue;
    // A copy in the region its original is in (Duplicate, Paste beside it) is where one expects it.
    if (sourceRegions.has(node.region)) continue;
    added.set(node.region, [...(added.get(node.region) ?? []), node.name ?? node.id]);
  }
  return [...added].map(([region, nodes]) => ({ region, nodes }));
}

function regionName(id: string, before: FaultlineDocument, after: FaultlineDocument): string {
  const region = Object.hasOwn(after.regions, id) ? after.regions[id] : Object.hasOwn(before.regions, id) ? before.regions[id] : undefined;
  return `“${region?.name ?? id}”`;
}

function count(nodes: readonly string[]): string {
  return `${nodes.length} node${nodes.length === 1 ? '' : 's'}`;
}

function names(nodes: readonly string[]): string {
  const shown = nodes.slice(0, NAMES_SHOWN).join(', ');
  return nodes.length > NAMES_SHOWN ? `${shown} and ${nodes.length - NAMES_SHOWN} more` : shown;
}

/**
 * One sentence per kind of change and what it means for delays, or undefined when the edit
 * left every node in the region it was in and added none inside a region:
 * "2 nodes joined “Region”: App A, App B. Traffic between regions takes 75 ms per hop, inside a
 * region 0.5 ms (Network delays, in the document settings). Undo reverses this."
 * "2 new nodes are in “Region 2”: app3, app4. Traffic between regions takes …"
 */
export function describeRegionChanges(before: FaultlineDocument, after: FaultlineDocument, sourceRegions?: ReadonlySet<string>): string | undefined {
  const moves = regionMoves(before, after);
  const added = addedInRegions(before, after, sourceRegions);
  if (moves.length === 0 && added.length === 0) return undefined;
  const addedParts = added.map(({ region, nodes }) => `${nodes.length === 1 ? '1 new node is' : `${nodes.length} new nodes are`} in ${regionName(region, before, after)}: ${names(nodes)}`);
  const moveParts = moves.map((move) => {
    const what = count(move.nodes);
    const change =
      move.from === undefined
        ? `joined ${regionName(move.to!, before, after)}`
        : move.to === undefined
          ? `left ${regionName(move.from, before, after)}`
          : `moved from ${regionName(move.from, before, after)} to ${regionName(move.to, before, after)}`;
    return `${what} ${change}: ${names(move.nodes)}`;
  });
  const parts = [...addedParts, ...moveParts];
  const network = after.network;
  // Named as the document settings name them (Network delays), not by their field names.
  return `${parts.join('; ')}. Traffic between regions takes ${network.interRegionMs} ms per hop, inside a region ${network.intraRegionMs} ms (Network delays, in the document settings). Undo reverses this.`;
}
