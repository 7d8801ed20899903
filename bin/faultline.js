#!/usr/bin/env node
// Thin launcher: the CLI is bundled from main/cli/ by `npm run build:cli` (run by `npm install`).
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';

const bundle = join(dirname(fileURLToPath(import.meta.url)), '..', 'out', 'cli', 'faultline.mjs');
if (!existsSync(bundle)) {
  process.stderr.write('faultline: the CLI is not built yet. Run `npm install` (or `npm run build:cli`) in the Faultline checkout.\n');
  process.exit(3);
}
const { main } = await import(pathToFileURL(bundle).href);
process.exitCode = await main(process.argv.slice(2));
