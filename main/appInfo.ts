import type { AppInfo } from '../shared/ipc/appInfo';

export interface AppFacts {
  name: string;
  version: string;
  platform: string;
  versions: { electron?: string; chrome?: string; node?: string };
}

/** The desktop answer to `app:getInfo`, from facts main reads off `app` and `process`. */
export function collectAppInfo(facts: AppFacts): AppInfo {
  return {
    name: facts.name,
    version: facts.version,
    platform: facts.platform,
    edition: 'desktop',
    electron: facts.versions.electron ?? null,
    chrome: facts.versions.chrome ?? null,
    node: facts.versions.node ?? null,
  };
}
