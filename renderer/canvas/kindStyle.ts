import { Cog, Database, Globe, ListOrdered, Network, Server, ShieldCheck, Signpost, Split, Users, Zap, type LucideIcon } from 'lucide-react';
import type { NodeKind } from '../../shared/model/types';
import type { ThemeName } from './theme';

export interface KindStyle {
  /** Accent colour per theme: pastel on dark, deeper on light, so icons read on both. */
  color: Record<ThemeName, number>;
  icon: LucideIcon;
}

/** Colours chosen to stay distinguishable on a projector and for common colour-vision deficiencies. */
export const KIND_STYLES: Record<NodeKind, KindStyle> = {
  client: { color: { dark: 0x8ab4f8, light: 0x1d4ed8 }, icon: Users },
  dns: { color: { dark: 0xc58af9, light: 0x7e22ce }, icon: Signpost },
  cdn: { color: { dark: 0x78d9ec, light: 0x0e7490 }, icon: Globe },
  lb: { color: { dark: 0x81c995, light: 0x15803d }, icon: Network },
  proxy: { color: { dark: 0xa8dab5, light: 0x047857 }, icon: ShieldCheck },
  app: { color: { dark: 0xfdd663, light: 0xa16207 }, icon: Server },
  cache: { color: { dark: 0xff8bcb, light: 0xbe185d }, icon: Zap },
  db: { color: { dark: 0xf6aea9, light: 0xb91c1c }, icon: Database },
  'shard-router': { color: { dark: 0xfcad70, light: 0xc2410c }, icon: Split },
  queue: { color: { dark: 0xd7aefb, light: 0x6d28d9 }, icon: ListOrdered },
  worker: { color: { dark: 0xe6c9a8, light: 0x92400e }, icon: Cog },
};

/** The palette's groups (DESIGN §7 / issue 7), in palette order. */
export const KIND_GROUPS: readonly { label: string; kinds: readonly NodeKind[] }[] = [
  { label: 'Edge', kinds: ['client', 'dns', 'cdn'] },
  { label: 'Traffic', kinds: ['lb', 'proxy'] },
  { label: 'Compute', kinds: ['app', 'worker'] },
  { label: 'Data', kinds: ['cache', 'db', 'shard-router'] },
  { label: 'Async', kinds: ['queue'] },
];

export function cssColor(color: number): string {
  return `#${color.toString(16).padStart(6, '0')}`;
}
