import type { EventChannel, EventContract } from '../../shared/ipc/channels';
import { eventPayloadValidators } from '../../shared/ipc/validators';

/** The part of a webContents that sends events to its page. */
export interface EventTarget {
  send(channel: string, ...args: unknown[]): void;
}

/**
 * Sends a typed event to a page. The payload is checked against the same validator the
 * preload applies, so a bug in main fails here, loudly, instead of being dropped in the page.
 */
export function sendEvent<C extends EventChannel>(target: EventTarget, channel: C, payload: EventContract[C]): void {
  const checked = eventPayloadValidators[channel](payload);
  if (!checked.ok) throw new TypeError(`refusing to send ${channel}: ${checked.error}`);
  target.send(channel, checked.value);
}
