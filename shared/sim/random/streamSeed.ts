/**
 * Turns (seed, stream name) into a 128-bit generator state.
 *
 * Four MurmurHash3-style lanes with different initial values hash the same words (seed low
 * and high halves, name length, the name's UTF-16 code units), each finished with fmix32.
 * Any change in seed or name flips about half of every lane's bits, so neighbouring seeds and
 * similar names ("app1", "app2") start far apart in the generator's state space. The state is
 * never all zeros (the one state xoroshiro cannot leave).
 */
import { fmix32 } from './fmix32';

const LANE_INITIAL_VALUES: readonly number[] = [0x243f6a88, 0x85a308d3, 0x13198a2e, 0x03707344];
const MURMUR_C1 = 0xcc9e2d51;
const MURMUR_C2 = 0x1b873593;

export function deriveStreamState(seed: number, streamName: string): number[] {
  if (!Number.isSafeInteger(seed) || seed < 0) {
    throw new RangeError(`random seed must be an integer ≥ 0 (got ${seed})`);
  }
  const seedLow = seed >>> 0;
  const seedHigh = Math.floor(seed / 4294967296) >>> 0;
  const state = LANE_INITIAL_VALUES.map((initial): number => {
    let lane: number = initial;
    lane = mixWord(lane, seedLow);
    lane = mixWord(lane, seedHigh);
    lane = mixWord(lane, streamName.length);
    for (let index = 0; index < streamName.length; index++) lane = mixWord(lane, streamName.charCodeAt(index));
    return fmix32(lane) | 0;
  });
  if (state.every((word): boolean => word === 0)) state[0] = 1;
  return state;
}

function mixWord(lane: number, word: number): number {
  let k = Math.imul(word, MURMUR_C1);
  k = (k << 15) | (k >>> 17);
  k = Math.imul(k, MURMUR_C2);
  let h = lane ^ k;
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

