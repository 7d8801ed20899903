import type { DnsConfig, FaultlineDocument, ResolvedConfig } from '../../model/types';
import { sample } from '../random';
import type { World } from '../engine/world';
import { OP_DNS_QUERY, OP_PROBE, STATUS_ERROR, STATUS_OK } from '../engine/codes';
import { BaseNode } from './baseNode';
import { HealthChecks } from './lb/healthChecks';
import { BackendPicker } from './lb/pickBackend';
import { AnswerTable } from './dns/answerTable';

/**
 * DNS server (DESIGN §3 `dns`). Its record set is the nodes it links to, in link order. A query
 * (op {@link OP_DNS_QUERY}, sent by a client) is answered after `serviceMs` with one record,
 * written into the query call's `step` as node index + 1:
 *  - round-robin: rotates over the healthy records; weighted: smooth weighted round-robin by link
 *    weight (the load balancer's picker);
 *  - failover: the first healthy record in link order;
 *  - latency: the lowest network delay from the asking client; geo: a record in the client's
 *    region, else the nearest region. Ties rotate.
 * Health checks (the load balancer's machinery: probe packets over the record links) drop dead
 * records from answers; when none is marked healthy every record is answered, as Route 53 does
 * ("fail open") — a DNS server that answers nothing helps nobody.
 *
 * Answering from memory is cheap and highly parallel: a query is a delay, not a queue.
 */
export class DnsModel extends BaseNode {
  private config: DnsConfig;
  private readonly health: HealthChecks;
  private readonly picker: BackendPicker;
  private readonly answers: AnswerTable;
  private readonly allUp: Uint8Array;
  /** The picker's connection counts (unused by round-robin and weighted, which are all DNS needs). */
  private readonly noConnections: Int32Array;
  /** Rotation among equally good records (latency, geo, and round-robin's fail-open case). */
  private rotation = 0;

  constructor(
    world: World,
    index: number,
    config: DnsConfig,
    private readonly records: number[],
    document: FaultlineDocument,
  ) {
    super(world, index, 'dns');
    this.config = config;
    this.health = new HealthChecks(world, records, config.healthCheck);
    const weights = Float64Array.from(records, (link) => world.links.weight[link]);
    this.picker = new BackendPicker(config.policy === 'weighted' ? 'weighted' : 'round-robin', weights, this.rng);
    this.answers = new AnswerTable(world, document, records);
    this.allUp = new Uint8Array(records.length).fill(1);
    this.noConnections = new Int32Array(records.length);
  }

  /** How long a client may cache an answer. */
  get ttlMs(): number {
    return this.config.ttlS * 1000;
  }

  /** Records currently marked healthy (1) or not (0), in link order. */
  get markedUp(): Uint8Array {
    return this.health.markedUp;
  }

  /** The link index of each record, in the order of `markedUp` (the live view draws marks on them). */
  get checkedLinks(): readonly number[] {
    return this.records;
  }

  start(): void {
    this.health.start();
  }

  onRequest(call: number): void {
    this.counters.arrivals++;
    const world = this.world;
    const calls = world.calls;
    if (calls.op[call] !== OP_DNS_QUERY) {
      this.answer(call, STATUS_ERROR); // not a DNS query: nothing here serves HTTP
      return;
    }
    const serviceMs = sample(this.config.serviceMs, this.rng) * this.slow;
    const client = world.requests.client[calls.req[call]];
    const record = this.choose(client);
    if (record < 0) {
      this.answer(call, STATUS_ERROR, serviceMs);
      return;
    }
    calls.step[call] = world.links.to[this.records[record]] + 1;
    this.answer(call, STATUS_OK, serviceMs);
  }

  /** Index of the record to answer `client` with, or -1 when the record set is empty. */
  private choose(client: number): number {
    const n = this.records.length;
    if (n === 0) return -1;
    let up = this.health.markedUp;
    let any = false;
    for (let r = 0; r < n; r++) if (up[r] === 1) any = true;
    if (!any) up = this.allUp;
    switch (this.config.policy) {
      case 'failover':
        for (let r = 0; r < n; r++) if (up[r] === 1) return r;
        return -1;
      case 'latency':
        return this.nearest(up, client, false);
      case 'geo':
        return this.nearest(up, client, true);
      default:
        return this.picker.pick(up, this.noConnections, 0);
    }
  }

  /** The healthy record closest to the client (geo: same region first); ties rotate. */
  private nearest(up: Uint8Array, client: number, geo: boolean): number {
    const n = this.records.length;
    let best = Infinity;
    for (let r = 0; r < n; r++) {
      if (up[r] === 0) continue;
      const score = geo ? this.answers.geoDistance(client, r) : this.answers.latencyMs(client, r);
      if (score < best) best = score;
    }
    const start = this.rotation;
    for (let i = 0; i < n; i++) {
      const r = (start + i) % n;
      if (up[r] === 0) continue;
      const score = geo ? this.answers.geoDistance(client, r) : this.answers.latencyMs(client, r);
      if (score === best) {
        this.rotation = r + 1 === n ? 0 : r + 1;
        return r;
      }
    }
    return -1;
  }

  override onResponse(call: number): void {
    if (this.world.calls.op[call] === OP_PROBE) this.health.onProbeResponse(call);
    else this.world.calls.free(call);
  }

  override crash(): void {
    this.health.reset();
  }

  override restart(): void {
    this.health.start();
  }

  applyConfig(config: ResolvedConfig): void {
    const next = config as DnsConfig;
    this.config = next;
    this.picker.algorithm = next.policy === 'weighted' ? 'weighted' : 'round-robin';
    this.health.setConfig(next.healthCheck);
  }
}
