import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/**
 * Proves the DESIGN §2 layering rule fires: fixture files under test/fixtures/lint/ mirror the
 * real folders and break the rules on purpose (they are excluded from the normal lint run).
 */
describe('layering lint', () => {
  async function lintFixture(path: string) {
    const eslint = new ESLint({ ignore: false });
    const [result] = await eslint.lintFiles([path]);
    return result.messages.filter((message) => message.ruleId === 'boundaries/dependencies');
  }

  it('reports shared/ importing main/', async () => {
    const messages = await lintFixture('test/fixtures/lint/shared/model/leaky.ts');
    expect(messages).toHaveLength(1);
    expect(messages[0].line).toBe(2);
    expect(messages[0].message).toMatch(/shared\/ must not import main\//);
  });

  it('reports shared/sim importing Node built-ins or shared folders other than model', async () => {
    const messages = await lintFixture('test/fixtures/lint/shared/sim/usesNode.ts');
    expect(messages.map((message) => message.line).sort()).toEqual([2, 3]);
  });

  it('reports the renderer importing electron or main/', async () => {
    const messages = await lintFixture('test/fixtures/lint/renderer/usesElectron.ts');
    expect(messages.map((message) => message.line).sort()).toEqual([2, 3]);
  });

  it('accepts an import inside the same layer', async () => {
    expect(await lintFixture('test/fixtures/lint/shared/model/clean.ts')).toEqual([]);
  });
});
