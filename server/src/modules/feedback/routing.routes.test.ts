import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json } from '../../../test/app';
import { buildFeedbackTestApp, type FeedbackTestApp } from './testing/test-app';

type Rule = { id: string; categoryCode: string; adminUnitCode: string | null; agencyId: string };

describe('categories and the routing table, edited in the console', () => {
  let f: FeedbackTestApp;
  let admin: string;
  let operator: string;

  beforeAll(async () => {
    f = await buildFeedbackTestApp({ demo: true });
    admin = await f.staff([{ role: 'system_admin', agencyId: null }]);
    operator = await f.staff([{ role: 'call_center_operator', agencyId: null }]);
  });
  afterAll(() => f.close());

  const call = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, auth: string, payload?: object) =>
    f.app.inject({
      method,
      url: `/api/v1/feedback${url}`,
      headers: { authorization: auth },
      ...(payload ? { payload } : {}),
    });

  it('lets a system admin add and retire a category with its deadline', async () => {
    const created = await call('POST', '/hub/categories', admin, {
      code: 'cay-xanh',
      nameVi: 'Cây xanh',
      group: 'do-thi',
      deadlineWorkingDays: 5,
    });
    expect(created.statusCode).toBe(201);
    expect(
      (
        await call('POST', '/hub/categories', admin, {
          code: 'cay-xanh',
          nameVi: 'Trùng',
          group: 'x',
          deadlineWorkingDays: 5,
        })
      ).statusCode,
    ).toBe(409);
    const changed = json<{ deadlineWorkingDays: number; active: boolean }>(
      await call('PATCH', '/hub/categories/cay-xanh', admin, { deadlineWorkingDays: 4, active: false }),
    );
    expect(changed).toMatchObject({ deadlineWorkingDays: 4, active: false });
    const publicList = json<{ code: string }[]>(
      await f.app.inject({ method: 'GET', url: '/api/v1/feedback/categories' }),
    );
    expect(publicList.map((c) => c.code)).not.toContain('cay-xanh');
    const refused = await f.app.inject({
      method: 'POST',
      url: '/api/v1/feedback/reports',
      payload: { categoryCode: 'cay-xanh', description: 'Cây đổ', address: 'Lê Lợi' },
    });
    expect(json<{ error: { code: string } }>(refused).error.code).toBe('FEEDBACK_CATEGORY_INACTIVE');
  });

  it('lets operators edit the routing table; a unit rule wins over the default', async () => {
    const sxd = (await f.agency('SXD')).id;
    const ward = (await f.agency('UBND-P-HAI-CHAU')).id;
    const defaults = json<Rule[]>(await call('GET', '/hub/routes?category=giao-thong', operator));
    expect(defaults).toEqual([expect.objectContaining({ adminUnitCode: null, agencyId: sxd })]);
    const added = await call('POST', '/hub/routes', operator, {
      categoryCode: 'giao-thong',
      adminUnitCode: '20242',
      agencyId: ward,
    });
    expect(added.statusCode).toBe(201);
    const rule = json<Rule>(added);
    expect(
      (
        await call('POST', '/hub/routes', operator, {
          categoryCode: 'giao-thong',
          adminUnitCode: '20242',
          agencyId: sxd,
        })
      ).statusCode,
    ).toBe(409);
    expect(
      (
        await call('POST', '/hub/routes', operator, {
          categoryCode: 'giao-thong',
          adminUnitCode: '99999',
          agencyId: sxd,
        })
      ).statusCode,
    ).toBe(404);
    const created = await f.services.submissions.submit(
      {
        channel: 'web',
        categoryCode: 'giao-thong',
        description: 'Ổ gà',
        address: 'Trần Phú',
        location: null,
        adminUnitCode: '20242',
        locale: 'vi',
        consentVersion: null,
      },
      { id: null, label: 'test' },
    );
    const suggestion = (id: string) =>
      call('GET', `/hub/reports/${id}/routing-suggestion`, operator).then((r) =>
        json<{ agencyId: string }>(r),
      );
    expect((await suggestion(created.report.id)).agencyId).toBe(ward);
    expect(
      json<Rule>(await call('PATCH', `/hub/routes/${rule.id}`, operator, { agencyId: sxd })).agencyId,
    ).toBe(sxd);
    expect((await call('DELETE', `/hub/routes/${rule.id}`, operator)).statusCode).toBe(204);
    expect((await suggestion(created.report.id)).agencyId).toBe(sxd);
  });

  it('documents every feedback route in the OpenAPI document', async () => {
    const document = json<{ paths: Record<string, unknown> }>(
      await f.app.inject({ method: 'GET', url: '/docs/json' }),
    );
    const paths = Object.keys(document.paths);
    expect(paths.filter((p) => p.startsWith('/api/v1/feedback/')).length).toBeGreaterThan(30);
    expect(paths).toContain('/open311/v2/requests.json');
  });
});
