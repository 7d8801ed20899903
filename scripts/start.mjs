// `npm start`: build and launch the desktop app; where no Electron binary exists, the web edition.
import { spawn, spawnSync } from 'node:child_process';
import { findElectronBinary } from './electron-binary.mjs';

const electron = findElectronBinary();
if (!electron.available) {
  console.log(`The desktop app cannot start here because ${electron.reason}, so Faultline starts its web edition instead.`);
  const web = spawn('node', ['scripts/web.mjs'], { stdio: 'inherit' });
  web.on('exit', (code) => process.exit(code ?? 0));
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => web.kill(signal));
} else {
  const build = spawnSync('npx', ['electron-vite', 'build'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
  const app = spawn('npx', ['electron-vite', 'preview', '--skipBuild'], { stdio: 'inherit' });
  app.on('exit', (code) => process.exit(code ?? 0));
}
