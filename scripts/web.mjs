// `npm run web`: build the web edition and serve it on localhost (Vite's static preview server).
import { spawnSync, spawn } from 'node:child_process';

const port = process.env.PORT ?? '4173';
const build = spawnSync('npx', ['vite', 'build', '--config', 'vite.web.config.ts'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

console.log(`\nFaultline web edition: http://localhost:${port}/  (Ctrl+C to stop)\n`);
const server = spawn('npx', ['vite', 'preview', '--config', 'vite.web.config.ts', '--host', '127.0.0.1', '--port', port, '--strictPort'], { stdio: 'inherit' });
server.on('exit', (code) => process.exit(code ?? 0));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
