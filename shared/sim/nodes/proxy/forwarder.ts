import type { World } from '../../engine/world';
import type { DeadlineQueue } from '../../engine/deadlineQueue';
import { LB_UPSTREAM_TIMEOUT_MS } from '../lb';

/**
 * The "pass it on and relay the answer" half of a node that sits in the request path (proxy,
 * CDN): it sends a child call upstream and guards the parent with an upstream timeout, so a lost
 * upstream message never holds the parent (and its call slot) forever.
 */
export class Forwarder {
  private readonly timeouts: DeadlineQueue;

  constructor(
    private readonly world: World,
    /** The parent waited {@link LB_UPSTREAM_TIMEOUT_MS} in vain (a late answer is already stale). */
    onTimeout: (call: number) => void,
    /**
     * The user gave up first (see World.upstreamWaitMs): release what the parent holds and free
     * it, without an answer.
     */
    onAbandoned: (call: number) => void,
  ) {
    const calls = world.calls;
    this.timeouts = world.createDeadlineQueue(
      world.callStillWaiting,
      (call) => {
        calls.bump(call);
        if (world.callerWaits(call)) onTimeout(call);
        else onAbandoned(call);
      },
    );
  }

  /** Sends a child of `call` with `op` over `link`, `afterMs` from now. */
  forward(call: number, link: number, op: number, afterMs: number): void {
    const world = this.world;
    const calls = world.calls;
    const gen = calls.gen[call];
    const child = calls.alloc(call, gen, calls.req[call], link, op);
    world.callData.unknownVersion(child);
    this.timeouts.push(call, gen, world.now + afterMs + world.upstreamWaitMs(call, LB_UPSTREAM_TIMEOUT_MS));
    world.sendRequest(child, afterMs);
  }

  /**
   * An upstream answer arrived: frees the child and returns its parent if that still waits (its
   * timeout is then stale), else -1. Read the child's status before calling this.
   */
  settle(child: number): number {
    const world = this.world;
    const calls = world.calls;
    const parent = calls.parent[child];
    const waits = world.parentWaits(child);
    // The version the upstream answered with travels back with the answer (a caching proxy keeps it).
    if (waits) world.callData.relayVersion(child, parent);
    calls.free(child);
    if (!waits) return -1;
    calls.bump(parent);
    return parent;
  }

  /** The node crashed: nothing it held is waited for any more. */
  clear(): void {
    this.timeouts.clear();
  }
}
