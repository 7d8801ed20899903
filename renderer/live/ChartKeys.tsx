import { useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import type { ChartSeriesSpec } from './UPlotChart';

interface ChartKeysProps {
  series: readonly ChartSeriesSpec[];
  /** Highlights series `index` in the plot (null: none), while the pointer is on its key. */
  onFocus(index: number | null): void;
  testId?: string;
}

/**
 * A chart's series key in the lines its caption has room for (one or two, by the dock's height).
 * Keys that do not fit are not scrolled out of sight: they fold into a "+N more" button that opens
 * the rest as a list over the plot. Pointing at a key, here or in the list, highlights its series
 * in the plot (the others fade), which is how a reader tells six similar lines apart.
 */
export function ChartKeys({ series, onFocus, testId }: ChartKeysProps) {
  const boxRef = useRef<HTMLSpanElement>(null);
  const [open, setOpen] = useState(false);
  const listId = useId();
  const seriesKey = series.map((s) => s.label).join('|');
  // How many keys are shown before the "+N more" button: every one to begin with, again when the
  // keys or the room change; the layout effect below then takes keys away, before anything is
  // painted, until what is left fits.
  const [fit, setFit] = useState({ key: seriesKey, shown: series.length });
  let shown = Math.min(fit.shown, series.length);
  if (fit.key !== seriesKey) {
    shown = series.length;
    setFit({ key: seriesKey, shown });
  }
  useEffect(() => {
    const figure = boxRef.current?.closest('figure');
    if (!figure) return;
    let width = figure.clientWidth;
    let height = window.innerHeight;
    const observer = new ResizeObserver(() => {
      // Only a change of the room available counts (not the keys' own box shrinking as they fold).
      if (figure.clientWidth === width && window.innerHeight === height) return;
      width = figure.clientWidth;
      height = window.innerHeight;
      setFit((current) => ({ ...current, shown: Number.MAX_SAFE_INTEGER }));
    });
    observer.observe(figure);
    return () => observer.disconnect();
  }, []);
  useLayoutEffect(() => {
    const box = boxRef.current;
    if (box === null) return;
    const limit = box.clientHeight + 0.5;
    const overflows = Array.from(box.children).some((child) => {
      const element = child as HTMLElement;
      return element.offsetTop + element.offsetHeight > limit;
    });
    if (overflows && shown > 0) setFit((current) => ({ ...current, shown: shown - 1 }));
    // Every key fits (measured, not merely "all shown" while the keys are being fitted again after
    // a re-order or a resize): there is nothing left to list. An open list otherwise stays open.
    else if (!overflows && shown >= series.length && open) setOpen(false);
  });

  const hidden = series.length - shown;
  // Where the list of folded keys opens: under the caption, no lower than the figure's bottom.
  const listPlace = () => {
    const caption = boxRef.current?.closest('figcaption');
    const figure = caption?.closest('figure');
    if (!caption || !figure) return undefined;
    const top = caption.offsetTop + caption.offsetHeight + 2;
    return { top, maxHeight: Math.max(40, figure.clientHeight - top) };
  };
  useEffect(() => {
    if (!open) return;
    const close = (event: Event) => {
      if (event instanceof KeyboardEvent && event.key !== 'Escape') return;
      if (event instanceof PointerEvent && boxRef.current?.closest('figure')?.contains(event.target as Node)) return;
      setOpen(false);
      onFocus(null);
    };
    document.addEventListener('keydown', close);
    document.addEventListener('pointerdown', close);
    return () => {
      document.removeEventListener('keydown', close);
      document.removeEventListener('pointerdown', close);
    };
  }, [open, onFocus]);

  const key = (s: ChartSeriesSpec, index: number) => (
    <span key={s.label} className="live-chart-key" title={s.label} onPointerEnter={() => onFocus(index)} onPointerLeave={() => onFocus(null)}>
      <i style={{ background: s.color }} />
      {s.label}
    </span>
  );
  return (
    <>
      <span ref={boxRef} className="live-chart-keys" data-testid={testId === undefined ? undefined : `${testId}-keys`}>
        {series.slice(0, series.length - hidden).map(key)}
        {hidden > 0 && (
          <button
            type="button"
            className="live-chart-more"
            aria-expanded={open}
            aria-controls={listId}
            aria-label={`${hidden} more series: ${series.slice(series.length - hidden).map((s) => s.label).join(', ')}`}
            data-testid={testId === undefined ? undefined : `${testId}-more`}
            onClick={() => setOpen(!open)}
          >
            +{hidden} more
          </button>
        )}
      </span>
      {open && hidden > 0 && (
        <span className="live-chart-more-list" style={listPlace()} id={listId} role="group" aria-label="More series" data-testid={testId === undefined ? undefined : `${testId}-more-list`}>
          {series.slice(series.length - hidden).map((s, i) => key(s, series.length - hidden + i))}
        </span>
      )}
    </>
  );
}
