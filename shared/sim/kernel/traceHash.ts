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

const platformIsLittleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const LOW_WORD = platformIsLittleEndian ? 0 : 1;
const HIGH_WORD = platformIsLittleEndian ? 1 : 0;
/** Events buffered before they are folded in. */
const BATCH = 512;

/**
 * Events are buffered and folded in batches: writing a float64 and reading its two words back
 * at once stalls on store forwarding, which per event cost more than the hashing itself. The
 * words and their order are the same, so the value is the same as hashing event by event.
 */
export class TraceHash {
  private fnvLane = FNV_OFFSET;
  private rotatingLane = ROTATING_SEED;
  private events = 0;
  private readonly times = new Float64Array(BATCH);
  private readonly timeWords = new Uint32Array(this.times.buffer);
  /** type, a, b of each buffered event. */
  private readonly words = new Int32Array(3 * BATCH);
  private buffered = 0;

  /** Folds one processed event into the hash. */
  addEvent(time: number, type: number, a: number, b: number): void {
    const index = this.buffered;
    this.times[index] = time;
    this.words[3 * index] = type;
    this.words[3 * index + 1] = a;
    this.words[3 * index + 2] = b;
    if (++this.buffered === BATCH) this.flush();
  }

  /** 16 lowercase hex digits. Finalised on read (the running state is untouched). */
  hex(): string {
    this.flush();
    const fnv = fmix32(this.fnvLane ^ this.events);
    const rotating = fmix32(this.rotatingLane ^ Math.imul(this.events, GOLDEN_RATIO_32) ^ fnv);
    return toHex32(fnv) + toHex32(rotating);
  }

  private flush(): void {
    const timeWords = this.timeWords;
    const words = this.words;
    let fnv = this.fnvLane;
    let rotating = this.rotatingLane;
    for (let index = 0; index < this.buffered; index++) {
      const low = timeWords[2 * index + LOW_WORD];
      const high = timeWords[2 * index + HIGH_WORD];
      const type = words[3 * index];
      const a = words[3 * index + 1];
      const b = words[3 * index + 2];
      fnv = Math.imul(fnv ^ low, FNV_PRIME);
      fnv = Math.imul(fnv ^ high, FNV_PRIME);
      fnv = Math.imul(fnv ^ type, FNV_PRIME);
      fnv = Math.imul(fnv ^ a, FNV_PRIME);
      fnv = Math.imul(fnv ^ b, FNV_PRIME);
      rotating = Math.imul(((rotating << 5) | (rotating >>> 27)) ^ low, GOLDEN_RATIO_32);
      rotating = Math.imul(((rotating << 5) | (rotating >>> 27)) ^ high, GOLDEN_RATIO_32);
      rotating = Math.imul(((rotating << 5) | (rotating >>> 27)) ^ type, GOLDEN_RATIO_32);
      rotating = Math.imul(((rotating << 5) | (rotating >>> 27)) ^ a, GOLDEN_RATIO_32);
      rotating = Math.imul(((rotating << 5) | (rotating >>> 27)) ^ b, GOLDEN_RATIO_32);
    }
    this.fnvLane = fnv;
    this.rotatingLane = rotating;
    this.events += this.buffered;
    this.buffered = 0;
  }
}

function toHex32(value: number): string {
  return (value >>> 0).toString(16).padStart(8, '0');
}
