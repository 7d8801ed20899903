/**
 * MurmurHash3's 32-bit finaliser (fmix32): every input bit flips about half the output bits, so
 * neighbouring inputs land far apart. One definition for everything in the engine that hashes
 * integers: stream seeds, the trace fingerprint, ring points, user and key hashes. Unsigned.
 */
export function fmix32(value: number): number {
  let h = value | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
