import type { MenuCommand } from '../../../shared/ipc/menuCommands';

/**
 * Edit commands of the web edition's in-page menu only. On the desktop the native Edit menu does
 * these with Electron roles (which also serve text fields and fire the page's clipboard events),
 * so they are not among the commands main can send. (Delete and Select All are: as roles they
 * would act on the page's text, never on the diagram; see nativeMenuCommands.)
 */
export const WEB_EDIT_COMMANDS = ['edit.cut', 'edit.copy', 'edit.paste'] as const;
export type WebEditCommand = (typeof WEB_EDIT_COMMANDS)[number];

/** Every command the app's menus, shortcuts and the native menu can run. */
export type AppCommand = MenuCommand | WebEditCommand;

export interface CommandHandler {
  run(): void | Promise<void>;
  /** Greyed out in the menu when false (e.g. Undo with nothing to undo). Defaults to enabled. */
  isEnabled?(): boolean;
  /** What the command will do right now, as the menu item's tooltip (e.g. what Revert goes back to). */
  describe?(): string | undefined;
  /** For an on/off setting (Dark Theme, Classroom Mode): whether it is on, shown as the item's check mark. */
  isChecked?(): boolean;
}

/**
 * The one place commands go, whoever asks: the in-page menu bar, keyboard shortcuts and, on the
 * desktop, the native menu (through Host.onMenuCommand). Panels register what they can do;
 * a command nobody registered is shown disabled and ignored when sent.
 */
export class CommandDispatcher {
  private readonly handlers = new Map<AppCommand, CommandHandler>();
  private readonly listeners = new Set<() => void>();
  private version = 0;

  constructor(private readonly reportError: (command: AppCommand, error: unknown) => void = (command, error) => console.error(`Faultline: ${command} failed`, error)) {}

  /** Registers a handler; the returned function removes it (only if it is still the current one). */
  register(command: AppCommand, handler: CommandHandler): () => void {
    this.handlers.set(command, handler);
    this.changed();
    return () => {
      if (this.handlers.get(command) !== handler) return;
      this.handlers.delete(command);
      this.changed();
    };
  }

  isAvailable(command: AppCommand): boolean {
    const handler = this.handlers.get(command);
    return handler !== undefined && (handler.isEnabled?.() ?? true);
  }

  /** The command's tooltip, where its handler gives one. */
  describe(command: AppCommand): string | undefined {
    return this.handlers.get(command)?.describe?.();
  }

  /** Whether a toggle command's setting is on; undefined for a command that is not a toggle or has no handler. */
  isChecked(command: AppCommand): boolean | undefined {
    return this.handlers.get(command)?.isChecked?.();
  }

  /** Runs a command; returns false when nothing could run it. Errors are reported, never thrown at the caller (a menu click). */
  run(command: AppCommand): boolean {
    const handler = this.handlers.get(command);
    if (!handler || !(handler.isEnabled?.() ?? true)) return false;
    try {
      const result = handler.run();
      if (result instanceof Promise) result.catch((error: unknown) => this.reportError(command, error));
    } catch (error) {
      this.reportError(command, error);
    }
    return true;
  }

  /** For React: a number that changes whenever the set of handlers does. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  getVersion(): number {
    return this.version;
  }

  private changed(): void {
    this.version++;
    for (const listener of this.listeners) listener();
  }
}
