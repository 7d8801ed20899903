import { PanelLeftClose, PanelLeftOpen, PanelRightClose, PanelRightOpen } from 'lucide-react';
import { useRef, type ReactNode } from 'react';
import { useKeyboardKeptOnFold } from '../../live/useKeyboardKeptOnFold';

/**
 * The palette or the inspector with a button on top that folds it (View → Palette / Inspector do
 * the same). Folded, the same button is a thin strip down the panel's edge, the panel's name
 * written on it, that unfolds it: one element in both states, so the keyboard focus stays on it
 * whichever way it is pressed.
 */
export function SidePanel({ side, name, shown, shortcut, onToggle, children }: { side: 'palette' | 'inspector'; name: string; shown: boolean; shortcut: string; onToggle(): void; children: ReactNode }) {
  const Icon = side === 'palette' ? (shown ? PanelLeftClose : PanelLeftOpen) : shown ? PanelRightClose : PanelRightOpen;
  // Folded while a field in it has the keyboard: the keyboard goes to the strip that unfolds it.
  const foldButton = useRef<HTMLButtonElement>(null);
  const keepKeyboard = useKeyboardKeptOnFold(shown, () => foldButton.current);
  return (
    <div className={`side-panel side-${side}${shown ? '' : ' folded'}`} {...keepKeyboard}>
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
