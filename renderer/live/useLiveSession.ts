import { useEffect, useState } from 'react';
import { EngineClient } from '../engine/engineClient';
import type { DocumentStore } from '../editor/store/documentStore';
import type { Host } from '../host/host';
import { LiveCanvasAddon } from './liveCanvasAddon';
import { LiveController } from './liveController';

export interface LiveSession {
  controller: LiveController;
  addon: LiveCanvasAddon;
}

/**
 * Connects this window to a simulation engine through the host and loads the document into it.
 * Returns null until the connection exists; `error` says why it could not be made.
 */
export function useLiveSession(host: Host, store: DocumentStore): { session: LiveSession | null; error: string | null } {
  const [session, setSession] = useState<LiveSession | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let disposed = false;
    let made: LiveSession | null = null;
    host.connectEngine().then(
      (connection) => {
        if (disposed) {
          connection.close();
          return;
        }
        const client = new EngineClient(connection);
        const controller = new LiveController(client, store);
        controller.load();
        made = { controller, addon: new LiveCanvasAddon(controller, store) };
        (window as { __faultlineLive?: LiveSession }).__faultlineLive = made;
        setSession(made);
      },
      (reason: unknown) => setError(`The simulation engine could not start: ${reason instanceof Error ? reason.message : String(reason)}`),
    );
    return () => {
      disposed = true;
      if (made !== null) {
        made.controller.dispose();
        made.controller.client.close();
      }
      setSession(null);
    };
  }, [host, store]);
  return { session, error };
}
