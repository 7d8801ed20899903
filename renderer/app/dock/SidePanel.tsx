import { PanelLeftClose, PanelLeftOpen, PanelRightClose, PanelRightOpen } from 'lucide-react';
import { useLayoutEffect, useRef, type FocusEvent, type ReactNode } from 'react';

/**
 * The palette or the inspector with a button on top that folds it (View → Palette / Inspector do
 * the same). Folded, the same button is a thin strip down the panel's edge, the panel's name
 * written on it, that unfolds it: one element in both states, so the keyboard focus stays on it
 * whichever way it is pressed.
 */
export function SidePanel({ side, name, shown, shortcut, onToggle, children }: { side: 'palette' | 'inspector'; name: string; shown: boolean; shortcut: string; onToggle(): void; children: ReactNode }) {
  const Icon = side === 'palette' ? (shown ? PanelLeftClose : PanelLeftOpen) : shown ? PanelRightClose : PanelRightOpen;
  // Folded by a shortcut while typing in one of its fields, the panel takes that field away: the
  // keyboard goes to the strip that unfolds it, not to the page body.
  const focusInside = useRef(false);
  const foldButton = useRef<HTMLButtonElement>(null);
  useLayoutEffect(() => {
    if (!shown && focusInside.current && (document.activeElement === null || document.activeElement === document.body)) foldButton.current?.focus();
  }, [shown]);
  const noteFocus = (event: FocusEvent<HTMLDivElement>) => {
    focusInside.current = event.type === 'focus' || event.currentTarget.contains(event.relatedTarget as Node | null);
  };
  return (
    <div className={`side-panel side-${side}${shown ? '' : ' folded'}`} onFocus={noteFocus} onBlur={noteFocus}>
      <button
        ref={foldButton}
        type="button"
        className="panel-fold"
        aria-label={name}
        aria-expanded={shown}
        title={`${shown ? 'Fold' : 'Show'} the ${name.toLowerCase()} (${shortcut})`}
        data-testid={`fold-${side}`}
        onClick={onToggle}
      >
        <Icon size={15} aria-hidden="true" />
        {!shown && (
          <span className="panel-fold-label" aria-hidden="true">
            {name}
          </span>
        )}
      </button>
      {shown && children}
    </div>
  );
}
