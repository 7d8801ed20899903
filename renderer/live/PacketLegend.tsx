import { ChevronUp } from 'lucide-react';
import { useEffect, useRef, useState } from 'react';
import { cssHex } from './cssHex';
import { FAILURE_COLOR, PACKET_KIND_COLORS, PACKET_KIND_LABELS, PACKET_KINDS } from './packetStyle';

const STORAGE_KEY = 'faultline.legend';
/**
 * A canvas shorter than this starts with the legend folded to its button: open, it is three rows
 * over the top of the canvas, and Fit keeps the diagram clear of it, so on a 800×600 window it
 * left the diagram a strip 66 px tall between it and the narration.
 */
const LEGEND_FOLD_BELOW_PX = 420;

type LegendChoice = 'open' | 'folded';

function storedChoice(): LegendChoice | null {
  try {
    const saved = window.localStorage.getItem(STORAGE_KEY);
    return saved === 'open' || saved === 'folded' ? saved : null;
  } catch {
    // Storage may be unavailable (private mode): the canvas's height decides.
    return null;
  }
}

/**
 * What the packet colours mean, in a corner of the canvas. It folds to a small "Legend" button,
 * by itself on a short canvas until the user opens it; the user's choice either way is remembered.
 */
export function PacketLegend() {
  const ref = useRef<HTMLDivElement>(null);
  const [choice, setChoice] = useState<LegendChoice | null>(storedChoice);
  const [shortCanvas, setShortCanvas] = useState(false);
  useEffect(() => {
    const area = ref.current?.parentElement;
    if (!area) return;
    const measure = () => setShortCanvas(area.clientHeight > 0 && area.clientHeight < LEGEND_FOLD_BELOW_PX);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(area);
    return () => observer.disconnect();
  }, []);
  const choose = (next: LegendChoice) => {
    setChoice(next);
    try {
      window.localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Not remembered; the button still works for this session.
    }
  };
  const open = choice === null ? !shortCanvas : choice === 'open';
  return (
    <div ref={ref} className={open ? 'live-legend' : 'live-legend folded'} data-testid="packet-legend">
      {open ? (
        <>
          <ul aria-label="Packet colors">
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
          <button type="button" className="live-legend-toggle" aria-expanded="true" aria-label="Fold the packet legend" title="Fold the packet legend" onClick={() => choose('folded')}>
            <ChevronUp size={14} />
          </button>
        </>
      ) : (
        <button type="button" className="live-legend-toggle" aria-expanded="false" title="What the packet colours mean" onClick={() => choose('open')}>
          Legend
        </button>
      )}
    </div>
  );
}
