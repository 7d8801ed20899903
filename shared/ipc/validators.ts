import { parseAppInfo } from './appInfo';
import type { EventChannel, EventContract, InvokeArgs, InvokeChannel, InvokeResult } from './channels';
import {
  argsValidator,
  documentStateSchema,
  exportRequestSchema,
  exportResultSchema,
  openResultSchema,
  recoveryEntriesSchema,
  restoreResultSchema,
  saveAsRequestSchema,
  saveRequestSchema,
  saveResultSchema,
  storeRecoveryRequestSchema,
  tokenSchema,
  validatorFor,
} from './files';
import { CHECKED_COMMANDS, parseMenuCommand, type MenuChecks } from './menuCommands';
import { z } from 'zod';
import { MAX_SHARE_CODE_CHARS } from '../model/limits';
import { invalid, valid, type Validation } from './validation';

/*
 * One validator per channel and direction. Hand-written rather than zod: the sandboxed preload
 * bundles everything it imports, and these few checks stay tiny and need no code generation.
 * The mapped types make a missing validator a compile error when a channel is added.
 */

/** The page's word on which items are checked: only the settings and speed presets, each true or false. */
const menuChecksSchema: z.ZodType<MenuChecks> = z.strictObject(Object.fromEntries(CHECKED_COMMANDS.map((command) => [command, z.boolean().optional()])));

function noArguments(args: readonly unknown[]): Validation<[]> {
  return args.length === 0 ? valid([]) : invalid(`expected no arguments, got ${args.length}`);
}

/** Checks what the renderer sent with an invoke, in main, before any handler runs. */
export const invokeArgsValidators: { [C in InvokeChannel]: (args: readonly unknown[]) => Validation<InvokeArgs<C>> } = {
  'app:getInfo': noArguments,
  'menu:setChecks': argsValidator(menuChecksSchema),
  // A share code is the longest text the page copies.
  'clipboard:writeText': argsValidator(z.string().max(MAX_SHARE_CODE_CHARS)),
  'file:open': noArguments,
  'file:save': argsValidator(saveRequestSchema),
  'file:saveAs': argsValidator(saveAsRequestSchema),
  'file:revert': argsValidator(tokenSchema),
  'file:export': argsValidator(exportRequestSchema),
  'file:takePending': noArguments,
  'recovery:store': argsValidator(storeRecoveryRequestSchema),
  'recovery:clear': noArguments,
  'recovery:list': noArguments,
  'recovery:restore': argsValidator(tokenSchema),
  'recovery:discard': argsValidator(tokenSchema),
  'window:setDocumentState': argsValidator(documentStateSchema),
  'window:closeNow': noArguments,
};

const nothing = validatorFor(z.null());

/** Checks what main answered, in the preload, before the page sees it. */
export const invokeResultValidators: { [C in InvokeChannel]: (value: unknown) => Validation<InvokeResult<C>> } = {
  'app:getInfo': parseAppInfo,
  'menu:setChecks': nothing,
  'clipboard:writeText': nothing,
  'file:open': validatorFor(openResultSchema),
  'file:save': validatorFor(saveResultSchema),
  'file:saveAs': validatorFor(saveResultSchema),
  'file:revert': validatorFor(openResultSchema),
  'file:export': validatorFor(exportResultSchema),
  'file:takePending': validatorFor(z.array(openResultSchema).max(16)),
  'recovery:store': nothing,
  'recovery:clear': nothing,
  'recovery:list': validatorFor(recoveryEntriesSchema),
  'recovery:restore': validatorFor(restoreResultSchema),
  'recovery:discard': nothing,
  'window:setDocumentState': nothing,
  'window:closeNow': nothing,
};

/** Checks an event's payload, in the preload, before any page listener runs. */
export const eventPayloadValidators: { [C in EventChannel]: (value: unknown) => Validation<EventContract[C]> } = {
  'menu:command': parseMenuCommand,
  'file:opened': validatorFor(openResultSchema),
  'window:saveBeforeClose': validatorFor(z.literal('close')),
};
