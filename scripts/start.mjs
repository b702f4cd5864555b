// `npm start`: builds the web app if it is missing or stale, then starts the platform.
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const build = spawnSync(process.execPath, [path.join(root, 'scripts', 'build-web-if-needed.mjs')], {
  cwd: root,
  stdio: 'inherit',
});
if (build.status !== 0) process.exit(build.status ?? 1);
const server = spawnSync(
  process.execPath,
  ['--import', 'tsx', path.join(root, 'server', 'src', 'main.ts'), 'start'],
  { cwd: root, stdio: 'inherit' },
);
process.exit(server.status ?? 1);
