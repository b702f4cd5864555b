/** Which engine this test run uses: `npm run test:pg` sets CITYDX_TEST_DB=postgres; PGlite otherwise. */
export function testDatabaseEngine(): 'pglite' | 'postgres' {
  return process.env.CITYDX_TEST_DB === 'postgres' ? 'postgres' : 'pglite';
}

/** The server to create throwaway databases on (DATABASE_URL, or the local server with trust auth). */
export function adminConnectionString(): string {
  return process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
}

export function databaseUrlFor(name: string): string {
  const url = new URL(adminConnectionString());
  url.pathname = `/${name}`;
  return url.toString();
}
