import { useEffect, useId, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { rovingIndex } from './rovingFocus';
import type { ChartSeriesSpec } from './UPlotChart';

interface ChartKeysProps {
  series: readonly ChartSeriesSpec[];
  /** Highlights series `index` in the plot (null: none), while the pointer or focus is on its key. */
  onFocus(index: number | null): void;
  /** What a screen reader calls the keys ("Latency of ok requests key"). */
  label: string;
  /** More lines of keys where the dock is tall enough (live.css, .live-chart-keys-roomy). */
  roomy?: boolean;
  testId?: string;
}

/**
 * A chart's series key in the lines its caption has room for (one or two, by the dock's height;
 * up to four for `roomy` keys).
 * Keys that do not fit are not scrolled out of sight: they fold into a "+N more" button that opens
 * the rest as a list over the plot. Pointing at a key, here or in the list, highlights its series
 * in the plot (the others fade), which is how a reader tells six similar lines apart.
 *
 * From the keyboard the keys are a listbox (one Tab stop; the arrows, Home and End move between
 * them): the focused key highlights its series as pointing does, Escape clears the highlight
 * (Enter or Space brings it back). "+N more" is the next Tab stop; opened by the keyboard, its list
 * takes focus and is a listbox of its own, and Escape there closes it and returns to the button.
 */
export function ChartKeys({ series, onFocus, label, roomy = false, testId }: ChartKeysProps) {
  const boxRef = useRef<HTMLSpanElement>(null);
  const moreRef = useRef<HTMLButtonElement>(null);
  const listRef = useRef<HTMLSpanElement>(null);
  const [open, setOpen] = useState(false);
  // The key the keyboard was last on (by label: the per-node keys re-order as a run goes), where Tab
  // comes back into the keys; and the one whose series the keyboard highlights now (null: none).
  const [current, setCurrent] = useState<string | null>(null);
  const [lit, setLit] = useState<string | null>(null);
  // "+N more" opened by the keyboard: its list takes focus once it is there.
  const focusListOnOpen = useRef(false);
  const listId = useId();
  const seriesKey = series.map((s) => s.label).join('|');
  // How many keys are shown before the "+N more" button: every one to begin with, again when the
  // keys or the room change; the layout effect below then takes keys away, before anything is
  // painted, until what is left fits.
  // Keys that all carry a total (the consistency chart's) first try to fit by shortening their
  // names — to a word each ("stale 144"; bare numbers left a class at 1280×720 asking which was
  // lost writes), then to colour and total alone — before any folds away: the figures are what the
  // class watches, the names are in each key's tooltip and accessible name (in an 800-pixel window
  // "stale reads 2,781" alone left no room for "+2 more").
  const compactable = series.length > 0 && series.every((s) => s.count !== undefined);
  const tightest = series.some((s) => s.tight !== undefined) ? 2 : 1;
  // Fitted again when the totals first appear (they are not there before the run starts).
  const fitKey = compactable ? `${seriesKey}|totals` : seriesKey;
  const [fit, setFit] = useState({ key: fitKey, shown: series.length, compact: 0 });
  let shown = Math.min(fit.shown, series.length);
  let compact = fit.compact;
  if (fit.key !== fitKey) {
    shown = series.length;
    compact = 0;
    setFit({ key: fitKey, shown, compact });
  }
  useEffect(() => {
    const figure = boxRef.current?.closest('figure');
    if (!figure) return;
    const box = boxRef.current;
    // The lines the keys may take (roomy keys: by the dock's height, live.css).
    const lines = () => (box === null ? '' : getComputedStyle(box).maxHeight);
    let width = figure.clientWidth;
    let height = window.innerHeight;
    let room = lines();
    const observer = new ResizeObserver(() => {
      // Only a change of the room available counts (not the keys' own box shrinking as they fold).
      if (figure.clientWidth === width && window.innerHeight === height && lines() === room) return;
      width = figure.clientWidth;
      height = window.innerHeight;
      room = lines();
      setFit((current) => ({ ...current, shown: Number.MAX_SAFE_INTEGER, compact: 0 }));
    });
    observer.observe(figure);
    return () => observer.disconnect();
  }, []);
  useLayoutEffect(() => {
    const box = boxRef.current;
    if (box === null) return;
    const limit = box.clientHeight + 0.5;
    const overflows = Array.from(box.querySelectorAll('.live-chart-key, .live-chart-more')).some((child) => {
      const element = child as HTMLElement;
      return element.offsetTop + element.offsetHeight > limit;
    });
    if (overflows && compactable && compact < tightest) setFit((current) => ({ ...current, compact: current.compact + 1 }));
    else if (overflows && shown > 0) setFit((current) => ({ ...current, shown: shown - 1 }));
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
  useEffect(() => {
    if (!open || !focusListOnOpen.current) return;
    focusListOnOpen.current = false;
    listRef.current?.querySelector<HTMLElement>('[tabindex="0"]')?.focus();
  }, [open]);

  // A focused key that the busiest-first order moves between the caption and the "+N more" list is
  // a new element there: focus follows it (or goes to "+N more" if it folded into the closed list),
  // instead of falling to the page.
  const refocus = (name: string) => {
    if (document.activeElement !== null && document.activeElement !== document.body) return;
    const figure = boxRef.current?.closest('figure');
    const moved = Array.from(figure?.querySelectorAll<HTMLElement>('[role="option"]') ?? []).find((option) => option.title === name);
    if (moved !== undefined) moved.focus();
    else {
      setLit(null);
      onFocus(null);
      moreRef.current?.focus();
    }
  };
  useLayoutEffect(() => {
    // Chromium fires no blur for a focused element that is removed: the key is still lit, but
    // focus is on the page.
    if (lit !== null) refocus(lit);
  });
  const indexOf = (name: string | null) => (name === null ? -1 : series.findIndex((s) => s.label === name));
  // Arrows, Home and End move focus among one list's keys (focus then highlights); Escape clears
  // the highlight; Enter and Space light the focused key again.
  const onListKey = (event: KeyboardEvent<HTMLElement>, inMoreList: boolean) => {
    if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    const keys = Array.from(event.currentTarget.querySelectorAll<HTMLElement>('[role="option"]'));
    const at = keys.indexOf(event.target as HTMLElement);
    if (at < 0) return;
    const next = rovingIndex(event.key, at, keys.length);
    if (next !== null) {
      event.preventDefault();
      keys[next].focus();
    } else if (event.key === 'Escape') {
      setLit(null);
      onFocus(null);
      // Out of the "+N more" list (which the document's Escape closes) back to its button.
      if (inMoreList) moreRef.current?.focus();
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      const name = keys[at].title;
      setLit(name);
      onFocus(indexOf(name));
    }
  };
  const key = (s: ChartSeriesSpec, index: number, tabStop: boolean) => (
    <span
      key={s.label}
      className="live-chart-key"
      title={s.label}
      // Its full name, also when the key shows a shorter one, and its total if it has one.
      aria-label={s.count !== undefined ? `${s.label} ${s.count}` : s.short === undefined ? undefined : s.label}
      role="option"
      aria-selected={lit === s.label}
      tabIndex={tabStop ? 0 : -1}
      onPointerEnter={() => onFocus(index)}
      // Back to what the keyboard highlights, if a key has focus (none: as before, nothing).
      onPointerLeave={() => onFocus(indexOf(lit) >= 0 ? indexOf(lit) : null)}
      // A click does not focus a key: pointing alone highlights, as it always has.
      onMouseDown={(event) => event.preventDefault()}
      onFocus={() => {
        setCurrent(s.label);
        setLit(s.label);
        onFocus(index);
      }}
      onBlur={() => {
        setLit(null);
        onFocus(null);
      }}
    >
      <i style={{ background: s.color }} aria-hidden="true" />
      {/* Its own box: the key is a flex row, where a bare text run is never given an ellipsis. */}
      {compact === 0 && <span className="live-chart-key-name">{s.short ?? s.label}</span>}
      {compact === 1 && s.tight !== undefined && <span className="live-chart-key-name">{s.tight}</span>}
      {s.count !== undefined && <span className="live-chart-key-count">{s.count}</span>}
    </span>
  );
  // One Tab stop per list: the key the keyboard was last on, if it is in that list, else the first.
  const keysOf = (from: number, to: number) => {
    const stop = indexOf(current) >= from && indexOf(current) < to ? indexOf(current) : from;
    return series.slice(from, to).map((s, i) => key(s, from + i, from + i === stop));
  };
  return (
    <>
      <span ref={boxRef} className={['live-chart-keys', roomy ? 'live-chart-keys-roomy' : '', compact > 0 ? 'live-chart-keys-compact' : ''].filter(Boolean).join(' ')} data-testid={testId === undefined ? undefined : `${testId}-keys`}>
        {shown > 0 && (
          <span className="live-chart-key-list" role="listbox" aria-label={label} aria-orientation="horizontal" onKeyDown={(event) => onListKey(event, false)}>
            {keysOf(0, shown)}
          </span>
        )}
        {hidden > 0 && (
          <button
            ref={moreRef}
            type="button"
            className="live-chart-more"
            aria-expanded={open}
            aria-controls={listId}
            aria-label={`${hidden} more series: ${series.slice(series.length - hidden).map((s) => s.label).join(', ')}`}
            data-testid={testId === undefined ? undefined : `${testId}-more`}
            onClick={(event) => {
              // A click by Enter or Space (no pointer: detail 0) moves focus into the list it opens.
              focusListOnOpen.current = !open && event.detail === 0;
              setOpen(!open);
            }}
          >
            +{hidden} more
          </button>
        )}
      </span>
      {open && hidden > 0 && (
        <span
          ref={listRef}
          className="live-chart-more-list"
          style={listPlace()}
          id={listId}
          role="listbox"
          aria-label={`More of ${label}`}
          aria-orientation="vertical"
          data-testid={testId === undefined ? undefined : `${testId}-more-list`}
          onKeyDown={(event) => onListKey(event, true)}
        >
          {keysOf(shown, series.length)}
        </span>
      )}
    </>
  );
}
