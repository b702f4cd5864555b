import net from 'node:net';
import { expect } from 'vitest';
import { json, type TestApp } from '../../../../test/app';

export const HARVEST_API = '/api/v1/opendata/harvest';

export interface RunBody {
  id: string;
  status: string;
  created: number;
  updated: number;
  deleted: number;
  unchanged: number;
  failed: number;
  error: string | null;
  errors: { remoteId: string; title: string; message: string }[];
}

/** A port nobody listens on now (the second instance needs its URL before it is built). */
export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return typeof address === 'object' && address ? address.port : 0;
}

export async function createSource(t: TestApp, token: string, body: Record<string, unknown>) {
  const response = await t.citydx.app.inject({
    method: 'POST',
    url: `${HARVEST_API}/sources`,
    headers: { authorization: token },
    payload: body,
  });
  expect(response.statusCode, response.body).toBe(201);
  return json<{ id: string; name: string }>(response);
}

/** Starts a run through the API and polls it until it is no longer running. */
export async function harvestNow(t: TestApp, token: string, sourceId: string): Promise<RunBody> {
  const started = await t.citydx.app.inject({
    method: 'POST',
    url: `${HARVEST_API}/sources/${sourceId}/runs`,
    headers: { authorization: token },
  });
  expect(started.statusCode, started.body).toBe(202);
  const { id } = json<RunBody>(started);
  for (let attempt = 0; attempt < 600; attempt += 1) {
    const response = await t.citydx.app.inject({
      method: 'GET',
      url: `${HARVEST_API}/runs/${id}`,
      headers: { authorization: token },
    });
    const run = json<RunBody>(response);
    if (run.status !== 'running') return run;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`run ${id} did not finish`);
}

export function counts(run: RunBody) {
  const { created, updated, deleted, unchanged, failed } = run;
  return { created, updated, deleted, unchanged, failed };
}
