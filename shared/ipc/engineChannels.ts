/**
 * The engine port hand-off (DESIGN §2, §6), kept apart from the invoke/event channels because it
 * carries a MessagePort rather than data: the page asks (`connect`, no payload), main answers on
 * `port` with one end of a fresh MessageChannel, and the preload hands that port to the page with
 * `window.postMessage` under {@link ENGINE_PORT_MESSAGE}. Everything after that flows over the port
 * and is validated by the engine protocol (shared/sim/session/protocol.ts).
 */
export const ENGINE_CHANNELS = {
  /** renderer → main (send): start an engine for this window and give me a port to it. */
  connect: 'engine:connect',
  /** main → renderer (postMessage with one port): the engine's end for this window. */
  port: 'engine:port',
} as const;

/** The `type` of the window message the preload posts the port with. */
export const ENGINE_PORT_MESSAGE = 'faultline:engine-port';
