/**
 * Network partitions in force. Each `partition` event is one more fault: a message between two
 * nodes it puts in *different* groups is dropped; nodes it does not name keep talking to
 * everyone. Partitions add up, as cuts do — a later partition does not reconnect what an earlier
 * one split (DESIGN §3: `heal` ends them all, and only `heal` does) — and the live view draws each
 * one's fault line the same way (renderer/live/activeFaults.ts).
 */
export class Partitions {
  /** Per partition in force: node index → its group's number in that partition. */
  private readonly inForce: Map<number, number>[] = [];
  active = false;

  /** One partition: `groups` resolved to node indices. */
  apply(groups: number[][]): void {
    if (groups.length === 0) return;
    const groupOf = new Map<number, number>();
    groups.forEach((members, g) => {
      for (const node of members) groupOf.set(node, g);
    });
    this.inForce.push(groupOf);
    this.active = true;
  }

  heal(): void {
    this.inForce.length = 0;
    this.active = false;
  }

  separates(a: number, b: number): boolean {
    if (!this.active) return false;
    for (const groupOf of this.inForce) {
      const ga = groupOf.get(a);
      if (ga === undefined) continue;
      const gb = groupOf.get(b);
      if (gb !== undefined && gb !== ga) return true;
    }
    return false;
  }
}
