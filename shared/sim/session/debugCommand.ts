/**
 * The test-only message that makes an engine worker crash or hang on purpose (recovery tests).
 * Its own module so that the supervisor, which runs in the page, does not pull the whole engine
 * (and its dependencies) into the page's bundle by importing it from the worker runtime.
 */
export type DebugAction = 'crash' | 'hang';
export const DEBUG_COMMAND = 'debug';
