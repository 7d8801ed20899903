import { useMemo, useState, useSyncExternalStore, type ReactNode } from 'react';
import { useKeyboardKeptOnFold } from './useKeyboardKeptOnFold';
import { lintDocument } from '../../shared/model/lint/lintDocument';
import { useDocumentStore } from '../editor/store/DocumentStoreContext';
import { ChecksPanel } from './ChecksPanel';
import { useLiveModel } from './LiveContext';
import { EventLog } from './EventLog';
import { LiveCharts } from './LiveCharts';
import { PlaybackBar } from './PlaybackBar';
import { Timeline } from './Timeline';
import './live.css';

type Tab = 'log' | 'charts' | 'checks' | 'problems';

const TABS: { id: Tab; label: string }[] = [
  { id: 'charts', label: 'Charts' },
  { id: 'log', label: 'Event log' },
  { id: 'checks', label: 'Checks' },
  { id: 'problems', label: 'Design problems' },
];

/**
 * The bottom dock while a design runs: playback controls and the timeline on top, then the
 * charts, the event log, the checks, and the design problems list (passed in as `problems`).
 * `sash`, the edge that resizes the dock, goes last: inside the landmark (axe: region), and the
 * dock's last Tab stop.
 */
export function LiveDock({ problems, sash, panelShown = true, onShowPanel }: { problems: ReactNode; sash?: ReactNode; panelShown?: boolean; onShowPanel?: () => void }) {
  const [tab, setTab] = useState<Tab>('charts');
  const store = useDocumentStore();
  const doc = useSyncExternalStore((l) => store.subscribe(l), () => store.getDocument());
  // The tab says how many problems there are — the lint's and the simulation's warnings, as
  // the panel lists them — so they are not missed behind it.
  const live = useLiveModel();
  const lintCount = useMemo(() => lintDocument(doc).length, [doc]);
  const problemCount = lintCount + (live?.warnings.length ?? 0);
  // Folded (Ctrl+J) while a control in a panel has the keyboard: it goes to the chosen tab.
  const keepKeyboard = useKeyboardKeptOnFold(panelShown, () => document.getElementById(`live-tab-${tab}`));
  return (
    <section className="live-dock" aria-label="Simulation">
      <div className="live-dock-top">
        <PlaybackBar />
        <Timeline />
      </div>
      {/* The tab pattern: one Tab stop for the row, the arrows (and Home / End) move between tabs. */}
      <div
        className="live-tabs"
        role="tablist"
        aria-label="Run panels"
        // Space plays / pauses from the tabs too (the arrows choose a tab).
        data-space-plays=""
        onKeyDown={(event) => {
          const at = TABS.findIndex((t) => t.id === tab);
          const next = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: TABS.length - 1 }[event.key];
          if (next === undefined) return;
          event.preventDefault();
          const chosen = TABS[(next + TABS.length) % TABS.length].id;
          setTab(chosen);
          if (!panelShown) onShowPanel?.();
          document.getElementById(`live-tab-${chosen}`)?.focus();
        }}
      >
        {TABS.map((t) => (
          <button
            key={t.id}
            id={`live-tab-${t.id}`}
            type="button"
            role="tab"
            aria-selected={tab === t.id}
            aria-controls="live-tab-panel"
            tabIndex={tab === t.id ? 0 : -1}
            className={tab === t.id ? 'live-tab active' : 'live-tab'}
            // A tab of folded panels unfolds them (View → Run Panels, the sash or Ctrl+J fold them).
            onClick={() => {
              setTab(t.id);
              if (!panelShown) onShowPanel?.();
            }}
            // The count badge would run into the name ("Design problems4") for a screen reader.
            aria-label={t.id === 'problems' && problemCount > 0 ? `${t.label}: ${problemCount}` : undefined}
          >
            {t.label}
            {/* A space between the words and the count: without it the visible text ("Design
                problems1") was not the start of the name "Design problems: 1" (axe: label-content-name-mismatch). */}
            {t.id === 'problems' && problemCount > 0 && (
              <>
                {' '}
                <span className="live-tab-count">{problemCount}</span>
              </>
            )}
          </button>
        ))}
      </div>
      <div className="live-tab-body" role="tabpanel" id="live-tab-panel" aria-labelledby={`live-tab-${tab}`} hidden={!panelShown} {...keepKeyboard}>
        {panelShown && tab === 'charts' && <LiveCharts />}
        {panelShown && tab === 'log' && <EventLog />}
        {panelShown && tab === 'checks' && <ChecksPanel />}
        {panelShown && tab === 'problems' && problems}
      </div>
      {sash}
    </section>
  );
}
