/**
 * Turns a sanitized, migrated JSON object into a `FaultlineDocument`, reporting every problem.
 * Two passes: first each record on its own (shape, types, ranges, duplicate ids), then the
 * references between records (regions, link ends, scenario targets, check nodes).
 */
import { checkObject, checkValue, unknownFieldMessage, type ObjectCheck } from './checkFields';
import { isValidId } from './ids';
import { nodeAcrossItsRegion } from './partitionGroups';
import { MAX_LINKS, MAX_NODES } from './limits';
import type { PathSegment } from './paths';
import { preview, type ProblemLog } from './problems';
import { isPlainObject, RESERVED_KEYS, type JsonObject } from './sanitize';
import { METRIC_INFO, CHECK_FIELDS, ratioCheckAlwaysPasses, thresholdProblem } from './schema/checks';
import { valueSchema, type FieldDescriptor } from './schema/fields';
import { isNodeKind, NODE_KIND_INFO } from './schema/nodeKinds';
import {
  DEFAULT_DURATION_S,
  DEFAULT_SEED,
  DEFAULT_TITLE,
  DEGRADE_FIELDS,
  DOCUMENT_KEYS,
  DURATION_FIELD,
  LINK_FIELDS,
  MATRIX_ENTRY_FIELDS,
  META_FIELDS,
  NETWORK_FIELDS,
  NODE_FIELDS,
  REGION_FIELDS,
  SEED_FIELD,
  VIEW_FIELDS,
} from './schema/records';
import { ACTION_INFO, EVENT_FIELDS } from './schema/scenario';
import { DEFAULT_NETWORK } from './document';
import { NODE_KINDS, SCENARIO_ACTIONS } from './types';
import type {
  Check,
  DocumentMeta,
  Extras,
  FaultlineDocument,
  LatencyMatrixEntry,
  LinkRecord,
  NetworkSettings,
  NodeKind,
  NodeRecord,
  Region,
  ScenarioAction,
  ScenarioEvent,
  ViewState,
} from './types';

/** Where each id was first seen, for references and duplicate reports. */
type IdIndex = Map<string, number>;

/**
 * Every record read, with its place in the file — also those whose id is invalid or taken, which
 * are left out of the document but whose references are still checked (every problem is reported).
 */
type ReadRecords<T> = { record: T; index: number }[];

export function buildDocument(raw: JsonObject, version: number, log: ProblemLog): FaultlineDocument {
  const extras: Extras = {};
  for (const key of Object.keys(raw)) {
    if ((DOCUMENT_KEYS as readonly string[]).includes(key) || RESERVED_KEYS.has(key)) continue;
    extras[key] = raw[key];
    log.warning([key], unknownFieldMessage(key, DOCUMENT_KEYS));
  }

  const regionIndex: IdIndex = new Map();
  const nodeIndex: IdIndex = new Map();
  const linkIndex: IdIndex = new Map();

  const meta = readMeta(raw, log);
  const seed = readScalar(raw, 'seed', SEED_FIELD, DEFAULT_SEED, log);
  const durationS = readScalar(raw, 'durationS', DURATION_FIELD, DEFAULT_DURATION_S, log);
  const network = readNetwork(raw, log);
  const regions = readRegions(listAt(raw, 'regions', log), regionIndex, log);
  const nodesRead: ReadRecords<NodeRecord> = [];
  const linksRead: ReadRecords<LinkRecord> = [];
  const nodes = readNodes(listAt(raw, 'nodes', log, MAX_NODES), nodeIndex, nodesRead, log);
  const links = readLinks(listAt(raw, 'links', log, MAX_LINKS), linkIndex, linksRead, log);
  const scenario = readEvents(listAt(raw, 'scenario', log), log);
  const checks = readChecks(listAt(raw, 'checks', log), log);
  const view = readView(raw, log);

  const document: FaultlineDocument = {
    format: 'faultline',
    version,
    meta,
    seed,
    durationS,
    network,
    regions,
    nodes,
    links,
    scenario,
    checks,
    ...(view ? { view } : {}),
    ...withExtras(extras),
  };

  const references = new ReferenceChecker(document, regionIndex, nodeIndex, linkIndex, log);
  references.checkNetwork();
  references.checkNodes(nodesRead);
  references.checkLinks(linksRead);
  references.checkScenario();
  references.checkChecks();
  return document;
}

// --- first pass: records on their own ---------------------------------------------------------

function withExtras(extras: Extras): { extras?: Extras } {
  return Object.keys(extras).length > 0 ? { extras } : {};
}

/** The present known fields of a checked object, in field order, then its extras. */
function assemble<T>(checked: ObjectCheck, fields: readonly FieldDescriptor[]): T {
  const record: JsonObject = {};
  for (const descriptor of fields) {
    if (Object.hasOwn(checked.known, descriptor.name)) record[descriptor.name] = checked.known[descriptor.name];
  }
  return { ...record, ...withExtras(checked.unknown) } as T;
}

/**
 * A required field the file leaves out is repaired with its default, and said so: a file that
 * silently runs with a seed or duration its author never chose is hard to debug.
 */
function warnMissing(path: PathSegment[], used: unknown, log: ProblemLog): void {
  log.warning(path, `missing; using ${JSON.stringify(used)}`);
}

function listAt(raw: JsonObject, key: string, log: ProblemLog, maxLength = Infinity): unknown[] {
  if (!Object.hasOwn(raw, key)) {
    warnMissing([key], [], log);
    return [];
  }
  const value = raw[key];
  if (Array.isArray(value)) {
    if (value.length > maxLength) log.error([key], `has ${value.length} entries; a design can have at most ${maxLength}`);
    return value;
  }
  log.error([key], `must be a list (got ${preview(value)})`);
  return [];
}

function readScalar<T>(raw: JsonObject, key: string, descriptor: FieldDescriptor, fallback: T, log: ProblemLog): T {
  if (!Object.hasOwn(raw, key)) {
    warnMissing([key], fallback, log);
    return fallback;
  }
  checkValue(descriptor, raw[key], [key], log);
  return raw[key] as T;
}

/** Registers a record's id; reports a duplicate. Returns whether the record owns the id. */
function registerId(list: string, index: number, id: unknown, ids: IdIndex, log: ProblemLog): id is string {
  if (!isValidId(id)) return false;
  const first = ids.get(id);
  if (first !== undefined) {
    log.error([list, index, 'id'], `duplicate id "${id}" (already used by ${list}[${first}])`);
    return false;
  }
  ids.set(id, index);
  return true;
}

function readMeta(raw: JsonObject, log: ProblemLog): DocumentMeta {
  if (!Object.hasOwn(raw, 'meta')) {
    const meta: DocumentMeta = { title: DEFAULT_TITLE };
    warnMissing(['meta'], meta, log);
    return meta;
  }
  const checked = checkObject(raw.meta, META_FIELDS, ['meta'], log);
  if (!checked) return { title: DEFAULT_TITLE };
  // Only the title is required (DESIGN §4); description, author and tags are optional.
  if (!Object.hasOwn(checked.known, 'title')) warnMissing(['meta', 'title'], DEFAULT_TITLE, log);
  const meta = assemble<DocumentMeta>(checked, META_FIELDS);
  return { ...meta, title: typeof meta.title === 'string' ? meta.title : DEFAULT_TITLE };
}

function readNetwork(raw: JsonObject, log: ProblemLog): NetworkSettings {
  const network: NetworkSettings = { ...DEFAULT_NETWORK, matrix: [] };
  if (!Object.hasOwn(raw, 'network')) return network;
  const checked = checkObject(raw.network, NETWORK_FIELDS, ['network'], log);
  if (!checked) return network;
  const given = assemble<Partial<NetworkSettings>>(checked, NETWORK_FIELDS);
  const matrix = Array.isArray(given.matrix)
    ? given.matrix.map((entry) => (isPlainObject(entry) ? splitKnown<LatencyMatrixEntry>(entry, MATRIX_ENTRY_FIELDS) : (entry as LatencyMatrixEntry)))
    : [];
  return { ...network, ...given, matrix };
}

/** Splits an already-checked object into its known fields and an extras bag. */
function splitKnown<T>(value: JsonObject, fields: readonly FieldDescriptor[]): T {
  const known: JsonObject = {};
  const unknown: JsonObject = {};
  for (const key of Object.keys(value)) {
    if (fields.some((descriptor) => descriptor.name === key)) known[key] = value[key];
    else if (!RESERVED_KEYS.has(key)) unknown[key] = value[key];
  }
  return assemble<T>({ known, unknown, valid: true }, fields);
}

function readView(raw: JsonObject, log: ProblemLog): ViewState | undefined {
  if (!Object.hasOwn(raw, 'view')) return undefined;
  const checked = checkObject(raw.view, VIEW_FIELDS, ['view'], log);
  return checked ? assemble<ViewState>(checked, VIEW_FIELDS) : undefined;
}

function newRecordMap<T>(): Record<string, T> {
  // No prototype: ids such as "constructor" or "toString" must not find inherited members.
  return Object.create(null) as Record<string, T>;
}

function readRegions(items: unknown[], ids: IdIndex, log: ProblemLog): Record<string, Region> {
  const regions = newRecordMap<Region>();
  items.forEach((item, index) => {
    const checked = checkObject(item, REGION_FIELDS, ['regions', index], log);
    if (!checked) return;
    const region = assemble<Region>(checked, REGION_FIELDS);
    if (registerId('regions', index, region.id, ids, log)) regions[region.id] = region;
  });
  return regions;
}

const NODE_RECORD_FIELDS = NODE_FIELDS.filter((descriptor) => descriptor.name !== 'config');

function readNodes(items: unknown[], ids: IdIndex, read: ReadRecords<NodeRecord>, log: ProblemLog): Record<string, NodeRecord> {
  const nodes = newRecordMap<NodeRecord>();
  items.forEach((item, index) => {
    const path: PathSegment[] = ['nodes', index];
    if (isPlainObject(item) && typeof item.kind === 'string' && !isNodeKind(item.kind)) {
      log.error([...path, 'kind'], `unknown node kind ${preview(item.kind)} (expected one of ${NODE_KINDS.join(', ')})`);
    }
    const checked = checkObject(item, NODE_RECORD_FIELDS, path, log, ['config']);
    if (!checked) return;
    let config: JsonObject = {};
    if (Object.hasOwn(checked.known, 'config')) {
      const given = checked.known.config;
      if (!isPlainObject(given)) log.error([...path, 'config'], `must be an object (got ${preview(given)})`);
      else {
        config = given;
        if (isNodeKind(checked.known.kind)) checkObject(given, NODE_KIND_INFO[checked.known.kind].fields, [...path, 'config'], log);
      }
    }
    const node = assemble<NodeRecord>({ ...checked, known: { ...checked.known, config } }, NODE_FIELDS);
    read.push({ record: node, index });
    if (registerId('nodes', index, node.id, ids, log)) nodes[node.id] = node;
  });
  return nodes;
}

function readLinks(items: unknown[], ids: IdIndex, read: ReadRecords<LinkRecord>, log: ProblemLog): Record<string, LinkRecord> {
  const links = newRecordMap<LinkRecord>();
  items.forEach((item, index) => {
    const checked = checkObject(item, LINK_FIELDS, ['links', index], log);
    if (!checked) return;
    // `kind` is always present in memory; the saver leaves the default out again.
    const link = assemble<LinkRecord>({ ...checked, known: { kind: 'traffic', ...checked.known } }, LINK_FIELDS);
    read.push({ record: link, index });
    if (registerId('links', index, link.id, ids, log)) links[link.id] = link;
  });
  return links;
}

function readEvents(items: unknown[], log: ProblemLog): ScenarioEvent[] {
  const events: ScenarioEvent[] = [];
  items.forEach((item, index) => {
    const checked = checkObject(item, EVENT_FIELDS, ['scenario', index], log, ['params']);
    if (!checked) {
      // A stand-in keeps later events at their indices; the error is reported and the file is
      // refused, so it is never run (its empty note keeps it from drawing warnings of its own).
      events.push({ atS: 0, action: 'note', note: '' });
      return;
    }
    events.push(assemble<ScenarioEvent>(checked, EVENT_FIELDS));
  });
  return events;
}

function readChecks(items: unknown[], log: ProblemLog): Check[] {
  const checks: Check[] = [];
  const ids: IdIndex = new Map();
  items.forEach((item, index) => {
    const checked = checkObject(item, CHECK_FIELDS, ['checks', index], log);
    if (!checked) {
      checks.push({ metric: 'availability', op: '>=', value: 0 });
      return;
    }
    const check = assemble<Check>(checked, CHECK_FIELDS);
    if (check.id !== undefined) registerId('checks', index, check.id, ids, log);
    checks.push(check);
  });
  return checks;
}

// --- second pass: references ------------------------------------------------------------------

const KIND_ARTICLE: Record<NodeKind, string> = {
  client: 'a client',
  dns: 'a dns',
  cdn: 'a cdn',
  lb: 'an lb',
  proxy: 'a proxy',
  app: 'an app',
  cache: 'a cache',
  db: 'a db',
  'shard-router': 'a shard-router',
  queue: 'a queue',
  worker: 'a worker',
};

function listKinds(kinds: readonly NodeKind[]): string {
  if (kinds.length === 1) return `${KIND_ARTICLE[kinds[0]]} node`;
  return `${KIND_ARTICLE[kinds[0]]}${kinds.slice(1, -1).map((kind) => `, ${kind}`).join('')} or ${kinds[kinds.length - 1]} node`;
}

class ReferenceChecker {
  /**
   * The end of the run, when `durationS` is valid. An invalid one was reported already: measured
   * against it, every event and check window would be reported again ("not before the end of the
   * run (durationS -5)"), burying the one real problem.
   */
  private readonly endS: number | undefined;

  constructor(
    private readonly document: FaultlineDocument,
    private readonly regionIds: IdIndex,
    private readonly nodeIds: IdIndex,
    private readonly linkIds: IdIndex,
    private readonly log: ProblemLog,
  ) {
    this.endS = valueSchema(DURATION_FIELD).safeParse(document.durationS).success ? document.durationS : undefined;
  }

  private nodeKind(id: string): NodeKind | undefined {
    return Object.hasOwn(this.document.nodes, id) ? this.document.nodes[id].kind : undefined;
  }

  /** What else an id names, to explain a reference to the wrong kind of record. */
  private otherMeaning(id: string, expected: 'node' | 'region' | 'link'): string {
    if (expected !== 'node' && this.nodeIds.has(id)) return ` ("${id}" is a node)`;
    if (expected !== 'link' && this.linkIds.has(id)) return ` ("${id}" is a link)`;
    if (expected !== 'region' && this.regionIds.has(id)) return ` ("${id}" is a region)`;
    return '';
  }

  /** Reports a dangling reference; returns whether the id exists. Invalid ids were reported already. */
  private reference(path: PathSegment[], id: unknown, to: 'node' | 'region' | 'link'): id is string {
    if (!isValidId(id)) return false;
    const ids = to === 'node' ? this.nodeIds : to === 'region' ? this.regionIds : this.linkIds;
    if (ids.has(id)) return true;
    this.log.error(path, `refers to ${to} "${id}", which does not exist${this.otherMeaning(id, to)}`);
    return false;
  }

  private nodeOfKinds(path: PathSegment[], id: unknown, kinds: readonly NodeKind[] | undefined, role: string): id is string {
    if (!this.reference(path, id, 'node')) return false;
    const kind = this.nodeKind(id as string);
    if (kinds && kind && !kinds.includes(kind)) {
      this.log.error(path, `${role} must be ${listKinds(kinds)}; "${id as string}" is ${KIND_ARTICLE[kind]}`);
      return false;
    }
    return true;
  }

  checkNetwork(): void {
    const seen = new Map<string, number>();
    this.document.network.matrix.forEach((entry, index) => {
      if (!isPlainObject(entry)) return;
      const path: PathSegment[] = ['network', 'matrix', index];
      const fromOk = this.reference([...path, 'from'], entry.from, 'region');
      const toOk = this.reference([...path, 'to'], entry.to, 'region');
      if (!fromOk || !toOk) return;
      if (entry.from === entry.to) {
        this.log.warning(path, `an entry from a region to itself is not used (inside a region the delay is network.intraRegionMs)`);
        return;
      }
      const pair = [entry.from, entry.to].sort().join('\u0000');
      const first = seen.get(pair);
      if (first !== undefined) this.log.error(path, `a second delay between "${entry.from}" and "${entry.to}" (already given by network.matrix[${first}]; entries apply both ways)`);
      else seen.set(pair, index);
    });
  }

  checkNodes(read: ReadRecords<NodeRecord>): void {
    for (const { record: node, index } of read) {
      const path: PathSegment[] = ['nodes', index];
      if (node.region !== undefined) this.reference([...path, 'region'], node.region, 'region');
      if (node.kind === 'lb') this.checkLb(node, path);
    }
  }

  private checkLb(node: NodeRecord, path: PathSegment[]): void {
    const { config } = node;
    if (config.sticky === true && config.layer === 4) {
      this.log.warning([...path, 'config', 'sticky'], 'sticky sessions need layer 7; at layer 4 this has no effect');
    }
    if (isPlainObject(config.ha) && config.ha.peer !== undefined) this.checkPeer(config.ha.peer, node.id, [...path, 'config', 'ha', 'peer']);
  }

  /** An HA peer (in a node's config or a `set` patch) names another load balancer. */
  private checkPeer(peer: unknown, lbId: unknown, path: PathSegment[]): void {
    if (this.nodeOfKinds(path, peer, ['lb'], 'the peer') && peer === lbId) this.log.error(path, 'a load balancer cannot be its own peer');
  }

  checkLinks(read: ReadRecords<LinkRecord>): void {
    const seen = new Map<string, number>();
    for (const { record: link, index } of read) {
      const path: PathSegment[] = ['links', index];
      const fromOk = this.reference([...path, 'from'], link.from, 'node');
      const toOk = this.reference([...path, 'to'], link.to, 'node');
      if (!fromOk || !toOk) continue;
      if (link.from === link.to) {
        this.log.error([...path, 'to'], `a link cannot connect node "${link.from}" to itself`);
        continue;
      }
      if (link.kind === 'replication') {
        for (const end of ['from', 'to'] as const) {
          const kind = this.nodeKind(link[end]);
          if (kind && kind !== 'db') this.log.error([...path, end], `replication links join databases; "${link[end]}" is ${KIND_ARTICLE[kind]}`);
        }
      }
      const key = `${link.from}\u0000${link.to}\u0000${link.kind}`;
      const first = seen.get(key);
      if (first !== undefined) this.log.warning(path, `a second ${link.kind} link from "${link.from}" to "${link.to}" (links[${first}] already joins them)`);
      else seen.set(key, index);
    }
  }

  checkScenario(): void {
    this.document.scenario.forEach((event, index) => this.checkEvent(event, ['scenario', index]));
  }

  private checkEvent(event: ScenarioEvent, path: PathSegment[]): void {
    if (!(SCENARIO_ACTIONS as readonly string[]).includes(event.action)) return;
    const action: ScenarioAction = event.action;
    const info = ACTION_INFO[action];
    const has = (key: keyof ScenarioEvent): boolean => Object.hasOwn(event, key);

    if (typeof event.atS === 'number' && this.endS !== undefined && event.atS >= this.endS) {
      this.log.warning([...path, 'atS'], `is not before the end of the run (durationS ${this.endS}), so it never happens`);
    }

    if (info.target === 'node') {
      if (!has('target')) this.log.error([...path, 'target'], `a ${action} event needs a target node`);
      else this.nodeOfKinds([...path, 'target'], event.target, info.targetKinds, `the target of ${action}`);
    } else if (info.target === 'link') {
      if (!has('target')) this.log.error([...path, 'target'], `a ${action} event needs a target link`);
      else this.reference([...path, 'target'], event.target, 'link');
    } else if (has('target')) {
      this.log.warning([...path, 'target'], `not used by a ${action} event`);
    }

    if (info.needsGroups) this.checkGroups(event, path);
    else if (has('groups')) this.log.warning([...path, 'groups'], `not used by a ${action} event`);

    if (info.needsFactor) {
      if (!has('factor')) this.log.error([...path, 'factor'], `a ${action} event needs a factor (service times are multiplied by it)`);
    } else if (has('factor')) this.log.warning([...path, 'factor'], `not used by a ${action} event`);

    if (info.params) this.checkParams(event, info.params, path);
    else if (has('params')) this.log.warning([...path, 'params'], `not used by a ${action} event`);

    if (action === 'note' && !has('note')) this.log.warning(path, 'a note event without note text shows nothing');
    this.warnIfNoEffect(event, action, path);
  }

  /** Events that are valid but would change nothing (a lesson author expects to see something). */
  private warnIfNoEffect(event: ScenarioEvent, action: ScenarioAction, path: PathSegment[]): void {
    const kind = isValidId(event.target) ? this.nodeKind(event.target) : undefined;
    if (action === 'slow' && (kind === 'client' || kind === 'queue')) {
      this.log.warning([...path, 'target'], `${KIND_ARTICLE[kind]} node has no service time, so slow changes nothing`);
    }
    if (action === 'flush' && kind === 'cdn' && this.document.nodes[event.target as string].config.mode === 'push') {
      this.log.warning([...path, 'target'], 'a push CDN keeps the content pushed to it, so flush changes nothing');
    }
    // Partitions add up (DESIGN §3): one group cuts nothing off, whatever other partitions there are.
    if (action === 'partition' && Array.isArray(event.groups) && event.groups.length === 1) {
      this.log.warning([...path, 'groups'], 'one group cuts nothing off: nodes that no group names keep talking to everyone (name the other side as a second group)');
    }
  }

  private checkGroups(event: ScenarioEvent, path: PathSegment[]): void {
    const groupsPath = [...path, 'groups'];
    if (!Object.hasOwn(event, 'groups')) {
      this.log.error(groupsPath, `a ${event.action} event needs groups: lists of node or region ids`);
      return;
    }
    if (!Array.isArray(event.groups)) return; // reported by the first pass
    if (event.groups.length === 0) {
      this.log.error(groupsPath, 'must name at least one group of node or region ids');
      return;
    }
    const seen = new Map<string, number>();
    event.groups.forEach((group, groupIndex) => {
      if (!Array.isArray(group)) return;
      if (group.length === 0) this.log.error([...groupsPath, groupIndex], 'a group must name at least one node or region');
      group.forEach((member, memberIndex) => {
        if (!isValidId(member)) return;
        const memberPath = [...groupsPath, groupIndex, memberIndex];
        const isNode = this.nodeIds.has(member);
        const isRegion = this.regionIds.has(member);
        if (!isNode && !isRegion) this.log.error(memberPath, `refers to "${member}", which is neither a node nor a region${this.otherMeaning(member, 'region')}`);
        if (isNode && isRegion) this.log.warning(memberPath, `"${member}" is both a node id and a region id`);
        const earlier = seen.get(member);
        if (earlier !== undefined && earlier !== groupIndex) this.log.error(memberPath, `"${member}" is already in group ${earlier}; a member can be on one side only`);
        else seen.set(member, groupIndex);
      });
    });
    // Valid (the later group wins), but seldom meant: say so rather than refuse a saved file.
    const across = nodeAcrossItsRegion(this.document, event.groups.filter(Array.isArray));
    if (across !== null) {
      const outcome = across.nodeGroup > across.regionGroup ? `the run puts it in group ${across.nodeGroup}, cut off from the rest of its region` : `the run puts it with its region in group ${across.regionGroup}, so naming it in group ${across.nodeGroup} does nothing`;
      this.log.warning(groupsPath, `"${across.node}" is in group ${across.nodeGroup} and its region "${across.region}" in group ${across.regionGroup}: ${outcome}`);
    }
  }

  private checkParams(event: ScenarioEvent, kind: 'config' | 'degrade', path: PathSegment[]): void {
    const paramsPath = [...path, 'params'];
    if (!Object.hasOwn(event, 'params')) {
      this.log.error(paramsPath, kind === 'config' ? 'a set event needs params: the config fields to change' : 'a degrade event needs params: latencyMs, jitterMs and/or lossRate');
      return;
    }
    if (!isPlainObject(event.params)) {
      this.log.error(paramsPath, `must be an object (got ${preview(event.params)})`);
      return;
    }
    if (Object.keys(event.params).length === 0) this.log.warning(paramsPath, 'is empty, so the event changes nothing');
    if (kind === 'degrade') {
      checkObject(event.params, DEGRADE_FIELDS, paramsPath, this.log);
      return;
    }
    const targetKind = isValidId(event.target) ? this.nodeKind(event.target) : undefined;
    // Without a known target kind the patch cannot be judged; the target problem is reported.
    if (targetKind) checkObject(event.params, NODE_KIND_INFO[targetKind].fields, paramsPath, this.log);
    if (targetKind === 'lb' && isPlainObject(event.params.ha) && event.params.ha.peer !== undefined) {
      this.checkPeer(event.params.ha.peer, event.target, [...paramsPath, 'ha', 'peer']);
    }
  }

  checkChecks(): void {
    this.document.checks.forEach((check, index) => {
      const path: PathSegment[] = ['checks', index];
      const info = Object.hasOwn(METRIC_INFO, check.metric) ? METRIC_INFO[check.metric] : undefined;
      if (Object.hasOwn(check, 'node')) this.nodeOfKinds([...path, 'node'], check.node, info?.nodeKinds, `the node of ${check.metric}`);
      else if (info?.needsNode) this.log.error([...path, 'node'], `the metric ${check.metric} needs a node`);
      if (typeof check.fromS === 'number' && typeof check.toS === 'number' && check.toS <= check.fromS) {
        this.log.error([...path, 'toS'], `must be after fromS (${check.fromS})`);
      } else if (typeof check.fromS === 'number' && this.endS !== undefined && check.fromS >= this.endS) {
        this.log.warning([...path, 'fromS'], `is not before the end of the run (durationS ${this.endS}): the check measures nothing and fails`);
      }
      const fractional = [check.fromS, check.toS].some((bound) => typeof bound === 'number' && !Number.isInteger(bound));
      if (info?.needsNode && fractional) {
        const from = Math.floor(typeof check.fromS === 'number' ? check.fromS : 0);
        const to = typeof check.toS === 'number' ? `${Math.ceil(check.toS)} s` : 'the end';
        this.log.warning(path, `${check.metric} is kept per whole second of the run, so this window counts from ${from} s to ${to}`);
      }
      // A ratio outside 0–1 or a negative latency, throughput or count: valid, but never what was meant.
      const valueProblem = typeof check.value === 'number' && info !== undefined ? thresholdProblem(check.metric, check.value) : null;
      if (valueProblem !== null) {
        this.log.warning([...path, 'value'], `${valueProblem}, so this check ${ratioCheckAlwaysPasses(check.op, check.value) ? 'always passes' : 'can never pass'}`);
      }
      if (info !== undefined && !info.needsNode && Object.hasOwn(check, 'node')) {
        this.log.warning([...path, 'node'], `is ignored: ${check.metric} is measured over all client requests`);
      }
    });
  }
}
