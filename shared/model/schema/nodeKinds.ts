/**
 * One entry per node kind (DESIGN §3): label, summary, config fields and the zod schema built from
 * them. Palettes, inspector forms, the loader, the saver and `resolveNodeConfig` all read this.
 */
import type { z } from 'zod';
import { NODE_KINDS, type NodeKind } from '../types';
import { FAILURE_FIELDS } from './common';
import { objectSchema, type FieldDescriptor } from './fields';
import { CLIENT_FIELDS } from './kinds/client';
import { DNS_FIELDS } from './kinds/dns';
import { CDN_FIELDS } from './kinds/cdn';
import { LB_FIELDS } from './kinds/lb';
import { PROXY_FIELDS } from './kinds/proxy';
import { APP_FIELDS } from './kinds/app';
import { CACHE_FIELDS } from './kinds/cache';
import { DB_FIELDS } from './kinds/db';
import { SHARD_ROUTER_FIELDS } from './kinds/shardRouter';
import { QUEUE_FIELDS } from './kinds/queue';
import { WORKER_FIELDS } from './kinds/worker';

export interface NodeKindInfo {
  kind: NodeKind;
  label: string;
  summary: string;
  /** Config fields in saved-key order; the kind's own fields first, then `mtbfS`, `mttrS`. */
  fields: readonly FieldDescriptor[];
  /** zod schema of the sparse config object (defaults applied by `.parse`, unknown keys kept). */
  schema: z.ZodType;
}

const KIND_DEFINITIONS: Record<NodeKind, { label: string; summary: string; fields: readonly FieldDescriptor[] }> = {
  client: { label: 'Clients', summary: 'A population of users sending requests.', fields: CLIENT_FIELDS },
  dns: { label: 'DNS', summary: 'Answers with one of the nodes it links to.', fields: DNS_FIELDS },
  cdn: { label: 'CDN', summary: 'Edge cache for static reads.', fields: CDN_FIELDS },
  lb: { label: 'Load balancer', summary: 'Spreads requests over the backends it links to.', fields: LB_FIELDS },
  proxy: { label: 'Reverse proxy', summary: 'Sits in front of its upstreams: caching, rate limiting, TLS.', fields: PROXY_FIELDS },
  app: { label: 'App server', summary: 'Workers, a queue, service time, then calls downstream.', fields: APP_FIELDS },
  cache: { label: 'Cache', summary: 'In-memory key-value cache.', fields: CACHE_FIELDS },
  db: { label: 'Database', summary: 'A primary or replica; replication links form a cluster.', fields: DB_FIELDS },
  'shard-router': { label: 'Shard router', summary: 'Routes each key to one of the database clusters it links to.', fields: SHARD_ROUTER_FIELDS },
  queue: { label: 'Queue', summary: 'Message broker between apps and workers.', fields: QUEUE_FIELDS },
  worker: { label: 'Worker', summary: 'Consumes jobs from queues.', fields: WORKER_FIELDS },
};

function kindInfo(kind: NodeKind): NodeKindInfo {
  const definition = KIND_DEFINITIONS[kind];
  const fields = [...definition.fields, ...FAILURE_FIELDS];
  return { kind, label: definition.label, summary: definition.summary, fields, schema: objectSchema(fields) };
}

export const NODE_KIND_INFO: Readonly<Record<NodeKind, NodeKindInfo>> = Object.fromEntries(
  NODE_KINDS.map((kind) => [kind, kindInfo(kind)]),
) as unknown as Record<NodeKind, NodeKindInfo>;

export function isNodeKind(value: unknown): value is NodeKind {
  return typeof value === 'string' && (NODE_KINDS as readonly string[]).includes(value);
}

/** The config fields of a kind, in saved-key order. */
export function configFields(kind: NodeKind): readonly FieldDescriptor[] {
  return NODE_KIND_INFO[kind].fields;
}
