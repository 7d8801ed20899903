import { parseAppInfo } from './appInfo';
import type { EventChannel, EventContract, InvokeArgs, InvokeChannel, InvokeResult } from './channels';
import { parseMenuCommand } from './menuCommands';
import { invalid, valid, type Validation } from './validation';

/*
 * One validator per channel and direction. Hand-written rather than zod: the sandboxed preload
 * bundles everything it imports, and these few checks stay tiny and need no code generation.
 * The mapped types make a missing validator a compile error when a channel is added.
 */

function noArguments(args: readonly unknown[]): Validation<[]> {
  return args.length === 0 ? valid([]) : invalid(`expected no arguments, got ${args.length}`);
}

/** Checks what the renderer sent with an invoke, in main, before any handler runs. */
export const invokeArgsValidators: { [C in InvokeChannel]: (args: readonly unknown[]) => Validation<InvokeArgs<C>> } = {
  'app:getInfo': noArguments,
};

/** Checks what main answered, in the preload, before the page sees it. */
export const invokeResultValidators: { [C in InvokeChannel]: (value: unknown) => Validation<InvokeResult<C>> } = {
  'app:getInfo': parseAppInfo,
};

/** Checks an event's payload, in the preload, before any page listener runs. */
export const eventPayloadValidators: { [C in EventChannel]: (value: unknown) => Validation<EventContract[C]> } = {
  'menu:command': parseMenuCommand,
};
