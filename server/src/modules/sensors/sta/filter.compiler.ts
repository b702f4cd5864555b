import { sql } from 'kysely';
import type { ComparisonOperator, FilterNode, Literal } from './filter.ast';
import {
  describeType,
  type CompileScope,
  type Compiled,
  type ExistsJoin,
  type ScalarType,
  type Sql,
} from './filter.compiled';
import { compileCall } from './filter.functions';
import { geometryLiteral } from './filter.geo';
import { filterError } from './filter.lexer';
import { parseDatetime } from './filter.literals';
import type { OrderItem } from './filter.parser';
import { compilePath } from './filter.paths';

const SQL_COMPARISON: Record<ComparisonOperator, string> = {
  eq: '=',
  ne: 'is distinct from',
  gt: '>',
  ge: '>=',
  lt: '<',
  le: '<=',
};
const MIRRORED: Record<ComparisonOperator, ComparisonOperator> = {
  eq: 'eq',
  ne: 'ne',
  gt: 'lt',
  ge: 'le',
  lt: 'gt',
  le: 'ge',
};

// Every user value reaches SQL as a bound parameter with an explicit type.
function compileLiteral(node: Literal): Compiled {
  switch (node.type) {
    case 'string':
      return { type: 'string', sql: sql`${node.value}::text` };
    case 'number':
      return { type: 'number', sql: node.integer ? sql`${node.value}::bigint` : sql`${node.value}::float8` };
    case 'boolean':
      return { type: 'boolean', sql: sql`${node.value}::boolean` };
    case 'null':
      return { type: 'null' };
    case 'datetime':
      return { type: 'datetime', sql: sql`${node.value}::timestamptz` };
    case 'duration':
      return { type: 'duration', sql: sql`${node.value}::interval` };
    case 'interval':
      return { type: 'interval', start: sql`${node.start}::timestamptz`, end: sql`${node.end}::timestamptz` };
    case 'geometry':
      return geometryLiteral(node.value);
  }
}

function compileArithmetic(node: Extract<FilterNode, { kind: 'arithmetic' }>, scope: CompileScope): Compiled {
  const left = asNumberIfDynamic(compileValue(node.left, scope));
  const right = asNumberIfDynamic(compileValue(node.right, scope));
  const types = `${left.type} ${node.op} ${right.type}`;
  if (left.type === 'number' && right.type === 'number') {
    if (node.op === 'div') return { type: 'number', sql: sql`(${left.sql} / nullif(${right.sql}, 0))` };
    if (node.op === 'mod')
      return {
        type: 'number',
        sql: sql`mod(${left.sql}::numeric, nullif(${right.sql}, 0)::numeric)::float8`,
      };
    const operator = { add: '+', sub: '-', mul: '*' }[node.op];
    return { type: 'number', sql: sql`(${left.sql} ${sql.raw(operator)} ${right.sql})` };
  }
  if ('sql' in left && 'sql' in right) {
    if (
      types === 'datetime add duration' ||
      types === 'datetime sub duration' ||
      types === 'duration add datetime'
    )
      return {
        type: 'datetime',
        sql: sql`(${left.sql} ${sql.raw(node.op === 'add' ? '+' : '-')} ${right.sql})`,
      };
    if (
      types === 'datetime sub datetime' ||
      types === 'duration add duration' ||
      types === 'duration sub duration'
    )
      return {
        type: 'duration',
        sql: sql`(${left.sql} ${sql.raw(node.op === 'add' ? '+' : '-')} ${right.sql})`,
      };
  }
  throw filterError(`cannot compute ${describeType(left)} ${node.op} ${describeType(right)}`);
}

function asNumberIfDynamic(value: Compiled): Compiled {
  return value.type === 'dynamic' ? { type: 'number', sql: value.as('number') } : value;
}

/** Compiles any expression to a typed value. */
export function compileValue(node: FilterNode, scope: CompileScope): Compiled {
  switch (node.kind) {
    case 'literal':
      return compileLiteral(node);
    case 'path':
      return compilePath(node.segments, scope);
    case 'arithmetic':
      return compileArithmetic(node, scope);
    case 'negate': {
      const operand = asNumberIfDynamic(compileValue(node.operand, scope));
      if (operand.type !== 'number') throw filterError(`cannot negate a ${describeType(operand)}`);
      return { type: 'number', sql: sql`(-${operand.sql})` };
    }
    case 'call':
      return compileCall(node, scope, compileValue);
    default:
      return { type: 'boolean', sql: compileCondition(node, scope) };
  }
}

/** A scalar operand ready to compare, typed by the other side when it is a JSON value or a result. */
function scalarPair(
  left: Compiled,
  right: Compiled,
  leftNode: FilterNode,
  rightNode: FilterNode,
): [Sql, Sql] {
  if (left.type === 'dynamic' && right.type === 'dynamic')
    return left.preferred === 'number' && right.preferred === 'number'
      ? [left.as('number'), right.as('number')]
      : [left.as('string'), right.as('string')];
  if (left.type === 'dynamic' || right.type === 'dynamic') {
    const [dynamic, other] = left.type === 'dynamic' ? [left, right] : [right, left];
    if (dynamic.type !== 'dynamic') throw new Error('unreachable');
    if (other.type !== 'number' && other.type !== 'string' && other.type !== 'boolean')
      throw filterError(
        `a JSON value or result compares with a string, number or boolean, not a ${describeType(other)}`,
      );
    const typed = dynamic.as(other.type);
    return left.type === 'dynamic' ? [typed, other.sql] : [other.sql, typed];
  }
  const leftSql = datetimeFromString(left, right, leftNode);
  const rightSql = datetimeFromString(right, left, rightNode);
  if (leftSql && rightSql) return [leftSql, rightSql];
  throw filterError(`cannot compare a ${describeType(left)} with a ${describeType(right)}`);
}

/** The operand's SQL when both sides share a type; a quoted datetime next to a datetime reads as one. */
function datetimeFromString(value: Compiled, other: Compiled, node: FilterNode): Sql | null {
  if (!('sql' in value) || !('sql' in other)) return null;
  if (value.type === other.type) return value.sql;
  if (
    value.type === 'string' &&
    other.type === 'datetime' &&
    node.kind === 'literal' &&
    node.type === 'string'
  )
    return sql`${parseDatetime(node.value)}::timestamptz`;
  if (value.type === 'datetime' && other.type === 'string') return value.sql;
  return null;
}

function compareWithInterval(op: ComparisonOperator, value: Compiled, interval: Compiled): Sql {
  if (interval.type !== 'interval' || value.type !== 'datetime')
    throw filterError(`a time interval compares with a datetime, not a ${describeType(value)}`);
  const at = value.sql;
  switch (op) {
    case 'eq':
      return sql`(${at} >= ${interval.start} and ${at} < ${interval.end})`;
    case 'ne':
      return sql`not (${at} >= ${interval.start} and ${at} < ${interval.end})`;
    case 'lt':
      return sql`(${at} < ${interval.start})`;
    case 'le':
      return sql`(${at} < ${interval.end})`;
    case 'gt':
      return sql`(${at} >= ${interval.end})`;
    case 'ge':
      return sql`(${at} >= ${interval.start})`;
  }
}

function compareWithNull(op: ComparisonOperator, value: Compiled): Sql {
  if (op !== 'eq' && op !== 'ne') throw filterError(`null can only be compared with eq or ne, not ${op}`);
  const operand = sqlOfAny(value);
  return op === 'eq' ? sql`(${operand} is null)` : sql`(${operand} is not null)`;
}

function sqlOfAny(value: Compiled): Sql {
  switch (value.type) {
    case 'dynamic':
      return value.as(value.preferred);
    case 'interval':
      return value.start;
    case 'point':
      return value.latitude;
    case 'null':
      return sql`null`;
    case 'polygon':
      throw filterError('a polygon literal can only be used in geo functions');
    default:
      return value.sql;
  }
}

function comparison(node: Extract<FilterNode, { kind: 'comparison' }>, scope: CompileScope): Sql {
  const left = compileValue(node.left, scope);
  const right = compileValue(node.right, scope);
  if (right.type === 'null') return compareWithNull(node.op, left);
  if (left.type === 'null') return compareWithNull(node.op, right);
  if (right.type === 'interval') return compareWithInterval(node.op, left, right);
  if (left.type === 'interval') return compareWithInterval(MIRRORED[node.op], right, left);
  if (['point', 'polygon'].includes(left.type) || ['point', 'polygon'].includes(right.type))
    throw filterError('geometries are compared with geo.distance, geo.intersects or st_* functions');
  const [leftSql, rightSql] = scalarPair(left, right, node.left, node.right);
  return sql`(${leftSql} ${sql.raw(SQL_COMPARISON[node.op])} ${rightSql})`;
}

/** Compiles one leaf condition; paths through to-many relations inside it make it an EXISTS. */
function leaf(scope: CompileScope, build: (inner: CompileScope) => Sql): Sql {
  const joins: ExistsJoin[] = [];
  const condition = build({ ...scope, joins });
  if (joins.length === 0) return condition;
  const tables = joins.map((join) => sql`${sql.table(join.table)} as ${sql.ref(join.alias)}`);
  const conditions = [...joins.map((join) => join.condition), condition];
  return sql`exists (select 1 from ${sql.join(tables)} where ${sql.join(conditions, sql` and `)})`;
}

function asCondition(value: Compiled, what: string): Sql {
  if (value.type === 'boolean') return value.sql;
  if (value.type === 'dynamic') return sql`coalesce(${value.as('boolean')}, false)`;
  throw filterError(`${what} is a ${describeType(value)}, not a condition`);
}

/** Compiles a whole $filter tree to a SQL condition over `scope.alias`. */
export function compileCondition(node: FilterNode, scope: CompileScope): Sql {
  switch (node.kind) {
    case 'logical': {
      const left = compileCondition(node.left, scope);
      const right = compileCondition(node.right, scope);
      return node.op === 'and' ? sql`(${left} and ${right})` : sql`(${left} or ${right})`;
    }
    case 'not':
      return sql`(not coalesce(${compileCondition(node.operand, scope)}, false))`;
    case 'comparison':
      return leaf(scope, (inner) => comparison(node, inner));
    case 'call':
      return leaf(scope, (inner) => asCondition(compileValue(node, inner), `${node.name}()`));
    case 'path':
      return leaf(scope, (inner) => asCondition(compileValue(node, inner), `'${node.segments.join('/')}'`));
    case 'literal':
      return asCondition(compileLiteral(node), 'this literal');
    default:
      throw filterError('the expression is not a condition (it computes a value)');
  }
}

/** $orderby keys: nulls first ascending, last descending, as the spec asks. */
export function compileOrder(items: readonly OrderItem[], scope: CompileScope): Sql[] {
  return items.map((item) => {
    const value = compileValue(item.expression, scope);
    const key = value.type === 'dynamic' ? value.as(value.preferred) : sqlOfAny(value);
    return item.descending ? sql`${key} desc nulls last` : sql`${key} asc nulls first`;
  });
}

export type { ScalarType };
