import { sql } from 'kysely';
import type { AuditLog } from './audit/audit';
import type { AuthService } from './auth/auth.service';
import type { Db } from './db/database';
import type { JobDefinition } from './jobs/scheduler';

const DISPATCHED_EVENT_RETENTION_DAYS = 30;

/** Housekeeping the kernel itself needs. */
export function kernelJobs(deps: { db: Db; audit: AuditLog; auth: AuthService }): JobDefinition[] {
  return [
    {
      name: 'platform.sessions.expire',
      intervalSeconds: 3600,
      run: async () => void (await deps.auth.deleteExpiredSessions()),
    },
    {
      name: 'platform.audit.partitions',
      intervalSeconds: 24 * 3600,
      run: () => deps.audit.ensurePartitions(deps.db),
    },
    {
      name: 'platform.outbox.prune',
      intervalSeconds: 24 * 3600,
      run: async () => {
        await sql`delete from platform.outbox_events
          where dispatched_at < now() - make_interval(days => ${DISPATCHED_EVENT_RETENTION_DAYS})`.execute(
          deps.db,
        );
      },
    },
  ];
}
