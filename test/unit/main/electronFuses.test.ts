import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Configuration } from 'electron-builder';

const root = resolve(fileURLToPath(new URL('.', import.meta.url)), '..', '..', '..');

// electron-builder's own loader and schema check, so the test reads electron-builder.yml exactly
// as `npm run dist` does and an unknown (misspelt) fuse name fails here instead of at packaging.
const require = createRequire(join(root, 'package.json'));
const builderConfig = require('app-builder-lib/out/util/config/config') as {
  getConfig(projectDir: string, configPath: string | null, configFromOptions: Configuration | null): Promise<Configuration>;
  validateConfiguration(config: Configuration, debugLogger: { isEnabled: boolean; add(key: string, value: unknown): void }): Promise<void>;
};
const quietDebugLogger = { isEnabled: false, add: () => undefined };

function sourceFiles(dir: string): string[] {
  return readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' })
    .filter((name) => /\.(ts|js|mjs|cjs)$/.test(name))
    .map((name) => join(dir, name));
}

describe('electron-builder.yml: Electron fuses', () => {
  it('is a configuration electron-builder accepts', async () => {
    const config = await builderConfig.getConfig(root, null, null);
    await expect(builderConfig.validateConfiguration(config, quietDebugLogger)).resolves.toBeUndefined();
  });

  it('flips the fuses that close the packaged binary to other code, and asar is on for them', async () => {
    const config = await builderConfig.getConfig(root, null, null);
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
    // onlyLoadAppFromAsar and the integrity check only mean something for an asar app.
    expect(config.asar).toBe(true);
  });

  it('rejects a misspelt fuse name (so the check above is a real one)', async () => {
    const config = await builderConfig.getConfig(root, null, null);
    const misspelt = { ...config, electronFuses: { runAsNod: false } } as unknown as Configuration;
    await expect(builderConfig.validateConfiguration(misspelt, quietDebugLogger)).rejects.toThrow(/electronFuses/);
  });

  it('leaves nothing in the app depending on what the fuses switch off', () => {
    // The CLI runs on plain Node, never on the Electron binary as Node (ELECTRON_RUN_AS_NODE).
    expect(readFileSync(join(root, 'bin', 'faultline.js'), 'utf8')).toMatch(/^#!\/usr\/bin\/env node\n/);
    for (const file of [...sourceFiles('main'), ...sourceFiles('bin')]) {
      const text = readFileSync(join(root, file), 'utf8');
      expect(text, file).not.toMatch(/ELECTRON_RUN_AS_NODE|NODE_OPTIONS|child_process|\bfork\(|--inspect|file:\/\/\//);
    }
  });
});
