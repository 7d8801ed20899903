import { CommandDispatcher } from './commandDispatcher';

/**
 * The window's one command dispatcher. A page is one window with one document, so a module-level
 * instance is enough, and panels anywhere can register handlers (useCommandHandler) without a
 * provider above them.
 */
export const appCommands = new CommandDispatcher();
