import { buildTestApp, type TestApp } from '../../../../test/app';
import { loadReferenceData } from '../../../platform/kernel-demo';

/** The real app on a migrated test database, with the administrative units the fleet view names. */
export async function buildDevicesTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const t = await buildTestApp({ MQTT_EMBEDDED_PORT: '0', ...env });
  await loadReferenceData(t.citydx.platform);
  return t;
}
