import type { CallTable } from './callTable';
import { REQ_LIVE, REQ_MARK_STALE, REQ_MARK_WRITE, type RequestTable } from './requestTable';
import { SecondSeries } from './secondSeries';
import { grow } from './growable';
import type { WindowTallies } from '../metrics/windowTally';

/** The books of one db cluster: told when a client learns that a write was acknowledged. */
export interface AckedWriteSink {
  onWriteAcked(primary: number, key: number, version: number, sentMs: number, nowMs: number): void;
  /** The newest version of `key` acknowledged to a client before `sentMs` (0: none). */
  requiredVersion(key: number, sentMs: number): number;
}

/** A longer copy of `array`, the new cells -1 ("never"). */
function growFilled(array: Float64Array<ArrayBuffer>, length: number): Float64Array<ArrayBuffer> {
  const next = new Float64Array(length).fill(-1);
  next.set(array);
  return next;
}

/**
 * Consistency bookkeeping (DESIGN §3): stale reads, lost writes and lost sessions, counted by
 * the second in which the client request concerned was first sent (so checks can ask for any
 * window, like every other client metric).
 *
 * Versions: every write a primary accepts takes the next number of one world-wide sequence, so
 * versions are comparable across primaries and "newer version" is "later write" — which is also
 * what last-write-wins means for master-master.
 *
 * A db marks the client request it serves (read found stale, write got version v); the mark
 * counts only when that very attempt is answered ok at the client (`onClientOk`, called by the
 * world as the answer arrives), because only then did a client see the stale value or the ack.
 */
/**
 * Bytes per request slot of the write marks below: writeSink 2 + writeNode 2 + writeVersion 4 = 8.
 * Indexed by request slot, so every live request pays them. (Which marks an attempt has are two
 * bits of the request's flags, cleared when the attempt ends.)
 */
export const CONSISTENCY_BYTES_PER_REQUEST = 8;

/**
 * Versions are kept in 32 bits wherever one is stored per request or per call (the write marks
 * here, CallData's relay): exact up to this many writes in one run — 49 700 writes a second for
 * a whole simulated day, the longest run there is.
 */
export const MAX_VERSION = 0xfffffffe;

/**
 * The "primary" of a write-behind write when its client is acknowledged: the app and its cache
 * accepted it (and gave it its version); no database has it yet, so it is in no cluster's
 * failover books until a flush lands. Fits the 16 bits `markWrite` keeps per request, and is no
 * node's index (those stop at MAX_NODES − 1 = 0xfffe).
 */
export const HELD_BY_WRITE_BEHIND_CACHE = 0xffff;

export class Consistency {
  staleReads = 0;
  lostWrites = 0;
  sessionsLost = 0;
  readonly staleSeries = new SecondSeries();
  readonly lostSeries = new SecondSeries();
  readonly sessionSeries = new SecondSeries();
  /**
   * The earliest second any of the three series changed in since the live session last took it
   * (Infinity: none). A lost write is counted when a failover decides it, into the second it was
   * sent in, which may be long settled: the session re-sends its rows from here. Never read by
   * the run itself.
   */
  private changedFromSecond = Number.POSITIVE_INFINITY;
  /** Last version handed out. */
  lastVersion = 0;
  readonly sinks: AckedWriteSink[] = [];
  private writeSink = new Uint16Array(1024);
  private writeNode = new Uint16Array(1024);
  private writeVersion = new Uint32Array(1024);
  /** Per key: when a client last (and the time before) saw a write of it acknowledged; -1 never. */
  private lastAckMs = new Float64Array(1024).fill(-1);
  private previousAckMs = new Float64Array(1024).fill(-1);

  constructor(
    private readonly calls: CallTable,
    private readonly requests: RequestTable,
    /** Check windows that are not whole seconds count these too. */
    private readonly tallies: WindowTallies,
  ) {}

  nextVersion(): number {
    if (this.lastVersion >= MAX_VERSION) throw new RangeError(`More than ${MAX_VERSION} database writes in one run: versions are kept in 32 bits.`);
    return ++this.lastVersion;
  }

  /** The read of request `req`'s current attempt returned an older version than an acknowledged one. */
  markStaleRead(req: number): void {
    this.requests.flags[req] |= REQ_MARK_STALE;
  }

  /**
   * Request `req`'s current attempt wrote `version` at `primary` of the cluster behind `sink`
   * ({@link HELD_BY_WRITE_BEHIND_CACHE}: into a write-behind cache, for that cluster).
   */
  markWrite(req: number, sink: number, primary: number, version: number): void {
    if (req >= this.writeSink.length) this.growWriteMarks(req);
    this.requests.flags[req] |= REQ_MARK_WRITE;
    this.writeSink[req] = sink;
    this.writeNode[req] = primary;
    this.writeVersion[req] = version;
  }

  /** An ok answer for client call `call` arrived at its client (before the client handles it). */
  onClientOk(call: number, nowMs: number): void {
    const req = this.calls.parent[call];
    const requests = this.requests;
    if (req < 0) return;
    const flags = requests.flags[req];
    if ((flags & (REQ_MARK_STALE | REQ_MARK_WRITE)) === 0) return;
    if (requests.gen[req] !== this.calls.parentGen[call] || (flags & REQ_LIVE) === 0) return;
    requests.flags[req] = flags & ~(REQ_MARK_STALE | REQ_MARK_WRITE);
    const sentMs = requests.firstSendMs[req];
    if ((flags & REQ_MARK_STALE) !== 0) {
      this.staleReads++;
      this.staleSeries.add(this.changedSecond(sentMs), 1);
      this.tallies.onConsistency('staleReads', sentMs);
    }
    if ((flags & REQ_MARK_WRITE) !== 0) {
      this.sinks[this.writeSink[req]].onWriteAcked(this.writeNode[req], requests.key[req], this.writeVersion[req], sentMs, nowMs);
      this.noteAck(requests.key[req], nowMs);
    }
  }

  /**
   * Did a client see a write of `key` acknowledged after `asOfMs` and before `beforeMs`? A copy
   * of the key taken at `asOfMs` (a proxy's cached response) is then stale for a read sent at
   * `beforeMs`. The last two acknowledgement times per key are kept: enough unless three writes of
   * one key are acknowledged between a read's send and its answer.
   */
  ackedBetween(key: number, asOfMs: number, beforeMs: number): boolean {
    if (key < 0 || key >= this.lastAckMs.length) return false;
    const last = this.lastAckMs[key];
    const previous = this.previousAckMs[key];
    return (last > asOfMs && last < beforeMs) || (previous > asOfMs && previous < beforeMs);
  }

  private noteAck(key: number, nowMs: number): void {
    if (key < 0) return;
    if (key >= this.lastAckMs.length) {
      let length = this.lastAckMs.length;
      while (length <= key) length *= 2;
      this.lastAckMs = growFilled(this.lastAckMs, length);
      this.previousAckMs = growFilled(this.previousAckMs, length);
    }
    this.previousAckMs[key] = this.lastAckMs[key];
    this.lastAckMs[key] = nowMs;
  }

  countLostWrite(sentMs: number): void {
    this.lostWrites++;
    this.lostSeries.add(this.changedSecond(sentMs), 1);
    this.tallies.onConsistency('lostWrites', sentMs);
  }

  countSessionLost(sentMs: number): void {
    this.sessionsLost++;
    this.sessionSeries.add(this.changedSecond(sentMs), 1);
    this.tallies.onConsistency('sessionsLost', sentMs);
  }

  /**
   * The earliest second a count was added to since the last call (Infinity: none), and from now
   * on none: for the one reader that sends the per-second counts on (session/consistencyRows.ts).
   */
  takeChangedFromSecond(): number {
    const second = this.changedFromSecond;
    this.changedFromSecond = Number.POSITIVE_INFINITY;
    return second;
  }

  /** The send second of a count about to be added, noted as changed. */
  private changedSecond(sentMs: number): number {
    const second = Math.floor(sentMs / 1000);
    if (second < this.changedFromSecond) this.changedFromSecond = second;
    return second;
  }

  private growWriteMarks(req: number): void {
    let length = this.writeSink.length;
    while (length <= req) length *= 2;
    this.writeSink = grow(this.writeSink, length);
    this.writeNode = grow(this.writeNode, length);
    this.writeVersion = grow(this.writeVersion, length);
  }
}
