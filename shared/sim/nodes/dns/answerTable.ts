import type { FaultlineDocument } from '../../../model/types';
import { regionDelayMs } from '../../../model/defaults';
import type { World } from '../../engine/world';

/**
 * What the latency and geo policies need to know about each (asking client, record) pair,
 * precomputed for every client in the world: the client's own link to the record's node (its
 * current latency is what that client would see — `degrade` included) and the region-to-region
 * delay for clients without such a link; and whether both sit in the same region.
 */
export class AnswerTable {
  private readonly recordCount: number;
  private readonly clientLink: Int32Array;
  private readonly regionDelay: Float64Array;
  private readonly sameRegion: Uint8Array;

  constructor(
    private readonly world: World,
    document: FaultlineDocument,
    records: readonly number[],
  ) {
    const nodes = world.nodeIds.length;
    const n = records.length;
    this.recordCount = n;
    this.clientLink = new Int32Array(nodes * n).fill(-1);
    this.regionDelay = new Float64Array(nodes * n);
    this.sameRegion = new Uint8Array(nodes * n);
    const links = world.links;
    const regionOf = (node: number): string | undefined => document.nodes[world.nodeIds[node]].region;
    for (let client = 0; client < nodes; client++) {
      if (world.isClient[client] === 0) continue;
      for (let r = 0; r < n; r++) {
        const target = links.to[records[r]];
        const cell = client * n + r;
        this.regionDelay[cell] = regionDelayMs(document, regionOf(client), regionOf(target));
        this.sameRegion[cell] = regionOf(client) === regionOf(target) ? 1 : 0;
        for (let l = 0; l < links.count; l++) {
          if (links.from[l] === client && links.to[l] === target && links.replication[l] === 0) {
            this.clientLink[cell] = l;
            break;
          }
        }
      }
    }
  }

  /** One-way network delay from `client` to record `r`'s node. */
  latencyMs(client: number, r: number): number {
    const cell = client * this.recordCount + r;
    const link = this.clientLink[cell];
    return link >= 0 ? this.world.links.latencyMs[link] : this.regionDelay[cell];
  }

  /** Geo distance: 0 in the client's own region, else the region-to-region delay. */
  geoDistance(client: number, r: number): number {
    const cell = client * this.recordCount + r;
    return this.sameRegion[cell] === 1 ? 0 : this.regionDelay[cell];
  }
}
