/** Canvas colours. The canvas is drawn by Pixi, so it cannot read CSS variables every frame. */
export interface CanvasTheme {
  background: number;
  grid: number;
  regionFill: number;
  regionStroke: number;
  regionLabel: number;
  cardFill: number;
  cardStroke: number;
  text: number;
  mutedText: number;
  link: number;
  replicationLink: number;
}

export const DARK_THEME: CanvasTheme = {
  background: 0x0e1116,
  grid: 0x1a1f27,
  regionFill: 0x151b24,
  regionStroke: 0x2c3645,
  regionLabel: 0x8b98a9,
  cardFill: 0x1c232e,
  cardStroke: 0x323d4d,
  text: 0xe8edf3,
  mutedText: 0x8b98a9,
  link: 0x5b6b80,
  replicationLink: 0xf6aea9,
};
