// Runs after `npm install` (the npm "prepare" hook): builds the web app once, so that `npm start`
// serves it at once. Skipped when web/dist is newer than every web source file.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const dist = path.join(root, 'web', 'dist', 'index.html');

function newestSource(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(full));
    else newest = Math.max(newest, fs.statSync(full).mtimeMs);
  }
  return newest;
}

function isFresh() {
  if (!fs.existsSync(dist)) return false;
  const sources = [
    path.join(root, 'web', 'src'),
    path.join(root, 'web', 'index.html'),
    path.join(root, 'web', 'vite.config.ts'),
  ];
  const newest = Math.max(
    ...sources
      .filter((p) => fs.existsSync(p))
      .map((p) => (fs.statSync(p).isDirectory() ? newestSource(p) : fs.statSync(p).mtimeMs)),
  );
  return fs.statSync(dist).mtimeMs >= newest;
}

if (!fs.existsSync(path.join(root, 'node_modules', 'vite'))) {
  console.log(
    'citydx: vite is not installed (production install without dev dependencies); not building the web app.',
  );
} else if (isFresh()) {
  console.log('citydx: web app is up to date.');
} else {
  console.log('citydx: building the web app…');
  const result = spawnSync('npx', ['vite', 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
  });
  process.exit(result.status ?? 1);
}
