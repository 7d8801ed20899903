import { grow } from '../../engine/growable';

/** Keys below this live in a direct array (client key spaces are 0..count−1); larger ones in a Map. */
const DIRECT_KEYS = 1 << 22;

/**
 * What one database holds: key → version of the newest write applied (0 = never written).
 * Allocation-free for client keys; `size` is the report's `keys`.
 */
export class VersionStore {
  /** Versions are < 2^32 (World.nextVersion), so 4 bytes a key: half the cache footprint of float64. */
  private direct = new Uint32Array(1024);
  private readonly far = new Map<number, number>();
  size = 0;

  get(key: number): number {
    if (key >= 0 && key < DIRECT_KEYS) return key < this.direct.length ? this.direct[key] : 0;
    return this.far.get(key) ?? 0;
  }

  /** Keeps `version` if it is newer than what is held (last write wins); true if it was applied. */
  apply(key: number, version: number): boolean {
    if (key >= 0 && key < DIRECT_KEYS) {
      if (key >= this.direct.length) {
        let length = this.direct.length;
        while (length <= key) length *= 2;
        this.direct = grow(this.direct, length);
      }
      const held = this.direct[key];
      if (version <= held) return false;
      if (held === 0) this.size++;
      this.direct[key] = version;
      return true;
    }
    const held = this.far.get(key) ?? 0;
    if (version <= held) return false;
    if (held === 0) this.size++;
    this.far.set(key, version);
    return true;
  }

  /** Calls `visit` with every key held and its version (direct keys in key order, then the others). */
  forEach(visit: (key: number, version: number) => void): void {
    const direct = this.direct;
    for (let key = 0; key < direct.length; key++) if (direct[key] > 0) visit(key, direct[key]);
    for (const [key, version] of this.far) visit(key, version);
  }

  /** Replaces the contents with a copy of `other` (a replica re-syncing from a snapshot). */
  copyFrom(other: VersionStore): void {
    this.direct = other.direct.slice();
    this.far.clear();
    for (const [key, version] of other.far) this.far.set(key, version);
    this.size = other.size;
  }
}
