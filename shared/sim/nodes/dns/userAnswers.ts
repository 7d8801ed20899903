/**
 * The DNS answers a client's users hold (each user's own resolver cache): per user the answered
 * node and when the record's TTL runs out. Until then the user sends there without asking again,
 * whether or not that node still lives — the DNS-TTL lesson.
 */
export class UserAnswers {
  private node = new Int32Array(0);
  private expiresMs = new Float64Array(0);

  /** Sized for `users` users (0 for a client without DNS), all empty. */
  reset(users: number): void {
    if (this.node.length !== users) {
      this.node = new Int32Array(users);
      this.expiresMs = new Float64Array(users);
    }
    this.node.fill(-1);
    this.expiresMs.fill(0);
  }

  /** The user's cached answer (a node index), or -1 when none is fresh at `nowMs`. */
  get(user: number, nowMs: number): number {
    return this.expiresMs[user] > nowMs ? this.node[user] : -1;
  }

  set(user: number, node: number, expiresMs: number): void {
    this.node[user] = node;
    this.expiresMs[user] = expiresMs;
  }
}
