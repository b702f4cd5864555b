import { sql, type Kysely } from 'kysely';
import { columnRef, type EntityDefinition } from './entities';
import type { CompileScope, Sql } from './filter.compiled';
import { compileCondition, compileOrder } from './filter.compiler';
import type { QueryOptions } from './query-options';
import type { PathSegment } from './resource-path';
import { defined } from '../defined';

export type Row = Record<string, unknown>;
export type Executor = Kysely<unknown>;

function lastEntity(segments: readonly PathSegment[]): EntityDefinition {
  return defined(segments[segments.length - 1], 'segment').entity;
}

/** Hands out unique table aliases for one statement (e1, e2, …). */
function aliasSource(): () => string {
  let next = 0;
  return () => `e${(next += 1)}`;
}

function scopeFor(entity: EntityDefinition, alias: string, nextAlias: () => string): CompileScope {
  return { entity, alias, nextAlias };
}

/**
 * The condition selecting the rows a path addresses: `Things(1)/Datastreams` is "datastreams whose
 * thing is 1", nested as EXISTS for longer paths.
 */
function pathCondition(
  segments: readonly PathSegment[],
  index: number,
  alias: string,
  nextAlias: () => string,
): Sql {
  const segment = defined(segments[index], 'segment');
  const parts: Sql[] = [];
  if (segment.id !== null) parts.push(sql`${columnRef(alias, 'id')} = ${segment.id}::bigint`);
  if (index > 0) {
    const parent = defined(segments[index - 1], 'segment');
    const parentAlias = nextAlias();
    const join = defined(parent.entity.relations[segment.relation ?? ''], 'relation').join(
      parentAlias,
      alias,
    );
    const upstream = pathCondition(segments, index - 1, parentAlias, nextAlias);
    parts.push(sql`exists (select 1 from ${sql.table(parent.entity.table)} as ${sql.ref(parentAlias)}
      where ${join} and ${upstream})`);
  }
  return parts.length ? sql.join(parts, sql` and `) : sql`true`;
}

function whereOf(
  segments: readonly PathSegment[],
  options: QueryOptions | null,
  alias: string,
  nextAlias: () => string,
): Sql {
  const entity = lastEntity(segments);
  const conditions = [pathCondition(segments, segments.length - 1, alias, nextAlias)];
  if (options?.filter) conditions.push(compileCondition(options.filter, scopeFor(entity, alias, nextAlias)));
  return sql.join(conditions, sql` and `);
}

/**
 * The natural order of a relation whose targets are ordered (a MultiDatastream's ObservedProperties):
 * their position under the parent the path names, or nothing for other paths.
 */
function pathPosition(segments: readonly PathSegment[], alias: string, nextAlias: () => string): Sql[] {
  const last = defined(segments[segments.length - 1], 'segment');
  const parent = segments[segments.length - 2];
  const position = parent?.entity.relations[last.relation ?? '']?.position;
  if (!parent || !position) return [];
  const parentAlias = nextAlias();
  const parentCondition = pathCondition(segments, segments.length - 2, parentAlias, nextAlias);
  return [
    sql`(select ${position(parentAlias, alias)} from ${sql.table(parent.entity.table)} as ${sql.ref(parentAlias)}
      where ${parentCondition} limit 1) asc`,
  ];
}

/** One page of the rows a path addresses, plus one extra row to tell whether a next page exists. */
export async function selectPage(
  executor: Executor,
  segments: readonly PathSegment[],
  options: QueryOptions,
): Promise<{ rows: Row[]; more: boolean }> {
  const entity = lastEntity(segments);
  const nextAlias = aliasSource();
  const alias = nextAlias();
  const where = whereOf(segments, options, alias, nextAlias);
  const order = [
    ...compileOrder(options.orderBy, scopeFor(entity, alias, nextAlias)),
    ...pathPosition(segments, alias, nextAlias),
    sql`${columnRef(alias, 'id')} asc`,
  ];
  const { rows } =
    await sql<Row>`select ${sql.ref(alias)}.* from ${sql.table(entity.table)} as ${sql.ref(alias)}
    where ${where} order by ${sql.join(order)}
    limit ${options.top + 1} offset ${options.skip}`.execute(executor);
  return { rows: rows.slice(0, options.top), more: rows.length > options.top };
}

export async function countRows(
  executor: Executor,
  segments: readonly PathSegment[],
  options: QueryOptions,
): Promise<number> {
  const entity = lastEntity(segments);
  const nextAlias = aliasSource();
  const alias = nextAlias();
  const { rows } = await sql<{ total: number }>`select count(*)::bigint as total
    from ${sql.table(entity.table)} as ${sql.ref(alias)} where ${whereOf(segments, options, alias, nextAlias)}`.execute(
    executor,
  );
  return Number(rows[0]?.total ?? 0);
}

/** The one row a path to a single entity addresses, or null. */
export async function selectOne(executor: Executor, segments: readonly PathSegment[]): Promise<Row | null> {
  const entity = lastEntity(segments);
  const nextAlias = aliasSource();
  const alias = nextAlias();
  const { rows } =
    await sql<Row>`select ${sql.ref(alias)}.* from ${sql.table(entity.table)} as ${sql.ref(alias)}
    where ${whereOf(segments, null, alias, nextAlias)} limit 1`.execute(executor);
  return rows[0] ?? null;
}

/**
 * Rows related to several parents at once (one query per $expand level): each row carries its
 * parent's id (__parent), its rank within the parent (for $skip/$top per parent) and the parent's
 * total (for @iot.count).
 */
export async function selectRelated(
  executor: Executor,
  parent: EntityDefinition,
  relationName: string,
  target: EntityDefinition,
  parentIds: readonly number[],
  options: QueryOptions,
): Promise<Row[]> {
  if (parentIds.length === 0) return [];
  const nextAlias = aliasSource();
  const outer = nextAlias();
  const inner = nextAlias();
  const scope = scopeFor(target, inner, nextAlias);
  const relation = defined(parent.relations[relationName], relationName);
  const conditions = [
    sql`${columnRef(outer, 'id')} in (${sql.join(parentIds.map((id) => sql`${id}::bigint`))})`,
    relation.join(outer, inner),
  ];
  if (options.filter) conditions.push(compileCondition(options.filter, scope));
  const order = [
    ...compileOrder(options.orderBy, scope),
    ...(relation.position ? [sql`${relation.position(outer, inner)} asc`] : []),
    sql`${columnRef(inner, 'id')} asc`,
  ];
  const { rows } = await sql<Row>`select * from (
      select ${sql.ref(inner)}.*, ${columnRef(outer, 'id')} as __parent,
        row_number() over (partition by ${columnRef(outer, 'id')} order by ${sql.join(order)}) as __rank,
        count(*) over (partition by ${columnRef(outer, 'id')}) as __total
      from ${sql.table(parent.table)} as ${sql.ref(outer)}
      join ${sql.table(target.table)} as ${sql.ref(inner)} on ${sql.join(conditions, sql` and `)}
    ) ranked
    where __rank > ${options.skip} and __rank <= ${options.skip + options.top}
    order by __parent, __rank`.execute(executor);
  return rows;
}
