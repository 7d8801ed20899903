/** Canvas colours. The canvas is drawn by Pixi, so it cannot read CSS variables every frame. */
export type ThemeName = 'dark' | 'light';

export interface CanvasTheme {
  name: ThemeName;
  background: number;
  gridDot: number;
  regionFill: number;
  regionStroke: number;
  regionLabel: number;
  cardFill: number;
  cardStroke: number;
  cardShadow: number;
  text: number;
  mutedText: number;
  link: number;
  replicationLink: number;
  selection: number;
  refused: number;
  brushFill: number;
}

export const DARK_THEME: CanvasTheme = {
  name: 'dark',
  background: 0x0e1116,
  gridDot: 0x262d38,
  regionFill: 0x141a22,
  regionStroke: 0x2f3a4a,
  regionLabel: 0x94a3b8,
  cardFill: 0x1b222c,
  cardStroke: 0x36414f,
  cardShadow: 0x000000,
  text: 0xeef2f7,
  mutedText: 0x94a3b8,
  link: 0x6b7c93,
  replicationLink: 0xf6aea9,
  selection: 0x5b9dff,
  refused: 0xff6b6b,
  brushFill: 0x5b9dff,
};

export const LIGHT_THEME: CanvasTheme = {
  name: 'light',
  background: 0xf7f8fa,
  gridDot: 0xd5dae1,
  regionFill: 0xeef2f7,
  regionStroke: 0xc3ccd8,
  regionLabel: 0x56657a,
  cardFill: 0xffffff,
  cardStroke: 0xc9d1dc,
  cardShadow: 0x1b2330,
  text: 0x17202b,
  mutedText: 0x5d6b7e,
  link: 0x7d8ba0,
  replicationLink: 0xc2410c,
  selection: 0x2563eb,
  refused: 0xdc2626,
  brushFill: 0x2563eb,
};

export const CANVAS_THEMES: Record<ThemeName, CanvasTheme> = { dark: DARK_THEME, light: LIGHT_THEME };
