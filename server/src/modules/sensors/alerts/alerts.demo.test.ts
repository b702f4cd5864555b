import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../../../test/app';
import { loadSensorsDemo } from '../sensors.demo';
import { loadAlertSamples } from './alerts.demo';
import { buildAlertsTestApp } from './alerts.test-support';

describe('sample alert rules', () => {
  let t: TestApp;

  beforeAll(async () => {
    ({ t } = await buildAlertsTestApp());
    await loadSensorsDemo(t.database.db);
    await loadAlertSamples(t.database.db, t.citydx.platform.audit);
    await loadAlertSamples(t.database.db, t.citydx.platform.audit);
  });
  afterAll(() => t.close());

  it('loads the three labelled sample rules once, on the sample stations', async () => {
    const { rows } = await sql<{
      name: string;
      operator: string;
      threshold: number | null;
      severity: string;
    }>`
      select name, operator, threshold, severity from sensors.alert_rules
      where is_sample and description like '%Sample rule%' order by name`.execute(t.database.db);
    expect(rows).toEqual([
      { name: 'Bụi mịn PM2.5 trên 55 µg/m³ (mẫu)', operator: 'GT', threshold: 55, severity: 'warning' },
      { name: 'Mực nước ngập trên 1,5 m (mẫu)', operator: 'GT', threshold: 1.5, severity: 'critical' },
      {
        name: 'Trạm đo mực nước mất dữ liệu 30 phút (mẫu)',
        operator: 'FROZEN',
        threshold: null,
        severity: 'warning',
      },
    ]);
  });
});
