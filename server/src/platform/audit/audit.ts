import { sql, type Generated, type Kysely, type Transaction } from 'kysely';
import type { Db } from '../db/database';

/** Who did something: a signed-in user, an API token's owner, or the platform itself. */
export interface Actor {
  readonly id: string | null;
  readonly label: string;
  readonly ip?: string | null;
}

export const systemActor: Actor = { id: null, label: 'system' };

export interface AuditEntry {
  readonly action: string;
  readonly targetType: string;
  readonly targetId?: string | null;
  /** What changed: for updates `{ before, after }` of the changed fields only; never secrets. */
  readonly summary?: Record<string, unknown>;
}

type AuditTables = {
  'platform.audit_log': {
    id: Generated<number>;
    occurred_at: Generated<Date>;
    actor_id: string | null;
    actor_label: string;
    action: string;
    target_type: string;
    target_id: string | null;
    summary: Generated<unknown>;
    ip: string | null;
  };
};

export interface AuditRecord {
  readonly id: number;
  readonly occurredAt: string;
  readonly actorId: string | null;
  readonly actorLabel: string;
  readonly action: string;
  readonly targetType: string;
  readonly targetId: string | null;
  readonly summary: Record<string, unknown>;
  readonly ip: string | null;
}

export interface AuditQuery {
  readonly actorId?: string;
  readonly action?: string;
  readonly targetType?: string;
  readonly targetId?: string;
  readonly from?: string;
  readonly to?: string;
  readonly q?: string;
  readonly limit: number;
  readonly offset: number;
}

/** The append-only audit log. Writes take the caller's transaction so the entry commits with the change. */
export class AuditLog {
  constructor(private readonly db: Db) {}

  async record(
    executor: Kysely<unknown> | Transaction<unknown>,
    actor: Actor,
    entry: AuditEntry,
  ): Promise<void> {
    await executor
      .withTables<AuditTables>()
      .insertInto('platform.audit_log')
      .values({
        actor_id: actor.id,
        actor_label: actor.label,
        action: entry.action,
        target_type: entry.targetType,
        target_id: entry.targetId ?? null,
        summary: JSON.stringify(entry.summary ?? {}),
        ip: actor.ip ?? null,
      })
      .execute();
  }

  async search(query: AuditQuery): Promise<{ items: AuditRecord[]; total: number }> {
    let select = this.db.withTables<AuditTables>().selectFrom('platform.audit_log');
    if (query.actorId) select = select.where('actor_id', '=', query.actorId);
    if (query.action) select = select.where('action', 'like', `${query.action}%`);
    if (query.targetType) select = select.where('target_type', '=', query.targetType);
    if (query.targetId) select = select.where('target_id', '=', query.targetId);
    if (query.from) select = select.where('occurred_at', '>=', new Date(query.from));
    if (query.to) select = select.where('occurred_at', '<', new Date(query.to));
    if (query.q) {
      const pattern = `%${query.q.replace(/[%_\\]/g, '\\$&')}%`;
      select = select.where((eb) =>
        eb.or([eb('actor_label', 'ilike', pattern), eb(sql<string>`summary::text`, 'ilike', pattern)]),
      );
    }
    const [rows, count] = await Promise.all([
      select
        .selectAll()
        .orderBy('occurred_at', 'desc')
        .orderBy('id', 'desc')
        .limit(query.limit)
        .offset(query.offset)
        .execute(),
      select.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
    ]);
    return {
      total: Number(count.total),
      items: rows.map((row) => ({
        id: row.id,
        occurredAt: row.occurred_at.toISOString(),
        actorId: row.actor_id,
        actorLabel: row.actor_label,
        action: row.action,
        targetType: row.target_type,
        targetId: row.target_id,
        summary: (row.summary ?? {}) as Record<string, unknown>,
        ip: row.ip,
      })),
    };
  }

  /** Creates next months' partitions so that new entries never land in the default partition. */
  async ensurePartitions(executor: Kysely<unknown>, monthsAhead = 3): Promise<void> {
    const now = new Date();
    for (let offset = 0; offset <= monthsAhead; offset += 1) {
      const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + offset, 1));
      const end = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1));
      const name = `audit_log_${start.getUTCFullYear()}${String(start.getUTCMonth() + 1).padStart(2, '0')}`;
      await sql
        .raw(
          `do $$ begin
             if to_regclass('platform.${name}') is null
                and not exists (select 1 from platform.audit_log_default
                                where occurred_at >= '${start.toISOString()}' and occurred_at < '${end.toISOString()}') then
               create table platform.${name} partition of platform.audit_log
                 for values from ('${start.toISOString()}') to ('${end.toISOString()}');
             end if;
           end $$`,
        )
        .execute(executor);
    }
  }
}
