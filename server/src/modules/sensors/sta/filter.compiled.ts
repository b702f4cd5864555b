import type { RawBuilder } from 'kysely';
import type { EntityDefinition } from './entities';

export type Sql = RawBuilder<unknown>;
export type ScalarType = 'number' | 'string' | 'boolean' | 'datetime' | 'duration';

/**
 * A compiled operand: typed SQL, or a form whose SQL depends on its use — an interval literal, a
 * JSON path or an observation's result (typed by what it is compared with), a point or a polygon.
 */
export type Compiled =
  | { readonly type: ScalarType; readonly sql: Sql }
  | { readonly type: 'null' }
  | { readonly type: 'interval'; readonly start: Sql; readonly end: Sql }
  | { readonly type: 'dynamic'; readonly preferred: 'number' | 'string'; as(type: ScalarType): Sql }
  | { readonly type: 'point'; readonly latitude: Sql; readonly longitude: Sql }
  | { readonly type: 'polygon'; readonly ring: readonly (readonly [number, number])[] };

/** A related table joined inside the EXISTS that wraps one comparison (paths through to-many links). */
export interface ExistsJoin {
  readonly table: string;
  readonly alias: string;
  readonly condition: Sql;
}

export interface CompileScope {
  readonly entity: EntityDefinition;
  readonly alias: string;
  /** Fresh, unique table aliases for subqueries. */
  nextAlias(): string;
  /** Where paths through to-many relations register their joins; absent where only scalars make sense. */
  readonly joins?: ExistsJoin[];
}

export function describeType(compiled: Compiled): string {
  return compiled.type === 'dynamic' ? 'untyped JSON value' : compiled.type;
}
