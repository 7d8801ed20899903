import { cssHex } from './cssHex';
import { FAILURE_COLOR, PACKET_KIND_COLORS, PACKET_KIND_LABELS, PACKET_KINDS } from './packetStyle';

/** What the packet colours mean, in a corner of the canvas. */
export function PacketLegend() {
  return (
    <ul className="live-legend" aria-label="Packet colors">
      {PACKET_KINDS.map((kind) => (
        <li key={kind}>
          <span className="live-legend-dot" style={{ background: cssHex(PACKET_KIND_COLORS[kind]) }} />
          {PACKET_KIND_LABELS[kind]}
        </li>
      ))}
      <li>
        <span className="live-legend-dot" style={{ background: cssHex(FAILURE_COLOR) }} />
        Failed
      </li>
    </ul>
  );
}
