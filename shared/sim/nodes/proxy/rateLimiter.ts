import type { RateLimitConfig } from '../../../model/types';

/**
 * Token buckets (DESIGN §3 proxy `rateLimit`): a bucket holds at most `burst` tokens and refills
 * at `rps` tokens per second; a request takes one token or is refused. `per: user` keeps one
 * bucket per (client, user) — created full on a user's first request — and `per: global` one for
 * everybody. Refill is computed on demand from the time of the bucket's last use: no timers.
 */
export class RateLimiter {
  private config: RateLimitConfig;
  private globalTokens = 0;
  private globalLastMs = 0;
  /** (client, user) → bucket slot. */
  private readonly slotOf = new Map<number, number>();
  private tokens = new Float64Array(256);
  private lastMs = new Float64Array(256);

  constructor(config: RateLimitConfig) {
    this.config = config;
    this.reset();
  }

  get enabled(): boolean {
    return this.config.rps > 0;
  }

  /** Takes a token for this user's request at `nowMs`; false means "429". */
  allow(client: number, user: number, nowMs: number): boolean {
    if (!this.enabled) return true;
    if (this.config.per === 'global') {
      this.globalTokens = this.refill(this.globalTokens, this.globalLastMs, nowMs);
      this.globalLastMs = nowMs;
      if (this.globalTokens < 1) return false;
      this.globalTokens -= 1;
      return true;
    }
    // Client indices are < 2^16 and user ids < 2^32: the pair is an exact double.
    const id = client * 0x1_0000_0000 + user;
    let slot = this.slotOf.get(id);
    if (slot === undefined) {
      slot = this.slotOf.size;
      this.slotOf.set(id, slot);
      if (slot === this.tokens.length) this.grow();
      this.tokens[slot] = this.capacity;
      this.lastMs[slot] = nowMs;
    }
    const tokens = this.refill(this.tokens[slot], this.lastMs[slot], nowMs);
    this.lastMs[slot] = nowMs;
    if (tokens < 1) {
      this.tokens[slot] = tokens;
      return false;
    }
    this.tokens[slot] = tokens - 1;
    return true;
  }

  /**
   * The limit from `nowMs` on (a config edit). Buckets refill lazily, at the rate read when they are
   * next used, so each is first brought up to `nowMs` at the old rate: otherwise the time since its
   * last use would refill at the new one (a bucket above a lowered burst is cut to it when next
   * refilled).
   * A new `per` splits the traffic differently, and a limit switched on had no bucket drawn from
   * while it was off: both start with full buckets.
   */
  setConfig(config: RateLimitConfig, nowMs: number): void {
    const fresh = config.per !== this.config.per || !this.enabled;
    if (!fresh) {
      this.globalTokens = this.refill(this.globalTokens, this.globalLastMs, nowMs);
      this.globalLastMs = nowMs;
      for (let slot = 0; slot < this.slotOf.size; slot++) {
        this.tokens[slot] = this.refill(this.tokens[slot], this.lastMs[slot], nowMs);
        this.lastMs[slot] = nowMs;
      }
    }
    this.config = config;
    if (fresh) this.reset();
  }

  /** Forget every bucket (a restarted proxy starts with full buckets). */
  reset(): void {
    this.globalTokens = this.capacity;
    this.globalLastMs = 0;
    this.slotOf.clear();
  }

  /** A bucket that cannot hold one token would refuse everything; `burst` < 1 means 1. */
  private get capacity(): number {
    return Math.max(1, this.config.burst);
  }

  private refill(tokens: number, lastMs: number, nowMs: number): number {
    const refilled = tokens + ((nowMs - lastMs) * this.config.rps) / 1000;
    return refilled < this.capacity ? refilled : this.capacity;
  }

  private grow(): void {
    const tokens = new Float64Array(this.tokens.length * 2);
    tokens.set(this.tokens);
    this.tokens = tokens;
    const lastMs = new Float64Array(this.lastMs.length * 2);
    lastMs.set(this.lastMs);
    this.lastMs = lastMs;
  }
}
