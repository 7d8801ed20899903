import type { FaultlineBridge } from '../../shared/ipc/bridge';
import { createElectronHost } from './electron';
import type { Host } from './host';
import { createWebHost } from './web';

/** Chooses the host at start-up: the preload bridge exists only inside the desktop app. */
export function pickHost(globalObject: { faultline?: FaultlineBridge }, version: string): Host {
  return globalObject.faultline ? createElectronHost(globalObject.faultline) : createWebHost(version);
}
