import type {
  AppConfig,
  CacheConfig,
  CdnConfig,
  ClientConfig,
  DbConfig,
  DnsConfig,
  FaultlineDocument,
  LbConfig,
  NodeKind,
  ProxyConfig,
  QueueConfig,
  ResolvedConfig,
  ResolvedNode,
  ShardRouterConfig,
  WorkerConfig,
} from '../../model/types';
import { linkedClientsKeySpace } from '../../model/clientKeySpace';
import type { World } from '../engine/world';
import type { NodeModel } from './nodeModel';
import { ClientModel } from './client';
import { LbModel } from './lb';
import { AppModel } from './app';
import { CacheModel } from './cache';
import { DbModel } from './db';
import { UnsupportedModel } from './unsupported';
import { ShardRouterModel } from './shardRouter';
import { allClientsKeySpace } from './shardRouter/keySpace';
import { QueueModel } from './queue';
import { WorkerModel } from './worker';
import { DnsModel } from './dns';
import { CdnModel } from './cdn';
import { ProxyModel } from './proxy';

/** What a factory gets to build one node's model. */
export interface NodeSetup {
  world: World;
  index: number;
  config: ResolvedConfig;
  /** Outgoing traffic link indices, in file ("link") order. */
  outLinks: number[];
  /** The whole document (regions, other nodes' configs) for kinds that look beyond their links. */
  document: FaultlineDocument;
  /** Every node's resolved config, by id (resolved once for the whole run). */
  resolved: ReadonlyMap<string, ResolvedNode>;
}

export type NodeFactory = (setup: NodeSetup) => NodeModel;

/** Outgoing links whose target is of one of `kinds`. */
function linksTo(setup: NodeSetup, kinds: readonly NodeKind[]): number[] {
  const { world, outLinks } = setup;
  return outLinks.filter((link) => kinds.includes(world.nodeKinds[world.links.to[link]]));
}

/** An lb's backends: its links, except one to its HA peer (that link carries heartbeats). */
function linksExceptHaPeer(setup: NodeSetup): number[] {
  const { world, outLinks } = setup;
  const peer = (setup.config as LbConfig).ha?.peer;
  return peer === undefined ? outLinks : outLinks.filter((link) => world.nodeIds[world.links.to[link]] !== peer);
}

/** Kind → model. Kinds without an entry run as {@link UnsupportedModel}. */
export const NODE_FACTORIES: Partial<Record<NodeKind, NodeFactory>> = {
  client: (setup) => new ClientModel(setup.world, setup.index, setup.config as ClientConfig, setup.outLinks),
  dns: (setup) => new DnsModel(setup.world, setup.index, setup.config as DnsConfig, setup.outLinks, setup.document),
  cdn: (setup) => new CdnModel(setup.world, setup.index, setup.config as CdnConfig, setup.outLinks[0] ?? -1, linkedClientsKeySpace(setup.document, setup.world.nodeIds[setup.index], setup.resolved)),
  proxy: (setup) => new ProxyModel(setup.world, setup.index, setup.config as ProxyConfig, setup.outLinks),
  lb: (setup) => new LbModel(setup.world, setup.index, setup.config as LbConfig, linksExceptHaPeer(setup)),
  app: (setup) =>
    new AppModel(setup.world, setup.index, setup.config as AppConfig, {
      cache: linksTo(setup, ['cache'])[0] ?? -1,
      dbs: linksTo(setup, ['db']),
      router: linksTo(setup, ['shard-router'])[0] ?? -1,
      queue: linksTo(setup, ['queue'])[0] ?? -1,
      apps: linksTo(setup, ['app']),
    }),
  cache: (setup) => new CacheModel(setup.world, setup.index, setup.config as CacheConfig),
  db: (setup) => new DbModel(setup.world, setup.index, setup.config as DbConfig),
  'shard-router': (setup) =>
    new ShardRouterModel(setup.world, setup.index, setup.config as ShardRouterConfig, linksTo(setup, ['db']), allClientsKeySpace(setup.resolved)),
  queue: (setup) => new QueueModel(setup.world, setup.index, setup.config as QueueConfig, linksTo(setup, ['worker'])),
  worker: (setup) => new WorkerModel(setup.world, setup.index, setup.config as WorkerConfig, linksTo(setup, ['db'])),
};

export function isSupportedKind(kind: NodeKind): boolean {
  return NODE_FACTORIES[kind] !== undefined;
}

export function createNodeModel(kind: NodeKind, setup: NodeSetup): NodeModel {
  const factory = NODE_FACTORIES[kind];
  return factory ? factory(setup) : new UnsupportedModel(setup.world, setup.index, kind);
}
