/**
 * The sizes of what the live view draws on and around a card, and their classroom-mode sizes: a
 * class reads badges and watches packets from the back of a room (CARD_TEXT enlarges the card's
 * own text by about as much). Packets are a scale of the packet texture (radius PACKET_RADIUS × 2).
 */
export const LIVE_SIZES = {
  normal: { packetScale: 0.5, badgeFont: 11, badgeHeight: 16, downWidth: 52, barHeight: 5, barGap: 2, dotScale: 0.4 },
  classroom: { packetScale: 1, badgeFont: 14, badgeHeight: 20, downWidth: 64, barHeight: 7, barGap: 2, dotScale: 0.55 },
} as const;
export type LiveSizes = (typeof LIVE_SIZES)[keyof typeof LIVE_SIZES];
