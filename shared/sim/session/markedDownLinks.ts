import type { World } from '../engine/world';

/** A node that health-checks targets over its links (lb, dns). */
interface HealthChecking {
  readonly markedUp: Uint8Array;
  readonly checkedLinks: readonly number[];
}

function isHealthChecking(model: unknown): model is HealthChecking {
  const candidate = model as Partial<HealthChecking>;
  return candidate.markedUp instanceof Uint8Array && Array.isArray(candidate.checkedLinks);
}

/**
 * Per link (file order): 1 where the sending lb or dns currently marks the target down by its
 * health checks, else 0. A crashed checker forgets its marks, so nothing is marked on its links.
 */
export function markedDownLinks(world: World): Uint8Array {
  const out = new Uint8Array(world.links.count);
  for (let node = 0; node < world.models.length; node++) {
    const model: unknown = world.models[node];
    if (world.up[node] === 0 || !isHealthChecking(model)) continue;
    const links = model.checkedLinks;
    for (let b = 0; b < links.length; b++) if (model.markedUp[b] === 0) out[links[b]] = 1;
  }
  return out;
}
