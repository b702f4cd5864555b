import { sql } from 'kysely';
import { AppError } from '../../../platform/http/app-error';
import { sensorsErrors } from '../sensors.errors';
import type { FilterNode } from './filter.ast';
import { describeType, type CompileScope, type Compiled, type ScalarType, type Sql } from './filter.compiled';
import { distanceMetres, pointInPolygon, samePoint } from './filter.geo';
import { filterError } from './filter.lexer';
import { defined } from '../defined';

type CompileValue = (node: FilterNode, scope: CompileScope) => Compiled;
type Point = Extract<Compiled, { type: 'point' }>;

/** Functions of the grammar we parse but do not evaluate: 501, as the spec asks for the unsupported. */
const NOT_IMPLEMENTED = new Set(['geo.length', 'st_touches', 'st_overlaps', 'st_crosses', 'st_relate']);

function notImplemented(name: string): AppError {
  const problem = `the function ${name}() is not supported`;
  return new AppError(sensorsErrors.NOT_IMPLEMENTED, { problem }, { problem });
}

/** An argument as SQL of the given type (a JSON value is read as that type). */
function argument(value: Compiled, type: ScalarType, name: string, position: number): Sql {
  if (value.type === 'dynamic') return value.as(type);
  if (value.type === type) return value.sql;
  if (type === 'datetime' && value.type === 'interval') return value.start;
  throw filterError(`argument ${position} of ${name}() must be a ${type}, not a ${describeType(value)}`);
}

function point(value: Compiled, name: string): Point {
  if (value.type !== 'point')
    throw filterError(
      `${name}() needs a point (a location property or geography'POINT(…)'), not a ${describeType(value)}`,
    );
  return value;
}

function spatial(name: string, a: Compiled, b: Compiled): Sql {
  if (name === 'st_equals') return samePoint(point(a, name), point(b, name));
  const [inner, outer] = name === 'st_contains' ? [b, a] : [a, b];
  if (outer.type === 'polygon') {
    const inside = pointInPolygon(point(inner, name), outer);
    return name === 'st_disjoint' ? sql`not ${inside}` : inside;
  }
  // Two points: "within", "intersects" and "contains" all mean the same point.
  const same = samePoint(point(inner, name), point(outer, name));
  return name === 'st_disjoint' ? sql`not ${same}` : same;
}

const STRING_UNARY: Record<string, (a: Sql) => Sql> = {
  tolower: (a) => sql`lower(${a})`,
  toupper: (a) => sql`upper(${a})`,
  trim: (a) => sql`btrim(${a})`,
};

const DATE_PARTS: Record<string, string> = {
  year: 'year',
  month: 'month',
  day: 'day',
  hour: 'hour',
  minute: 'minute',
};

/** Compiles a function call; datetimes are read in UTC, the zone every session runs in. */
export function compileCall(
  node: Extract<FilterNode, { kind: 'call' }>,
  scope: CompileScope,
  compileValue: CompileValue,
): Compiled {
  const { name } = node;
  if (NOT_IMPLEMENTED.has(name)) throw notImplemented(name);
  const args = node.args.map((value) => compileValue(value, scope));
  // The parser checked the arity, so every index asked for exists.
  const arg = (index: number) => defined(args[index], `argument ${index + 1} of ${name}()`);
  const text = (index: number) => argument(arg(index), 'string', name, index + 1);
  const number = (index: number) => argument(arg(index), 'number', name, index + 1);
  const time = (index: number) => argument(arg(index), 'datetime', name, index + 1);
  const unaryText = STRING_UNARY[name];
  if (unaryText) return { type: 'string', sql: unaryText(text(0)) };
  const part = DATE_PARTS[name];
  if (part) return { type: 'number', sql: sql`extract(${sql.raw(part)} from ${time(0)})::float8` };
  switch (name) {
    case 'substringof':
      return { type: 'boolean', sql: sql`(strpos(${text(1)}, ${text(0)}) > 0)` };
    case 'contains':
      return { type: 'boolean', sql: sql`(strpos(${text(0)}, ${text(1)}) > 0)` };
    case 'startswith':
      return { type: 'boolean', sql: sql`starts_with(${text(0)}, ${text(1)})` };
    case 'endswith':
      return { type: 'boolean', sql: sql`(right(${text(0)}, char_length(${text(1)})) = ${text(1)})` };
    case 'length':
      return { type: 'number', sql: sql`char_length(${text(0)})` };
    case 'indexof':
      return { type: 'number', sql: sql`(strpos(${text(0)}, ${text(1)}) - 1)` };
    case 'concat':
      return { type: 'string', sql: sql`(${text(0)} || ${text(1)})` };
    case 'substring': {
      const start = sql`greatest(${number(1)}, 0)::int + 1`;
      return args.length === 3
        ? { type: 'string', sql: sql`substr(${text(0)}, ${start}, greatest(${number(2)}, 0)::int)` }
        : { type: 'string', sql: sql`substr(${text(0)}, ${start})` };
    }
    case 'second':
      return { type: 'number', sql: sql`floor(extract(second from ${time(0)}))::float8` };
    case 'fractionalseconds':
      return { type: 'number', sql: sql`(extract(second from ${time(0)}) % 1)::float8` };
    case 'date':
      return { type: 'datetime', sql: sql`date_trunc('day', ${time(0)})` };
    case 'time':
      return { type: 'string', sql: sql`to_char(${time(0)}, 'HH24:MI:SS')` };
    case 'totaloffsetminutes':
      time(0);
      return { type: 'number', sql: sql`0::float8` };
    case 'now':
      return { type: 'datetime', sql: sql`now()` };
    case 'mindatetime':
      return { type: 'datetime', sql: sql`'-infinity'::timestamptz` };
    case 'maxdatetime':
      return { type: 'datetime', sql: sql`'infinity'::timestamptz` };
    case 'round':
      return { type: 'number', sql: sql`round(${number(0)}::float8)` };
    case 'floor':
      return { type: 'number', sql: sql`floor(${number(0)}::float8)` };
    case 'ceiling':
      return { type: 'number', sql: sql`ceiling(${number(0)}::float8)` };
    case 'geo.distance':
      return { type: 'number', sql: distanceMetres(point(arg(0), name), point(arg(1), name)) };
    case 'geo.intersects':
      return { type: 'boolean', sql: spatial('st_intersects', arg(0), arg(1)) };
    default:
      return { type: 'boolean', sql: spatial(name, arg(0), arg(1)) };
  }
}
