import { createContext, useContext, useSyncExternalStore } from 'react';
import type { LiveController } from './liveController';
import type { LiveModel } from './liveModel';

const LiveControllerContext = createContext<LiveController | null>(null);

export const LiveControllerProvider = LiveControllerContext.Provider;

/** The live controller, or null while the engine is still starting. */
export function useLiveController(): LiveController | null {
  return useContext(LiveControllerContext);
}

/** Panels redraw at most this often; the canvas reads frames directly at display rate. */
export const PANEL_REFRESH_MS = 150;

const EMPTY_SUBSCRIBE = () => () => {};

/** Per model: the version panels last saw, advanced at most every PANEL_REFRESH_MS. */
const panelVersions = new WeakMap<LiveModel, { version: number; listeners: Set<() => void>; timer: ReturnType<typeof setTimeout> | null; unsubscribe: (() => void) | null }>();

function panelState(model: LiveModel) {
  let state = panelVersions.get(model);
  if (state === undefined) {
    state = { version: model.version, listeners: new Set(), timer: null, unsubscribe: null };
    panelVersions.set(model, state);
  }
  return state;
}

function subscribeThrottled(model: LiveModel, listener: () => void): () => void {
  const state = panelState(model);
  state.listeners.add(listener);
  if (state.unsubscribe === null) {
    state.unsubscribe = model.subscribe(() => {
      if (state.timer !== null) return;
      state.timer = setTimeout(() => {
        state.timer = null;
        state.version = model.version;
        for (const l of state.listeners) l();
      }, PANEL_REFRESH_MS);
    });
  }
  return () => {
    state.listeners.delete(listener);
    if (state.listeners.size === 0 && state.unsubscribe !== null) {
      state.unsubscribe();
      state.unsubscribe = null;
    }
  };
}

/** Re-renders (throttled) when the live model changes; returns the model (null without a controller). */
export function useLiveModel(): LiveModel | null {
  const controller = useLiveController();
  const model = controller?.model ?? null;
  useSyncExternalStore(
    model ? (listener) => subscribeThrottled(model, listener) : EMPTY_SUBSCRIBE,
    () => (model ? panelState(model).version : -1),
  );
  return model;
}
