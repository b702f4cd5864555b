import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '../../../../platform/auth/principal';
import { platformErrorHandler } from '../../../../platform/http/error-handler';
import { ErrorResponse } from '../../../../platform/http/schemas';
import { installValidation } from '../../../../platform/http/validation';
import { createTestbed, staff, type Testbed } from '../datastore.test-support';

const editor = staff('bien-tap');
const stranger = staff('nguoi-la');

describe('GET /api/v1/opendata/datastore/loads/:resourceId', () => {
  let t: Testbed;
  let app: FastifyInstance;
  const get = (resourceId: string, principal: Principal | null, language = 'vi') =>
    app.inject({
      method: 'GET',
      url: `/api/v1/opendata/datastore/loads/${resourceId}`,
      headers: { 'x-test-user': principal?.userId ?? '', 'accept-language': language },
    });

  beforeAll(async () => {
    t = await createTestbed();
    // The kernel's auth hooks are not mounted here (the opendata module is wired by the catalog's
    // engineer); this stand-in authenticates from a header and negotiates the language as they would.
    app = Fastify();
    installValidation(app);
    app.addSchema(ErrorResponse);
    app.setErrorHandler(platformErrorHandler);
    app.decorateRequest('principal', null);
    app.addHook('onRequest', async (request) => {
      request.principal =
        [editor, stranger].find((who) => who.userId === request.headers['x-test-user']) ?? null;
      request.locale = request.headers['accept-language'] === 'en' ? 'en' : 'vi';
    });
    await app.register(t.datastore.plugin, { prefix: '/api/v1/opendata/datastore' });
    await app.ready();
    t.access.resource('bao-cao', { editors: [editor] });
  });
  afterAll(async () => {
    await app.close();
    await t.close();
  });

  it('shows the publisher the progress and rows of the latest load', async () => {
    await t.load('bao-cao', 'ma,so\nA,1\nB,2\n');
    const response = await get('bao-cao', editor);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      resourceId: 'bao-cao',
      status: 'succeeded',
      progress: 100,
      rowsDone: 2,
      bytesDone: 14,
      bytesTotal: 14,
      encoding: 'utf-8',
      fields: [
        { id: 'ma', type: 'text' },
        { id: 'so', type: 'numeric' },
      ],
      errorCount: 0,
      errors: [],
    });
  });

  it('words each problem of a failed load in the caller’s language, with its line', async () => {
    await t.load('bao-cao', 'ma,so\nA,1\nB,"2\n');
    const vi = (await get('bao-cao', editor)).json<{ status: string; progress: null; errors: unknown[] }>();
    expect(vi).toMatchObject({ status: 'failed', progress: null });
    expect(vi.errors).toEqual([
      {
        line: 3,
        field: null,
        code: 'unclosed_quote',
        message: 'Dấu ngoặc kép mở ở dòng này không được đóng.',
      },
    ]);
    const en = (await get('bao-cao', editor, 'en')).json<{ errors: { message: string }[] }>();
    expect(en.errors[0]?.message).toBe('A quote opened on this line is never closed.');
  });

  it('answers only the resource’s editors', async () => {
    expect((await get('bao-cao', stranger)).json()).toMatchObject({ error: { code: 'AUTH_FORBIDDEN' } });
    expect((await get('bao-cao', null)).statusCode).toBe(401);
    expect((await get('khong-co', editor)).statusCode).toBe(403);
    t.access.resource('chua-nap', { editors: [editor] });
    expect((await get('chua-nap', editor)).statusCode).toBe(404);
    expect((await get('bad%20id', editor)).statusCode).toBe(400);
  });
});
