import { createContext, useContext, useEffect, useRef, type ReactNode } from 'react';
import { appCommands } from './appCommands';
import type { AppCommand, CommandDispatcher, CommandHandler } from './commandDispatcher';

/** Defaults to the window's dispatcher; tests and previews may provide their own. */
const DispatcherContext = createContext<CommandDispatcher>(appCommands);

export function CommandDispatcherProvider({ dispatcher, children }: { dispatcher: CommandDispatcher; children: ReactNode }) {
  return <DispatcherContext.Provider value={dispatcher}>{children}</DispatcherContext.Provider>;
}

export function useCommandDispatcher(): CommandDispatcher {
  return useContext(DispatcherContext);
}

/**
 * Registers what a panel does for a command while it is mounted, e.g.
 * `useCommandHandler('view.zoomIn', () => editor.zoomIn())`. The latest closure always runs.
 * A toggle passes `isChecked` (whether its setting is on), which the menus show as a check mark.
 */
export function useCommandHandler(command: AppCommand, run: () => void | Promise<void>, isEnabled?: () => boolean, isChecked?: () => boolean): void {
  const dispatcher = useCommandDispatcher();
  const latest = useRef({ run, isEnabled, isChecked });
  latest.current = { run, isEnabled, isChecked };
  const toggle = isChecked !== undefined;
  useEffect(() => {
    const handler: CommandHandler = {
      run: () => latest.current.run(),
      isEnabled: () => latest.current.isEnabled?.() ?? true,
      ...(toggle ? { isChecked: () => latest.current.isChecked?.() ?? false } : {}),
    };
    return dispatcher.register(command, handler);
  }, [dispatcher, command, toggle]);
}
