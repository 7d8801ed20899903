import { xoroshiro128plusFromState } from 'pure-rand/generator/xoroshiro128plus';
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';
import { deriveStreamState } from './streamSeed';

/** A seeded source of uniform randomness. Every random choice in the simulation draws from one. */
export interface RandomStream {
  /** Uniform in [0, 1), a multiple of 2^-53 (53 random bits). */
  next(): number;
  /** Uniform integer in [0, n) for an integer 1 ≤ n ≤ 2^32. */
  int(n: number): number;
}

const TWO_POW_26 = 67108864;
const TWO_POW_MINUS_53 = 1 / 9007199254740992;

/**
 * Backed by pure-rand's xoroshiro128+ (mutable in place since pure-rand 7, so a draw allocates
 * nothing). Floats are built from the *high* bits of two outputs (27 + 26 bits, as in the
 * reference genrand_res53): the low bits of a "+" generator are its weakest (bit 0 is a plain
 * linear feedback shift register), so neither `next` nor `int` ever relies on them.
 */
class XoroshiroStream implements RandomStream {
  constructor(private readonly generator: RandomGenerator) {}

  next(): number {
    const high27 = this.generator.next() >>> 5;
    const low26 = this.generator.next() >>> 6;
    return (high27 * TWO_POW_26 + low26) * TWO_POW_MINUS_53;
  }

  int(n: number): number {
    // floor(u·n) with 53-bit u: the bias is at most n / 2^53 (≤ 5e-7 for n = 2^32), far below
    // anything a simulation can observe, and it costs no rejection loop.
    return Math.floor(this.next() * n);
  }
}

/**
 * The stream named `streamName` (usually a node id) under the file's `seed`. The generator
 * state is a hash of both, so each name gets its own independent sequence and adding or
 * removing a node never changes what the others draw (DESIGN §3).
 */
export function createStream(seed: number, streamName: string): RandomStream {
  return new XoroshiroStream(xoroshiro128plusFromState(deriveStreamState(seed, streamName)));
}
