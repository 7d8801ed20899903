/**
 * A running hash of the processed event trace, so two runs can be compared for determinism
 * with one string (same file + same seed ⇒ same fingerprint, in every host; DESIGN §3).
 *
 * Two 32-bit lanes over the words of each event — FNV-1a on whole words, and a
 * rotate-xor-multiply lane whose rotation carries high bits down (FNV alone only propagates
 * differences upwards) — then MurmurHash3's fmix32 when read. Only Math.imul, shifts and xor:
 * exact integer arithmetic in every JavaScript engine, so the result does not depend on the
 * host. One multiply per word per lane keeps it to a few percent of the kernel's time. Times
 * are hashed by their IEEE-754 bits, in a fixed (low word first) order whatever the
 * platform's byte order.
 */
import { fmix32 } from '../random/fmix32';

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const ROTATING_SEED = 0x9747b28c;
const GOLDEN_RATIO_32 = 0x9e3779b1;

const timeBits = new Float64Array(1);
const timeWords = new Uint32Array(timeBits.buffer);
const platformIsLittleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const LOW_WORD = platformIsLittleEndian ? 0 : 1;
const HIGH_WORD = platformIsLittleEndian ? 1 : 0;

export class TraceHash {
  private fnvLane = FNV_OFFSET;
  private rotatingLane = ROTATING_SEED;
  private events = 0;

  /** Folds one processed event into the hash. */
  addEvent(time: number, type: number, a: number, b: number): void {
    timeBits[0] = time;
    const low = timeWords[LOW_WORD];
    const high = timeWords[HIGH_WORD];
    let fnv = this.fnvLane;
    fnv = Math.imul(fnv ^ low, FNV_PRIME);
    fnv = Math.imul(fnv ^ high, FNV_PRIME);
    fnv = Math.imul(fnv ^ type, FNV_PRIME);
    fnv = Math.imul(fnv ^ a, FNV_PRIME);
    this.fnvLane = Math.imul(fnv ^ b, FNV_PRIME);
    let rotating = this.rotatingLane;
    rotating = Math.imul(((rotating << 5) | (rotating >>> 27)) ^ low, GOLDEN_RATIO_32);
    rotating = Math.imul(((rotating << 5) | (rotating >>> 27)) ^ high, GOLDEN_RATIO_32);
    rotating = Math.imul(((rotating << 5) | (rotating >>> 27)) ^ type, GOLDEN_RATIO_32);
    rotating = Math.imul(((rotating << 5) | (rotating >>> 27)) ^ a, GOLDEN_RATIO_32);
    this.rotatingLane = Math.imul(((rotating << 5) | (rotating >>> 27)) ^ b, GOLDEN_RATIO_32);
    this.events++;
  }

  /** 16 lowercase hex digits. Finalised on read (the running state is untouched). */
  hex(): string {
    const fnv = fmix32(this.fnvLane ^ this.events);
    const rotating = fmix32(this.rotatingLane ^ Math.imul(this.events, GOLDEN_RATIO_32) ^ fnv);
    return toHex32(fnv) + toHex32(rotating);
  }
}

function toHex32(value: number): string {
  return (value >>> 0).toString(16).padStart(8, '0');
}
