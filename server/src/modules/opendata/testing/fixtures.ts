import type { LightMyRequestResponse } from 'fastify';
import { createUserWithToken, type TestApp } from '../../../../test/app';
import { systemActor } from '../../../platform/audit/audit';

/** Agencies and callers most opendata tests need: two agencies, their publishers, an admin, a viewer. */
export interface OpendataFixture {
  readonly agencyA: { id: string; name: string };
  readonly agencyB: { id: string; name: string };
  readonly admin: string;
  readonly publisherA: string;
  readonly publisherB: string;
  readonly viewer: string;
}

async function agency(t: TestApp, code: string, nameVi: string) {
  const created = await t.citydx.platform.agencies.create(
    {
      code,
      nameVi,
      nameEn: null,
      kind: 'department',
      parentId: null,
      email: null,
      phone: null,
      address: null,
      website: null,
      headUserId: null,
      adminUnitCode: null,
      active: true,
      note: null,
    },
    systemActor,
  );
  return { id: created.id, name: code.toLowerCase() };
}

export async function opendataFixture(t: TestApp, suffix = ''): Promise<OpendataFixture> {
  const agencyA = await agency(t, `SKHCN${suffix}`, 'Sở Khoa học và Công nghệ Đà Nẵng');
  const agencyB = await agency(t, `SYT${suffix}`, 'Sở Y tế Đà Nẵng');
  const token = async (grants: Parameters<typeof createUserWithToken>[1]) =>
    (await createUserWithToken(t.citydx, grants)).token;
  return {
    agencyA,
    agencyB,
    admin: await token([{ role: 'system_admin', agencyId: null }]),
    publisherA: await token([{ role: 'data_publisher', agencyId: agencyA.id }]),
    publisherB: await token([{ role: 'data_publisher', agencyId: agencyB.id }]),
    viewer: await token([{ role: 'viewer', agencyId: null }]),
  };
}

/** Calls a CKAN action: POST JSON by default, GET with query parameters when `method` is GET. */
export function callAction(
  t: TestApp,
  name: string,
  payload: Record<string, unknown> = {},
  options: { token?: string; method?: 'GET' | 'POST'; prefix?: string } = {},
): Promise<LightMyRequestResponse> {
  const url = `${options.prefix ?? '/api/3/action'}/${name}`;
  const headers = options.token ? { authorization: options.token } : {};
  if (options.method === 'GET') {
    const query = new URLSearchParams(
      Object.entries(payload).map(([key, value]): [string, string] => [
        key,
        typeof value === 'string' ? value : JSON.stringify(value),
      ]),
    );
    return t.citydx.app.inject({ method: 'GET', url: `${url}?${query.toString()}`, headers });
  }
  return t.citydx.app.inject({ method: 'POST', url, headers, payload });
}

export interface Envelope<T = unknown> {
  help: string;
  success: boolean;
  result: T;
  error: Record<string, unknown> & { __type: string; message?: string };
}

/** A multipart/form-data body with text fields and one file (for resource uploads through inject). */
export function multipartBody(
  fields: Record<string, string>,
  file: { field: string; name: string; type: string; content: Buffer | string },
): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----citydx${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [key, value] of Object.entries(fields))
    parts.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${key}"\r\n\r\n${value}\r\n`),
    );
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="${file.field}"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`,
    ),
    Buffer.isBuffer(file.content) ? file.content : Buffer.from(file.content),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return {
    payload: Buffer.concat(parts),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}
