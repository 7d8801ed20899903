import type { ShardRouterConfig } from '../../../model/types';
import { fmix32 } from '../../random/fmix32';

/** FNV-1a of a string, mixed: a ring point for a shard's name, independent of the other shards. */
function hashName(name: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 0x01000193);
  return fmix32(h);
}

/**
 * Key → shard (DESIGN §3 `shard-router`) for shards named `names` (stable identities: the db
 * node ids) over a key space of `keySpace` keys:
 *  - `hash`: mix(key) mod n — adding a shard moves about n/(n+1) of the keys;
 *  - `range`: n equal contiguous ranges of [0, keySpace) — adding a shard re-cuts every range;
 *  - `consistent-hash`: `vnodes` points per shard on a 32-bit ring, a key belongs to the first
 *    point at or after its hash — adding a shard moves only what the new points take, ≈ 1/(n+1).
 */
export class ShardMap {
  private points = new Float64Array(0);
  private owners = new Int32Array(0);

  constructor(
    readonly scheme: ShardRouterConfig['scheme'],
    readonly names: readonly string[],
    readonly vnodes: number,
    readonly keySpace: number,
  ) {
    if (scheme === 'consistent-hash') this.buildRing();
  }

  get count(): number {
    return this.names.length;
  }

  shardOf(key: number): number {
    const n = this.names.length;
    if (n <= 1) return n === 1 ? 0 : -1;
    switch (this.scheme) {
      case 'hash':
        return fmix32(key) % n;
      case 'range': {
        const shard = Math.floor((key * n) / Math.max(1, this.keySpace));
        return shard < 0 ? 0 : shard >= n ? n - 1 : shard;
      }
      case 'consistent-hash':
        return this.ringOwner(fmix32(key));
    }
  }

  /** Keys of [0, keySpace) whose shard differs between this map and `other`. */
  movedTo(other: ShardMap): number {
    let moved = 0;
    for (let key = 0; key < this.keySpace; key++) {
      if (this.names[this.shardOf(key)] !== other.names[other.shardOf(key)]) moved++;
    }
    return moved;
  }

  /** The same map with one more shard named `name`. */
  withShard(name: string): ShardMap {
    return new ShardMap(this.scheme, [...this.names, name], this.vnodes, this.keySpace);
  }

  private buildRing(): void {
    const entries: [number, number][] = [];
    this.names.forEach((name, shard) => {
      for (let v = 0; v < this.vnodes; v++) entries.push([hashName(`${name}#${v}`), shard]);
    });
    entries.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    this.points = Float64Array.from(entries, (entry) => entry[0]);
    this.owners = Int32Array.from(entries, (entry) => entry[1]);
  }

  private ringOwner(hash: number): number {
    const points = this.points;
    let lo = 0;
    let hi = points.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (points[mid] < hash) lo = mid + 1;
      else hi = mid;
    }
    return this.owners[lo === points.length ? 0 : lo];
  }
}
