import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ENGINE_V8_FLAGS } from '../../../main/simHost/engineV8Flags';

// v8.setFlagsFromString ignores a flag it does not know without a word, so a misspelt or
// retired flag would silently cost the engine its speed. On a command line V8 refuses one
// (exit 9, "bad option"), which is what this checks.
describe('engine V8 flags', () => {
  it.each(ENGINE_V8_FLAGS)('%s is a flag this Node knows', (flag) => {
    const result = spawnSync(process.execPath, [flag, '-e', '0'], { encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });
});
