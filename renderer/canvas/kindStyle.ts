import type { NodeKind } from '../../shared/model/types';

export interface KindStyle {
  /** Accent colour of the kind: the card's stripe and icon disc. */
  color: number;
  /** A short glyph drawn in the icon disc until the editor issue brings real icons. */
  glyph: string;
  label: string;
}

/** Colours chosen to stay distinguishable on a projector and for common colour-vision deficiencies. */
export const KIND_STYLES: Record<NodeKind, KindStyle> = {
  client: { color: 0x8ab4f8, glyph: 'USR', label: 'Clients' },
  dns: { color: 0xc58af9, glyph: 'DNS', label: 'DNS' },
  cdn: { color: 0x78d9ec, glyph: 'CDN', label: 'CDN' },
  lb: { color: 0x81c995, glyph: 'LB', label: 'Load balancer' },
  proxy: { color: 0xa8dab5, glyph: 'RP', label: 'Reverse proxy' },
  app: { color: 0xfdd663, glyph: 'APP', label: 'App server' },
  cache: { color: 0xff8bcb, glyph: 'KV', label: 'Cache' },
  db: { color: 0xf6aea9, glyph: 'DB', label: 'Database' },
  'shard-router': { color: 0xfcad70, glyph: 'SR', label: 'Shard router' },
  queue: { color: 0xd7aefb, glyph: 'Q', label: 'Queue' },
  worker: { color: 0xe6c9a8, glyph: 'WRK', label: 'Worker' },
};

export const NODE_CARD = { width: 150, height: 60, radius: 10 } as const;
