// The same unit and route tests again, on PostgreSQL, when DATABASE_URL is set (CI sets it).
import { spawnSync } from 'node:child_process';

if (!process.env.DATABASE_URL) {
  console.log('test:pg: DATABASE_URL is not set; skipping the PostgreSQL pass (PGlite pass already ran).');
  process.exit(0);
}
const result = spawnSync('npx', ['vitest', 'run'], {
  stdio: 'inherit',
  env: { ...process.env, CITYDX_TEST_DB: 'postgres' },
});
process.exit(result.status ?? 1);
