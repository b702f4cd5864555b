import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, createUserWithToken, json, type TestApp } from '../../../test/app';

type Agency = {
  id: string;
  code: string;
  nameVi: string;
  parentId: string | null;
  childCount: number;
  phone: string | null;
};

describe('/api/v1/agencies', () => {
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    t = await buildTestApp();
    admin = `Bearer ${(await createUserWithToken(t.citydx, [{ role: 'system_admin', agencyId: null }])).token}`;
  });
  afterAll(() => t.close());

  async function create(payload: Record<string, unknown>) {
    return t.citydx.app.inject({
      method: 'POST',
      url: '/api/v1/agencies',
      headers: { authorization: admin },
      payload,
    });
  }

  it('builds the tree, finds agencies without diacritics and records who did what', async () => {
    const city = json<Agency>(
      await create({ code: 'UBND-T', nameVi: 'Ủy ban nhân dân thành phố Đà Nẵng', kind: 'people_committee' }),
    );
    const created = await create({
      code: 'SKHCN-T',
      nameVi: 'Sở Khoa học và Công nghệ',
      nameEn: 'Department of Science and Technology',
      kind: 'department',
      parentId: city.id,
    });
    expect(created.statusCode).toBe(201);
    const department = json<Agency>(created);

    const listed = json<{ items: Agency[]; total: number }>(
      await t.citydx.app.inject({ method: 'GET', url: '/api/v1/agencies?q=khoa hoc' }),
    );
    expect(listed.items.map((a) => a.code)).toContain('SKHCN-T');
    const byCity = json<{ items: Agency[] }>(
      await t.citydx.app.inject({ method: 'GET', url: '/api/v1/agencies?q=da nang' }),
    );
    expect(byCity.items.map((a) => a.code)).toContain('UBND-T');
    expect(
      json<Agency>(await t.citydx.app.inject({ method: 'GET', url: `/api/v1/agencies/${city.id}` }))
        .childCount,
    ).toBe(1);

    const audit = json<{ items: { action: string; targetId: string }[] }>(
      await t.citydx.app.inject({
        method: 'GET',
        url: `/api/v1/audit?targetId=${department.id}`,
        headers: { authorization: admin },
      }),
    );
    expect(audit.items.map((e) => e.action)).toEqual(['agency.created']);
  });

  it('refuses a duplicate code, a missing parent and a cycle', async () => {
    const a = json<Agency>(await create({ code: 'A-1', nameVi: 'Cơ quan A', kind: 'other' }));
    const b = json<Agency>(await create({ code: 'B-1', nameVi: 'Cơ quan B', kind: 'other', parentId: a.id }));
    const duplicate = await create({ code: 'A-1', nameVi: 'Trùng mã', kind: 'other' });
    expect([duplicate.statusCode, json<{ error: { code: string } }>(duplicate).error.code]).toEqual([
      409,
      'AGENCY_CODE_TAKEN',
    ]);
    const orphan = await create({
      code: 'C-1',
      nameVi: 'C',
      kind: 'other',
      parentId: '3f0c1d2e-4b5a-4c6d-8e7f-901234567890',
    });
    expect(json<{ error: { code: string } }>(orphan).error.code).toBe('AGENCY_PARENT_NOT_FOUND');
    const cycle = await t.citydx.app.inject({
      method: 'PATCH',
      url: `/api/v1/agencies/${a.id}`,
      headers: { authorization: admin },
      payload: { parentId: b.id },
    });
    expect([cycle.statusCode, json<{ error: { code: string } }>(cycle).error.code]).toEqual([
      422,
      'AGENCY_CYCLE',
    ]);
    const busy = await t.citydx.app.inject({
      method: 'DELETE',
      url: `/api/v1/agencies/${a.id}`,
      headers: { authorization: admin },
    });
    expect(busy.statusCode).toBe(409);
    expect(
      (
        await t.citydx.app.inject({
          method: 'DELETE',
          url: `/api/v1/agencies/${b.id}`,
          headers: { authorization: admin },
        })
      ).statusCode,
    ).toBe(204);
  });

  it("lets an agency admin keep their own agency's contact points, and nothing else", async () => {
    const own = json<Agency>(
      await create({ code: 'OWN-1', nameVi: 'Ủy ban nhân dân phường Mẫu', kind: 'commune_committee' }),
    );
    const other = json<Agency>(await create({ code: 'OTHER-1', nameVi: 'Cơ quan khác', kind: 'other' }));
    const agencyAdmin = `Bearer ${(await createUserWithToken(t.citydx, [{ role: 'agency_admin', agencyId: own.id }])).token}`;
    const patch = (id: string, payload: Record<string, unknown>) =>
      t.citydx.app.inject({
        method: 'PATCH',
        url: `/api/v1/agencies/${id}`,
        headers: { authorization: agencyAdmin },
        payload,
      });
    const contact = await patch(own.id, { phone: '0236 3 822 222' });
    expect(json<Agency>(contact).phone).toBe('0236 3 822 222');
    expect((await patch(own.id, { nameVi: 'Tên mới' })).statusCode).toBe(403);
    expect((await patch(other.id, { phone: '1' })).statusCode).toBe(403);
  });
});
