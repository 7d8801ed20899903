import type { LbAlgorithm } from '../../../model/types';
import type { RandomStream } from '../../random';
import { fmix32 } from '../../random/fmix32';

/** Virtual nodes per backend on the consistent-hash ring. */
const RING_VNODES = 100;

/**
 * Chooses a backend among those marked up (DESIGN §3 `lb.algorithm`). State (round-robin
 * position, smooth-weighted credits, the hash ring) lives here; connection counts are the
 * load balancer's. Returns a backend index, or -1 when none is marked up.
 */
export class BackendPicker {
  private next = 0;
  private readonly credit: Float64Array;
  /** The consistent-hash ring, built when first asked for (an lb of 8,000 backends spent seconds on it whatever its algorithm). */
  private ringPoints: Uint32Array | null = null;
  private ringBackends: Int32Array | null = null;

  constructor(
    public algorithm: LbAlgorithm,
    private readonly weights: Float64Array,
    private readonly rng: RandomStream,
  ) {
    this.credit = new Float64Array(weights.length);
  }

  /** Every backend's virtual nodes, ordered by point (ties by backend): it depends on nothing but the backend count. */
  private buildRing(): void {
    const n = this.weights.length;
    // point × 2^16 + backend (backends < 2^16, so < 2^48: exact as a double), sorted as numbers.
    const keys = new Float64Array(n * RING_VNODES);
    for (let b = 0; b < n; b++) for (let v = 0; v < RING_VNODES; v++) keys[b * RING_VNODES + v] = fmix32(fmix32(b + 1) ^ (v * 0x9e3779b1)) * 65536 + b;
    keys.sort();
    this.ringPoints = Uint32Array.from(keys, (key) => Math.floor(key / 65536));
    this.ringBackends = Int32Array.from(keys, (key) => key % 65536);
  }

  pick(up: Uint8Array, active: Int32Array, user: number): number {
    const n = up.length;
    if (n === 0) return -1;
    switch (this.algorithm) {
      case 'weighted':
        return this.smoothWeighted(up);
      case 'least-connections':
        return this.leastConnections(up, active);
      case 'random':
        return this.random(up);
      case 'ip-hash':
        return this.hashModUp(up, fmix32(user));
      case 'consistent-hash':
        return this.ring(up, fmix32(user));
      default:
        return this.roundRobin(up);
    }
  }

  private roundRobin(up: Uint8Array): number {
    const b = this.firstUpFrom(up, this.next);
    if (b >= 0) this.next = b + 1 === up.length ? 0 : b + 1;
    return b;
  }

  private firstUpFrom(up: Uint8Array, start: number): number {
    const n = up.length;
    for (let i = 0; i < n; i++) {
      const b = start + i < n ? start + i : start + i - n;
      if (up[b] === 1) return b;
    }
    return -1;
  }

  /**
   * The user's hash modulo the number of backends marked up, like HAProxy's map-based `balance
   * source`: while the set is stable a user always lands on the same backend, but when it changes
   * most users move — the problem consistent hashing solves (only the lost backend's users move).
   */
  private hashModUp(up: Uint8Array, hash: number): number {
    let count = 0;
    for (let b = 0; b < up.length; b++) count += up[b];
    if (count === 0) return -1;
    let k = hash % count;
    for (let b = 0; b < up.length; b++) {
      if (up[b] === 1 && k-- === 0) return b;
    }
    return -1;
  }

  /** nginx's smooth weighted round-robin: deterministic, evenly interleaved by weight. */
  private smoothWeighted(up: Uint8Array): number {
    let best = -1;
    let total = 0;
    for (let b = 0; b < up.length; b++) {
      if (up[b] === 0) continue;
      this.credit[b] += this.weights[b];
      total += this.weights[b];
      if (best < 0 || this.credit[b] > this.credit[best]) best = b;
    }
    if (best >= 0) this.credit[best] -= total;
    return best;
  }

  /** Fewest open connections; ties broken round-robin so equal backends share the load. */
  private leastConnections(up: Uint8Array, active: Int32Array): number {
    const n = up.length;
    let best = -1;
    for (let i = 0; i < n; i++) {
      const b = this.next + i < n ? this.next + i : this.next + i - n;
      if (up[b] === 1 && (best < 0 || active[b] < active[best])) best = b;
    }
    if (best >= 0) this.next = best + 1 === n ? 0 : best + 1;
    return best;
  }

  private random(up: Uint8Array): number {
    let count = 0;
    for (let b = 0; b < up.length; b++) count += up[b];
    if (count === 0) return -1;
    let k = this.rng.int(count);
    for (let b = 0; b < up.length; b++) {
      if (up[b] === 1 && k-- === 0) return b;
    }
    return -1;
  }

  /** First ring point at or after the user's hash whose backend is up. */
  private ring(up: Uint8Array, point: number): number {
    if (this.ringPoints === null) this.buildRing();
    const points = this.ringPoints!;
    const backends = this.ringBackends!;
    let lo = 0;
    let hi = points.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (points[mid] < point) lo = mid + 1;
      else hi = mid;
    }
    for (let i = 0; i < points.length; i++) {
      const b = backends[(lo + i) % points.length];
      if (up[b] === 1) return b;
    }
    return -1;
  }
}
