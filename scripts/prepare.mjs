// `npm install` leaves a checkout ready: the CLI bundle exists so `npx faultline` works at once.
// Skipped when installed as someone else's dependency (no sources).
import { existsSync } from 'node:fs';

if (existsSync('main/cli/index.ts')) {
  await import('./build-cli.mjs');
}
