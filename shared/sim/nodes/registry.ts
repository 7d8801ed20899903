import type {
  AppConfig,
  CacheConfig,
  ClientConfig,
  DbConfig,
  LbConfig,
  NodeKind,
  ResolvedConfig,
} from '../../model/types';
import type { World } from '../engine/world';
import type { NodeModel } from './nodeModel';
import { ClientModel } from './client';
import { LbModel } from './lb';
import { AppModel } from './app';
import { CacheModel } from './cache';
import { DbModel } from './db';
import { UnsupportedModel } from './unsupported';

/** What a factory gets to build one node's model. */
export interface NodeSetup {
  world: World;
  index: number;
  config: ResolvedConfig;
  /** Outgoing traffic link indices, in file ("link") order. */
  outLinks: number[];
}

export type NodeFactory = (setup: NodeSetup) => NodeModel;

/** Outgoing links whose target is of one of `kinds`. */
function linksTo(setup: NodeSetup, kinds: readonly NodeKind[]): number[] {
  const { world, outLinks } = setup;
  return outLinks.filter((link) => kinds.includes(world.nodeKinds[world.links.to[link]]));
}

function linksNotTo(setup: NodeSetup, kinds: readonly NodeKind[]): number[] {
  const { world, outLinks } = setup;
  return outLinks.filter((link) => !kinds.includes(world.nodeKinds[world.links.to[link]]));
}

/** Kind → model. Kinds without an entry run as {@link UnsupportedModel}. */
export const NODE_FACTORIES: Partial<Record<NodeKind, NodeFactory>> = {
  client: (setup) => new ClientModel(setup.world, setup.index, setup.config as ClientConfig, linksNotTo(setup, ['cdn', 'dns'])),
  lb: (setup) => new LbModel(setup.world, setup.index, setup.config as LbConfig, setup.outLinks),
  app: (setup) =>
    new AppModel(setup.world, setup.index, setup.config as AppConfig, {
      cache: linksTo(setup, ['cache'])[0] ?? -1,
      db: linksTo(setup, ['db'])[0] ?? -1,
      apps: linksTo(setup, ['app']),
    }),
  cache: (setup) => new CacheModel(setup.world, setup.index, setup.config as CacheConfig),
  db: (setup) => new DbModel(setup.world, setup.index, setup.config as DbConfig),
};

export function isSupportedKind(kind: NodeKind): boolean {
  return NODE_FACTORIES[kind] !== undefined;
}

export function createNodeModel(kind: NodeKind, setup: NodeSetup): NodeModel {
  const factory = NODE_FACTORIES[kind];
  return factory ? factory(setup) : new UnsupportedModel(setup.world, setup.index, kind);
}
