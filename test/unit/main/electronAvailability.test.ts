import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findElectronBinary } from '../../../scripts/electron-binary.mjs';

describe('findElectronBinary (scripts/electron-binary.mjs)', () => {
  let packageDir: string;
  beforeEach(() => {
    packageDir = mkdtempSync(join(tmpdir(), 'faultline-electron-'));
  });
  afterEach(() => rmSync(packageDir, { recursive: true, force: true }));

  it('reports a missing path.txt (binary never downloaded) without throwing', () => {
    const result = findElectronBinary({ packageDir, env: {} });
    expect(result.available).toBe(false);
    if (!result.available) expect(result.reason).toMatch(/path\.txt is missing/);
  });

  it('reports a path.txt whose binary is not in dist/', () => {
    writeFileSync(join(packageDir, 'path.txt'), 'electron');
    const result = findElectronBinary({ packageDir, env: {} });
    expect(result).toEqual({ available: false, reason: expect.stringContaining(join(packageDir, 'dist', 'electron')) });
  });

  it('finds the binary that path.txt names inside dist/', () => {
    writeFileSync(join(packageDir, 'path.txt'), 'electron');
    mkdirSync(join(packageDir, 'dist'));
    writeFileSync(join(packageDir, 'dist', 'electron'), '');
    expect(findElectronBinary({ packageDir, env: {} })).toEqual({ available: true, path: join(packageDir, 'dist', 'electron') });
  });

  it('follows a nested path such as the macOS bundle', () => {
    const executable = 'Electron.app/Contents/MacOS/Electron';
    writeFileSync(join(packageDir, 'path.txt'), executable);
    mkdirSync(join(packageDir, 'dist', 'Electron.app', 'Contents', 'MacOS'), { recursive: true });
    writeFileSync(join(packageDir, 'dist', executable), '');
    expect(findElectronBinary({ packageDir, env: {} })).toEqual({ available: true, path: join(packageDir, 'dist', executable) });
  });

  it('honours ELECTRON_OVERRIDE_DIST_PATH like the electron package does', () => {
    const override = join(packageDir, 'custom');
    mkdirSync(override);
    writeFileSync(join(override, 'electron'), '');
    expect(findElectronBinary({ packageDir, env: { ELECTRON_OVERRIDE_DIST_PATH: override } })).toEqual({ available: true, path: join(override, 'electron') });
    expect(findElectronBinary({ packageDir, env: { ELECTRON_OVERRIDE_DIST_PATH: join(packageDir, 'nowhere') } }).available).toBe(false);
  });

  it('reports a package folder that does not exist', () => {
    expect(findElectronBinary({ packageDir: join(packageDir, 'missing'), env: {} }).available).toBe(false);
  });

  it('finds the installed electron package by default, and never downloads', () => {
    const result = findElectronBinary({ env: {} });
    if (result.available) expect(result.path).toContain(join('electron', 'dist'));
    else expect(result.reason).toContain(join('node_modules', 'electron'));
  });
});
