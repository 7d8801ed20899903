/** The part of a webContents the registry needs. */
export interface TrackableContents {
  readonly id: number;
  once(event: 'destroyed', listener: () => void): unknown;
}

/**
 * The webContents of the windows Faultline created itself. IPC answers only these: a page
 * that somehow got another webContents (devtools extensions, a future helper window) has no
 * business calling the app's handlers.
 */
export function createWebContentsRegistry() {
  const ids = new Set<number>();
  return {
    add(contents: TrackableContents): void {
      const { id } = contents;
      ids.add(id);
      contents.once('destroyed', () => ids.delete(id));
    },
    has(contents: { readonly id: number }): boolean {
      return ids.has(contents.id);
    },
  };
}

export type WebContentsRegistry = ReturnType<typeof createWebContentsRegistry>;
