/**
 * Network partitions: each node gets the number of the group it is in (or -1 when no group
 * names it). A message between two nodes in *different* groups is dropped; nodes that no group
 * names keep talking to everyone. Several `partition` events accumulate (the later one wins for a
 * node it names); `heal` removes them all.
 */
export class Partitions {
  readonly groupOf: Int32Array;
  active = false;

  constructor(nodeCount: number) {
    this.groupOf = new Int32Array(nodeCount).fill(-1);
  }

  /** `groups` resolved to node indices. */
  apply(groups: number[][], groupBase: number): void {
    groups.forEach((members, g) => {
      for (const node of members) this.groupOf[node] = groupBase + g;
    });
    if (groups.length > 0) this.active = true;
  }

  heal(): void {
    this.groupOf.fill(-1);
    this.active = false;
  }

  separates(a: number, b: number): boolean {
    if (!this.active) return false;
    const ga = this.groupOf[a];
    const gb = this.groupOf[b];
    return ga >= 0 && gb >= 0 && ga !== gb;
  }
}
