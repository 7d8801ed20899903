import type { NodeKind } from '../../model/types';
import { MAX_LINKS, MAX_NODES } from '../../model/limits';
import type { Kernel } from '../kernel';
import { createStream, createZipf, type RandomStream, type ZipfSampler } from '../random';
import type { LinkTable } from '../network/linkTable';
import type { Partitions } from '../network/partitions';
import type { NodeModel } from '../nodes/nodeModel';
import { RequestMetrics } from '../metrics/requestMetrics';
import { CallTable } from './callTable';
import { RequestTable, REQ_LOST } from './requestTable';
import { DeadlineQueue, type ExpireHandler, type WaiterCheck } from './deadlineQueue';
import { SecondSeries } from './secondSeries';
import { CallData } from './callData';
import { Consistency } from './consistency';
import {
  OP_PROBE,
  OP_REPLICATE,
  REQUEST_BYTES,
  RESPONSE_BYTES,
  STATE_AT_CALLEE,
  STATE_REQUEST_HELD,
  STATE_REQUEST_WIRE,
  STATE_RESPONSE_HELD,
  STATE_RESPONSE_WIRE,
  STATUS_OK,
  isSuccess,
} from './codes';

/**
 * How long a replica waits before sending a lost replication acknowledgement again (TCP's
 * retransmission, in round numbers; the file format has no such field).
 */
export const ACK_RETRANSMIT_MS = 1000;

const KIND_OTHER = 0;
const KIND_CLIENT = 1;
const KIND_APP = 2;
const KIND_LB = 3;
const KIND_PROXY = 4;
const KIND_CACHE = 5;
const KIND_DB = 6;
const KIND_CDN = 7;
const KIND_DNS = 8;
const KIND_ROUTER = 9;
const KIND_CODES: Partial<Record<NodeKind, number>> = {
  client: KIND_CLIENT,
  app: KIND_APP,
  lb: KIND_LB,
  proxy: KIND_PROXY,
  cache: KIND_CACHE,
  db: KIND_DB,
  cdn: KIND_CDN,
  dns: KIND_DNS,
  'shard-router': KIND_ROUTER,
};

/** A health check marked the target of `link` down (or up again) at `timeMs`. */
export interface HealthMark {
  timeMs: number;
  link: number;
  down: boolean;
}

/** A database cluster's failover: `successor` took over as primary from `lost`, at `timeMs`. */
export interface FailoverMark {
  timeMs: number;
  lost: number;
  successor: number;
}

/**
 * A load balancer HA pair's address changing hands at `timeMs`: `holder` (the standby, or the
 * active again) holds the address of `active` from then on.
 */
export interface AddressMark {
  timeMs: number;
  active: number;
  holder: number;
}

/** A random crash (`down`) or repair of a node with `mtbfS` / `mttrS`, at `timeMs`. */
export interface RandomFailureMark {
  timeMs: number;
  node: number;
  down: boolean;
}

/** Handler of a node-owned timer; `token` is whatever the owner scheduled it with. */
export type TimerHandler = (token: number) => void;

/**
 * Everything a node model can reach: the clock, the request and call tables, the links, the
 * other nodes' liveness, and the few shared event types. It owns message transport (send,
 * loss, cut, partition, arrival at a crashed node) so that models only decide what to send.
 *
 * Event payloads are always (slot, generation) or (owner id, token) integers: nothing is
 * allocated per event and nothing closes over a request.
 */
export class World {
  readonly calls = new CallTable();
  readonly requests = new RequestTable();
  readonly metrics = new RequestMetrics();
  /** Keys and versions of calls that carry no client request (replication, jobs, flushes). */
  readonly callData = new CallData();
  /** Stale reads, lost writes, lost sessions (DESIGN §3 consistency bookkeeping). */
  readonly consistency = new Consistency(this.calls, this.requests, this.metrics.tallies);
  readonly models: NodeModel[] = [];
  readonly up: Uint8Array;
  /**
   * How long each node waits for an answer to a call it sends (an app's downstreamTimeoutMs, a
   * worker's db timeout); Infinity for nodes that wait as long as their own caller (clients have
   * the request's deadline instead). Kept by the models.
   */
  readonly callerWaitMs: Float64Array;
  readonly isClient: Uint8Array;
  /** Node kind as a small integer, for {@link World.deliverRequest}'s switch. */
  private readonly kindCode: Uint8Array;
  /**
   * Whose model receives requests sent to node i's address: i itself, unless an HA peer took the
   * address over (lb `ha`). Responses and link state still follow the link as drawn.
   */
  readonly addressOf: Int32Array;
  /** Down time per simulated second, for `downS`. */
  readonly downMs: SecondSeries[];
  private readonly downSinceMs: Float64Array;
  /**
   * Every change of a health check's mind, in order: the link (checker → target) and whether the
   * target is now marked down. The live event log shows them at their exact simulated time.
   */
  readonly healthMarks: HealthMark[] = [];
  /** Failovers in the order they happened (the event log shows them; no kernel event of their own). */
  readonly failoverMarks: FailoverMark[] = [];
  /** HA takeovers and hand-backs, in order (the event log's). */
  readonly addressMarks: AddressMark[] = [];
  /** Random crashes and repairs (`mtbfS` / `mttrS`) in order: not scenario events, yet the event log shows them. */
  readonly randomFailureMarks: RandomFailureMark[] = [];
  /** Client requests created / finished (with an outcome). In flight = generated − finished. */
  generated = 0;
  finished = 0;
  /** Longest a client request can live (timeouts, retries, backoff), maximum over clients and time. */
  maxRequestLifetimeMs = 0;
  /** Client requests stop being generated at this time (ms). */
  stopGeneratingMs: number;
  /**
   * The end of the run (ms). Afterwards only the requests still in flight are followed to their
   * outcome: no scenario event and no random failure happens any more.
   */
  readonly endMs: number;
  /**
   * Time servers book ahead (a database's or cache's busy and queue time, FifoServers) is kept up
   * to here: the end of the run's last second and one more, the last a live frame or a check
   * reads. A job outlasting the run books no seconds after it.
   */
  readonly bookingHorizonMs: number;

  readonly messageEvent: number;
  readonly serviceEvent: number;
  readonly deadlineEvent: number;
  readonly timerEvent: number;
  readonly retryEvent: number;
  private readonly ackRetransmitEvent: number;
  /** A held message leaves (World.hold): judged in full then (cut, partition, loss, delay). */
  private readonly departEvent: number;
  /** A message caught waiting to leave by a cut or partition leaves: its loss and delay were drawn at hand-over. */
  private readonly resumeEvent: number;
  private readonly deadlineQueues: DeadlineQueue[] = [];
  /**
   * The usual deadline-ring waiter check — "the call is still at its callee in generation gen" —
   * as ONE function shared by every ring that waits on calls (app, lb, router, proxy, db, worker).
   * Each node writing its own identical arrow made the rings' `isWaiting` call site megamorphic;
   * with one shared function it sees ≤ 3 targets (this, the client's, the queue's) and inlines.
   */
  readonly callStillWaiting: WaiterCheck = (call, gen) => this.calls.gen[call] === gen && this.calls.state[call] === STATE_AT_CALLEE;
  private readonly timers: TimerHandler[] = [];
  private readonly zipfs = new Map<string, ZipfSampler>();

  constructor(
    readonly kernel: Kernel,
    readonly seed: number,
    readonly nodeIds: readonly string[],
    readonly nodeKinds: readonly NodeKind[],
    readonly links: LinkTable,
    readonly partitions: Partitions,
    durationMs: number,
  ) {
    const n = nodeIds.length;
    // Node indices (a request's client, a write's primary, a cluster) and link indices are kept in
    // 16 bits per request and per call; the loader refuses larger designs.
    if (n > MAX_NODES) throw new RangeError(`A design can have at most ${MAX_NODES} nodes; this one has ${n}.`);
    if (links.from.length > MAX_LINKS) throw new RangeError(`A design can have at most ${MAX_LINKS} links; this one has ${links.from.length}.`);
    this.up = new Uint8Array(n).fill(1);
    this.callerWaitMs = new Float64Array(n).fill(Infinity);
    this.isClient = new Uint8Array(n);
    this.addressOf = Int32Array.from({ length: n }, (_, i) => i);
    nodeKinds.forEach((kind, i) => (this.isClient[i] = kind === 'client' ? 1 : 0));
    this.kindCode = Uint8Array.from(nodeKinds, (kind) => KIND_CODES[kind] ?? KIND_OTHER);
    this.downMs = nodeIds.map(() => new SecondSeries());
    this.downSinceMs = new Float64Array(n);
    this.stopGeneratingMs = durationMs;
    this.endMs = durationMs;
    this.bookingHorizonMs = (Math.ceil(durationMs / 1000) + 1) * 1000;
    this.messageEvent = kernel.register((call, gen) => this.onMessage(call, gen), 'message');
    this.serviceEvent = kernel.register((call, gen) => this.onService(call, gen), 'service');
    this.deadlineEvent = kernel.register((queue, timerGen) => this.deadlineQueues[queue].fire(timerGen), 'deadline');
    this.timerEvent = kernel.register((owner, token) => this.timers[owner](token), 'timer');
    this.retryEvent = kernel.register((req, gen) => this.models[this.requests.client[req]].onRetry?.(req, gen), 'retry');
    this.ackRetransmitEvent = kernel.register((call, gen) => this.onAckRetransmit(call, gen), 'ack-retransmit');
    this.departEvent = kernel.register((call, gen) => this.onDepart(call, gen), 'depart');
    this.resumeEvent = kernel.register((call, gen) => this.onResume(call, gen), 'resume');
  }

  /** Independent random stream for `name` under the run's seed (DESIGN §3). */
  stream(name: string): RandomStream {
    return createStream(this.seed, name);
  }

  get now(): number {
    return this.kernel.now;
  }

  /** Client requests between creation and final outcome. */
  get inFlight(): number {
    return this.generated - this.finished;
  }

  /**
   * The Zipf sampler for (key count, exponent), built once per run and shared by every client with
   * that key space. Its tables are megabytes (cumulative + guide: 1.3 MB for 100k keys); one copy
   * per client crowded them out of the CPU cache. Sampling is a pure function of the client's own
   * stream, so sharing changes no draw.
   */
  zipf(count: number, exponent: number): ZipfSampler {
    const name = `${count}/${exponent}`;
    let sampler = this.zipfs.get(name);
    if (sampler === undefined) {
      sampler = createZipf(count, exponent);
      this.zipfs.set(name, sampler);
    }
    return sampler;
  }

  noteHealthMark(link: number, down: boolean): void {
    this.healthMarks.push({ timeMs: this.kernel.now, link, down });
  }

  noteFailover(lost: number, successor: number): void {
    this.failoverMarks.push({ timeMs: this.kernel.now, lost, successor });
  }

  /** Gives `active`'s address to `holder` (an HA takeover or hand-back), and notes it for the log. */
  moveAddress(active: number, holder: number): void {
    if (this.addressOf[active] === holder) return;
    this.addressOf[active] = holder;
    this.addressMarks.push({ timeMs: this.kernel.now, active, holder });
  }

  noteRandomFailure(node: number, down: boolean): void {
    this.randomFailureMarks.push({ timeMs: this.kernel.now, node, down });
  }

  // --- timers ---------------------------------------------------------------------------------

  createDeadlineQueue(isWaiting: WaiterCheck, onExpire: ExpireHandler): DeadlineQueue {
    const queue = new DeadlineQueue(this.kernel, this.deadlineEvent, this.deadlineQueues.length, isWaiting, onExpire);
    this.deadlineQueues.push(queue);
    return queue;
  }

  /** Registers a timer owner (once, at construction) and returns its id for `scheduleTimer`. */
  addTimer(handler: TimerHandler): number {
    this.timers.push(handler);
    return this.timers.length - 1;
  }

  scheduleTimer(owner: number, delayMs: number, token: number): void {
    this.kernel.schedule(delayMs, this.timerEvent, owner, token);
  }

  /** As {@link scheduleTimer}, at an absolute time (≥ now): a computed time, not now + a delay. */
  scheduleTimerAt(owner: number, atMs: number, token: number): void {
    this.kernel.scheduleAt(atMs, this.timerEvent, owner, token);
  }

  /** The callee of `call` will get `onServiceDone(call)` after `delayMs` (unless the call moves on). */
  scheduleService(call: number, delayMs: number): void {
    this.kernel.schedule(delayMs, this.serviceEvent, call, this.calls.gen[call]);
  }

  // --- transport ------------------------------------------------------------------------------

  /**
   * Sends the call's request. `afterMs` > 0 sends it that much later (the sender's own processing
   * time) without a separate event: the message is scheduled once, for its arrival. If the sender
   * crashes before then, `crashNode` withdraws it; if its link is cut (or a partition comes
   * between its ends) before then, `cutLink` / `partitionChanged` hold it to be judged when it
   * leaves.
   */
  sendRequest(call: number, afterMs = 0): void {
    this.transmit(call, true, afterMs);
  }

  sendResponse(call: number, status: number, afterMs = 0): void {
    this.calls.status[call] = status;
    this.transmit(call, false, afterMs);
  }

  /**
   * Puts the call's next message on its link, or loses it (cut, partition, loss).
   *
   * Cuts and partitions (DESIGN §3: "a cut link or a partition drops everything that would cross
   * it"): a message is lost if its link is cut, or a partition separates its ends, at any moment
   * from when it *leaves* its sender (after `afterMs`) until it arrives.
   *  - Handed over while the link carries traffic: it is scheduled for its arrival as usual (no
   *    extra event); a cut or partition that comes while it waits to leave or travels finds it
   *    in the call table (`cutLink`, `partitionChanged`).
   *  - Handed over while the link is cut (or across a partition) with `afterMs` > 0: it is held
   *    and judged when it leaves (`onDepart`): lost if the link is still cut then, on its way if a
   *    `restore` / `heal` came first. With `afterMs` 0 it leaves now, and is lost now.
   * This costs nothing per message while links are up: the extra event exists only for a
   * message handed to a cut link, and the scan only at a cut or partition.
   *
   * `lossRate` is drawn once per message, when it is put on the wire.
   */
  private transmit(call: number, forward: boolean, afterMs: number): void {
    const calls = this.calls;
    const links = this.links;
    const link = calls.link[call];
    const source = forward ? links.from[link] : links.to[link];
    const target = forward ? links.to[link] : links.from[link];
    if (links.cut[link] === 1 || (this.partitions.active && this.partitions.separates(source, target))) {
      if (afterMs > 0) {
        this.hold(call, forward, afterMs);
        return;
      }
      links.dropped[link]++;
      this.loseInNetwork(call, forward, source);
      return;
    }
    let delay = links.latencyMs[link];
    const loss = links.lossRate[link];
    const jitter = links.jitterMs[link];
    if (loss > 0 || jitter > 0) {
      const rng = links.rng[link];
      if (loss > 0 && rng.next() < loss) {
        links.dropped[link]++;
        this.loseInNetwork(call, forward, source);
        return;
      }
      if (jitter > 0) {
        delay += (2 * rng.next() - 1) * jitter;
        if (delay < 0) delay = 0;
      }
    }
    const bandwidth = links.bandwidthMbps[link];
    // bytes · 8 bit / (Mbps · 10^6 bit/s) · 1000 ms/s
    if (bandwidth !== Infinity) delay += ((forward ? REQUEST_BYTES : RESPONSE_BYTES) * 8) / (bandwidth * 1000);
    if (forward) {
      links.requestsSent[link]++;
    } else {
      links.answersSent[link]++;
      if (!isSuccess(calls.status[call])) links.failedAnswersSent[link]++;
    }
    const now = this.kernel.now;
    const sendAt = now + afterMs;
    calls.state[call] = forward ? STATE_REQUEST_WIRE : STATE_RESPONSE_WIRE;
    calls.setTimes(call, now, sendAt, sendAt + delay);
    this.kernel.schedule(afterMs + delay, this.messageEvent, call, calls.gen[call]);
  }

  /**
   * The message waits at its sender until `afterMs` from now and is judged then (`onDepart`).
   * Until then it is not on the wire (not drawn); a crash of its sender withdraws it.
   */
  private hold(call: number, forward: boolean, afterMs: number): void {
    const calls = this.calls;
    const now = this.kernel.now;
    const sendAt = now + afterMs;
    calls.state[call] = forward ? STATE_REQUEST_HELD : STATE_RESPONSE_HELD;
    calls.setTimes(call, now, sendAt, sendAt);
    this.kernel.schedule(afterMs, this.departEvent, call, calls.gen[call]);
  }

  /** A message held at hand-over leaves now: judged in full (cut, partition, loss, delay). */
  private onDepart(call: number, gen: number): void {
    if (this.calls.gen[call] !== gen) return; // its sender crashed meanwhile
    this.transmit(call, this.calls.state[call] === STATE_REQUEST_HELD, 0);
  }

  /**
   * A message that a cut or partition caught waiting to leave leaves now. Its loss and its delay
   * (arrival − send time, each kept within µs: CallTable.setTimes) were drawn at hand-over; only
   * the link's state is judged again.
   */
  private onResume(call: number, gen: number): void {
    const calls = this.calls;
    if (calls.gen[call] !== gen) return; // its sender crashed meanwhile
    const links = this.links;
    const link = calls.link[call];
    const forward = calls.state[call] === STATE_REQUEST_HELD;
    const source = forward ? links.from[link] : links.to[link];
    const target = forward ? links.to[link] : links.from[link];
    if (links.cut[link] === 1 || (this.partitions.active && this.partitions.separates(source, target))) {
      links.dropped[link]++;
      this.loseInNetwork(call, forward, source);
      return;
    }
    const delay = Math.max(0, calls.arriveAtMs(call) - calls.sendAtMs(call));
    const now = this.kernel.now;
    calls.state[call] = forward ? STATE_REQUEST_WIRE : STATE_RESPONSE_WIRE;
    calls.setTimes(call, now, now, now + delay);
    this.kernel.schedule(delay, this.messageEvent, call, gen);
  }

  /**
   * `cut`: from now on the link carries nothing, either way. Messages on it are lost now (their
   * arrival event goes stale); messages waiting at their sender to leave over it are held and
   * judged when they leave (lost then unless a `restore` came first).
   */
  cutLink(link: number): void {
    if (this.links.cut[link] === 1) return;
    this.links.cut[link] = 1;
    this.loseCrossing(link);
  }

  /**
   * A `partition` was applied: what is on the wire between nodes it now separates is lost, and
   * what waits to leave is judged when it leaves (as for {@link cutLink}). `heal` needs nothing:
   * held messages are judged when they leave.
   */
  partitionChanged(): void {
    if (this.partitions.active) this.loseCrossing(-1);
  }

  /**
   * Scans the call table (like `crashNode`: a cut is rare, the scan costs nothing per message)
   * for messages on `link` (−1: on any link whose ends a partition separates).
   */
  private loseCrossing(link: number): void {
    const calls = this.calls;
    const links = this.links;
    const { from, to } = links;
    const partitions = this.partitions;
    const now = this.kernel.now;
    // Send times are float32 offsets: compared like crashNode does (a message sent ≤ now has left).
    const nowOffset = calls.offsetOf(now);
    for (let c = 0; c < calls.highWater; c++) {
      const state = calls.state[c];
      if (state !== STATE_REQUEST_WIRE && state !== STATE_RESPONSE_WIRE) continue;
      const l = calls.link[c];
      if (link >= 0 ? l !== link : !partitions.separates(from[l], to[l])) continue;
      const forward = state === STATE_REQUEST_WIRE;
      const gen = calls.bump(c); // the scheduled arrival is void
      if (calls.sendOffset[c] > nowOffset) {
        // Still at its sender (its processing time): judged when it leaves. Its arrival time keeps its delay.
        calls.state[c] = forward ? STATE_REQUEST_HELD : STATE_RESPONSE_HELD;
        this.kernel.schedule(Math.max(0, calls.sendAtMs(c) - now), this.resumeEvent, c, gen);
      } else {
        links.dropped[l]++;
        this.loseInNetwork(c, forward, forward ? from[l] : to[l]);
      }
    }
  }

  /**
   * A replication stream survives a lossy or broken network, as TCP does: its sender sends a lost
   * copy again (the primary's backlog), and a replica sends a lost acknowledgement again after
   * {@link ACK_RETRANSMIT_MS} for as long as the write still waits for it (the call stays at the
   * replica meanwhile).
   */
  private loseInNetwork(call: number, forward: boolean, source: number): void {
    if (this.calls.op[call] === OP_REPLICATE) {
      if (forward) {
        this.models[source].onReplicationLost?.(call);
      } else if (this.parentWaits(call)) {
        this.calls.state[call] = STATE_AT_CALLEE;
        this.kernel.schedule(ACK_RETRANSMIT_MS, this.ackRetransmitEvent, call, this.calls.gen[call]);
        return;
      }
    }
    this.lose(call);
  }

  private onAckRetransmit(call: number, gen: number): void {
    const calls = this.calls;
    if (calls.gen[call] !== gen) return; // the replica crashed meanwhile: the call went with it
    if (this.parentWaits(call)) this.transmit(call, false, 0);
    else calls.free(call); // the write stopped waiting (its timeout, the primary's crash)
  }

  private onMessage(call: number, gen: number): void {
    const calls = this.calls;
    if (calls.gen[call] !== gen) return;
    const link = calls.link[call];
    if (calls.state[call] === STATE_REQUEST_WIRE) {
      const callee = this.addressOf[this.links.to[link]];
      if (this.up[callee] === 0) {
        this.lose(call);
        return;
      }
      calls.state[call] = STATE_AT_CALLEE;
      // Health probes are answered by any live node at once: "is the process up and reachable".
      if (calls.op[call] === OP_PROBE) this.sendResponse(call, STATUS_OK);
      else this.deliverRequest(callee, call);
    } else {
      const caller = this.links.from[link];
      if (this.up[caller] === 0) {
        this.lose(call);
        return;
      }
      // The moment a client sees an ok answer is when a write counts as acknowledged.
      if (this.isClient[caller] === 1 && isSuccess(calls.status[call])) this.consistency.onClientOk(call, this.kernel.now);
      this.deliverResponse(caller, call);
    }
  }

  /*
   * Why a switch on the node's kind instead of `this.models[node].onRequest(call)`: that one call
   * site sees every model class, so V8 makes it megamorphic (a stub-cache lookup and no inlining)
   * on the hop every message takes. The cases look identical, but each is its own call site with
   * its own inline cache, and only one class arrives at each, so they stay monomorphic (and
   * inlinable). A kind not listed here goes through `default`: slower, equally correct.
   */
  private deliverRequest(node: number, call: number): void {
    const model = this.models[node];
    switch (this.kindCode[node]) {
      case KIND_APP:
        return model.onRequest(call);
      case KIND_LB:
        return model.onRequest(call);
      case KIND_PROXY:
        return model.onRequest(call);
      case KIND_CACHE:
        return model.onRequest(call);
      case KIND_DB:
        return model.onRequest(call);
      case KIND_CDN:
        return model.onRequest(call);
      case KIND_DNS:
        return model.onRequest(call);
      case KIND_ROUTER:
        return model.onRequest(call);
      default:
        return model.onRequest(call);
    }
  }

  private deliverResponse(node: number, call: number): void {
    const model = this.models[node];
    switch (this.kindCode[node]) {
      case KIND_CLIENT:
        return model.onResponse(call);
      case KIND_APP:
        return model.onResponse(call);
      case KIND_LB:
        return model.onResponse(call);
      case KIND_PROXY:
        return model.onResponse(call);
      case KIND_CDN:
        return model.onResponse(call);
      case KIND_ROUTER:
        return model.onResponse(call);
      default:
        return model.onResponse(call);
    }
  }

  private onService(call: number, gen: number): void {
    if (this.calls.gen[call] !== gen) return;
    this.models[this.addressOf[this.links.to[this.calls.link[call]]]].onServiceDone(call);
  }

  /**
   * A message of `call` is gone (network, crashed node): nobody will ever answer it. Marks the
   * client attempt it belongs to as "lost" — if that attempt then times out, its outcome is
   * `dropped` — and frees the call. Whoever waited for it finds out by its own timeout.
   */
  lose(call: number): void {
    this.markLost(call);
    this.calls.free(call);
  }

  private markLost(call: number): void {
    const calls = this.calls;
    let c = call;
    // Depth is bounded by the topology; the bound only guards against a cycle of stale pointers.
    for (let depth = 0; depth < 256; depth++) {
      const parent = calls.parent[c];
      if (parent < 0 || calls.op[c] === OP_PROBE) return;
      if (this.isClient[this.links.from[calls.link[c]]] === 1) {
        if (this.requests.gen[parent] === calls.parentGen[c]) this.requests.flags[parent] |= REQ_LOST;
        return;
      }
      if (calls.gen[parent] !== calls.parentGen[c]) return;
      c = parent;
    }
  }

  /**
   * How long a node in a request's path (balancer, proxy, CDN, shard router) waits for its
   * upstream: its own limit, or until the user's attempt times out (or the app that sent it stops
   * waiting) if that is sooner. By then the
   * user has given up and closed the connection, and the node aborts the upstream request and
   * frees the connection (nginx logs such a request as 499) instead of holding it for an answer
   * nobody wants — a dead backend would otherwise hold every connection sent its way for the
   * full limit.
   */
  upstreamWaitMs(call: number, ownLimitMs: number): number {
    const calls = this.calls;
    const now = this.kernel.now;
    let limitMs = ownLimitMs;
    // The node that sent this call may give up sooner than the user (an app waits its
    // downstreamTimeoutMs): from when it sent the request. The send time is kept within 4 µs
    // however long the run (CallTable.setTimes), so this is off by µs at most.
    const callerWaitMs = this.callerWaitMs[this.links.from[calls.link[call]]];
    if (callerWaitMs < Infinity) {
      const callerLeftMs = calls.sendAtMs(call) + callerWaitMs - now;
      if (callerLeftMs < limitMs) limitMs = Math.max(0, callerLeftMs);
    }
    const req = calls.req[call];
    if (req < 0) return limitMs;
    const userLeftMs = this.requests.attemptDeadlineMs(req) - now;
    return userLeftMs < limitMs ? Math.max(0, userLeftMs) : limitMs;
  }

  /** Does whoever sent `call` (a client's attempt, or a node's call) still wait for its answer? */
  callerWaits(call: number): boolean {
    const calls = this.calls;
    const parent = calls.parent[call];
    if (parent < 0) return false;
    if (this.isClient[this.links.from[calls.link[call]]] === 1) return this.requests.gen[parent] === calls.parentGen[call];
    return this.parentWaits(call);
  }

  /** Is the call's parent (a call, not a request) still waiting for exactly this call? */
  parentWaits(call: number): boolean {
    const parent = this.calls.parent[call];
    return parent >= 0 && this.calls.gen[parent] === this.calls.parentGen[call] && this.calls.state[parent] === STATE_AT_CALLEE;
  }

  // --- node state -----------------------------------------------------------------------------

  /** Crash: the node stops; every call it holds is lost; its model forgets its state. */
  crashNode(node: number): void {
    if (this.up[node] === 0) return;
    this.up[node] = 0;
    this.downSinceMs[node] = this.kernel.now;
    const calls = this.calls;
    const { to, from } = this.links;
    // Send times are float32 offsets from the call table's epoch: compared with now rounded the
    // same way, a message that has left (sent ≤ now) is never taken for one still being
    // processed. (The reverse — leaving within one float32 step after now, a few µs at any point
    // of a run — counts as gone.)
    const nowOffset = calls.offsetOf(this.kernel.now);
    for (let c = 0; c < calls.highWater; c++) {
      const state = calls.state[c];
      if (state === STATE_AT_CALLEE) {
        if (this.addressOf[to[calls.link[c]]] === node) this.lose(c);
      } else if (state === STATE_REQUEST_HELD || state === STATE_RESPONSE_HELD) {
        // Held at its sender for a cut link until its departure event: it has not left.
        if (state === STATE_REQUEST_HELD ? from[calls.link[c]] === node : this.addressOf[to[calls.link[c]]] === node) this.lose(c);
      } else if ((state === STATE_REQUEST_WIRE || state === STATE_RESPONSE_WIRE) && calls.sendOffset[c] > nowOffset) {
        // Scheduled to leave this node after its processing time: it never leaves. (A free slot
        // keeps the send time of its last message: one withdrawn by an earlier crash must not be
        // freed twice.)
        if (state === STATE_REQUEST_WIRE ? from[calls.link[c]] === node : this.addressOf[to[calls.link[c]]] === node) this.lose(c);
      }
    }
    this.models[node].crash();
  }

  restartNode(node: number): void {
    if (this.up[node] === 1) return;
    this.up[node] = 1;
    this.addDownTime(node, this.downSinceMs[node], this.kernel.now);
    this.models[node].restart();
  }

  /** Seconds the node was down within [0, untilMs) (an ongoing outage counts up to untilMs). */
  downSeconds(node: number, fromS: number, toS: number, nowMs: number): number {
    let ms = this.downMs[node].sum(fromS, toS);
    if (this.up[node] === 0) {
      const from = Math.max(this.downSinceMs[node], fromS * 1000);
      const to = Math.min(nowMs, toS * 1000);
      if (to > from) ms += to - from;
    }
    return ms / 1000;
  }

  private addDownTime(node: number, fromMs: number, toMs: number): void {
    let t = fromMs;
    while (t < toMs) {
      const second = Math.floor(t / 1000);
      const end = Math.min(toMs, (second + 1) * 1000);
      this.downMs[node].add(second, end - t);
      t = end;
    }
  }
}
