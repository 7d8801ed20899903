import { Moon, Sun } from 'lucide-react';
import type { ThemeName } from '../canvas/theme';

export function ThemeToggle({ theme, onChange }: { theme: ThemeName; onChange: (theme: ThemeName) => void }) {
  const next = theme === 'dark' ? 'light' : 'dark';
  return (
    <button type="button" className="icon-button" data-testid="theme-toggle" title={`Switch to the ${next} theme`} aria-label={`Switch to the ${next} theme`} onClick={() => onChange(next)}>
      {theme === 'dark' ? <Sun size={16} /> : <Moon size={16} />}
    </button>
  );
}
