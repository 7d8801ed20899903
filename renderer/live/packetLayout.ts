import { PACKET_FLOATS } from '../../shared/sim/session/protocol';
import { isFailure, packetColor, packetOutcomeOf } from './packetStyle';
import { aggregationStride } from './visualTime';

/** Floats per link in a geometry buffer: start x, y, end x, y (world pixels). */
export const LINK_GEOMETRY_FLOATS = 4;

/** Where one frame's packets go on screen, in reused typed arrays (no per-frame allocation). */
export class PacketLayout {
  x = new Float32Array(0);
  y = new Float32Array(0);
  color = new Uint32Array(0);
  /** 1 for an ordinary packet; larger for failures (the burst) and aggregated particles. */
  scale = new Float32Array(0);
  alpha = new Float32Array(0);
  /** Particles laid out by the last `layout`. */
  count = 0;
  /** Packets each drawn particle stands for (1 below the cap). */
  stride = 1;
  /** Per link: failed answers on it in this frame (they burst; flow density comes from the frame's linkRates). */
  failuresOnLink = new Float32Array(0);

  constructor(readonly cap: number) {}

  private ensure(particles: number, links: number): void {
    if (this.x.length < particles) {
      const size = Math.max(particles, Math.ceil(this.x.length * 1.5), 64);
      this.x = new Float32Array(size);
      this.y = new Float32Array(size);
      this.color = new Uint32Array(size);
      this.scale = new Float32Array(size);
      this.alpha = new Float32Array(size);
    }
    if (this.failuresOnLink.length !== links) this.failuresOnLink = new Float32Array(links);
  }

  /**
   * Lays out `count` packets (PACKET_FLOATS each) on links whose geometry is in `geometry` and
   * whose `linkWeight` (0 = flow only, 1 = packets only) says how visible individual packets are.
   * Packets on unknown links or fully flow-drawn links are counted but not laid out.
   */
  layout(packets: Float32Array, count: number, geometry: Float32Array, linkWeight: Float32Array): void {
    const links = linkWeight.length;
    this.failuresOnLink.fill(0);
    this.ensure(Math.min(count, this.cap), links);
    let visible = 0;
    for (let p = 0; p < count; p++) {
      const o = p * PACKET_FLOATS;
      const link = packets[o];
      if (link < 0 || link >= links) continue;
      const outcome = packets[o + 3];
      if (outcome !== 0 && isFailure(packetOutcomeOf(outcome))) this.failuresOnLink[link]++;
      if (linkWeight[link] > 0) visible++;
    }
    const stride = aggregationStride(visible, this.cap);
    this.ensure(Math.min(visible, this.cap), links);
    const aggregateScale = Math.min(3, Math.sqrt(stride));
    let drawn = 0;
    let seen = 0;
    for (let p = 0; p < count && drawn < this.cap; p++) {
      const o = p * PACKET_FLOATS;
      const link = packets[o];
      if (link < 0 || link >= links || !(linkWeight[link] > 0)) continue;
      if (seen++ % stride !== 0) continue;
      const g = link * LINK_GEOMETRY_FLOATS;
      const along = Math.min(1, Math.max(0, packets[o + 1]));
      this.x[drawn] = geometry[g] + (geometry[g + 2] - geometry[g]) * along;
      this.y[drawn] = geometry[g + 1] + (geometry[g + 3] - geometry[g + 1]) * along;
      const outcome = packets[o + 3];
      this.color[drawn] = packetColor(packets[o + 2], outcome);
      const failed = outcome !== 0 && isFailure(packetOutcomeOf(outcome));
      this.scale[drawn] = (failed ? 1.6 : 1) * aggregateScale;
      this.alpha[drawn] = linkWeight[link];
      drawn++;
    }
    this.count = drawn;
    this.stride = stride;
  }
}
