import type { FastifyInstance } from 'fastify';
import { buildTestApp, createUserWithToken, type TestApp } from '../../../../test/app';
import type { AgencyRow } from '../../../platform/agencies/agencies.repo';
import type { RoleGrant } from '../../../platform/auth/roles';
import { loadKernelDemo, loadReferenceData } from '../../../platform/kernel-demo';
import type { CitydxModule } from '../../../platform/module-contract';
import { loadFeedbackDemo } from '../feedback.demo';
import type { FeedbackApi } from '../feedback.module';
import type { FeedbackServices } from '../feedback.services';
import { assembleFeedbackApp } from './assemble';
import { RecordingNotifier } from './recording-notifier';

export interface FeedbackTestApp {
  readonly t: TestApp;
  readonly app: FastifyInstance;
  readonly module: CitydxModule<FeedbackApi>;
  readonly services: FeedbackServices;
  readonly notifier: RecordingNotifier;
  /** A staff account with these grants; returns its Authorization header value. */
  staff(grants: readonly RoleGrant[]): Promise<string>;
  /** One of Đà Nẵng's demo agencies by code (loaded with `agencies: true`). */
  agency(code: string): Promise<AgencyRow>;
  close(): Promise<void>;
}

/**
 * A migrated test database with the kernel app, and the feedback module served the way app.ts will
 * serve it. `demo` loads the administrative units, Đà Nẵng's agencies, the categories and the routing
 * table (no sample reports unless `samples`).
 */
export async function buildFeedbackTestApp(
  options: {
    env?: Record<string, string>;
    demo?: boolean;
    samples?: boolean;
    /** Another recording notifier (one that queues in SQL, or fails). */
    notifier?: RecordingNotifier;
  } = {},
): Promise<FeedbackTestApp> {
  const t = await buildTestApp(options.env ?? {});
  const notifier = options.notifier ?? new RecordingNotifier();
  const platform = t.citydx.platform;
  const { app, module, services } = await assembleFeedbackApp(platform, notifier, { database: t.database });
  if (options.demo || options.samples) {
    await loadReferenceData(platform);
    await loadKernelDemo(platform);
    await loadFeedbackDemo(services.ctx, { samples: options.samples ?? false });
  }
  return {
    t,
    app,
    module,
    services,
    notifier,
    staff: async (grants) => `Bearer ${(await createUserWithToken(t.citydx, grants)).token}`,
    agency: async (code) => {
      const agency = await platform.agencies.findByCode(code);
      if (!agency) throw new Error(`no demo agency ${code}`);
      return agency;
    },
    async close() {
      await app.close();
      await t.close();
    },
  };
}
