import { sql } from 'kysely';
import { columnRef, entities, type EntityDefinition, type PropertyDefinition } from './entities';
import type { CompileScope, Compiled, ScalarType, Sql } from './filter.compiled';
import { filterError } from './filter.lexer';
import { defined } from '../defined';

/** The value at a JSON sub-path, typed by its use; a value of another JSON type reads as null. */
function jsonValue(column: Sql, path: readonly string[], preferred: 'number' | 'string'): Compiled {
  const target = path.length
    ? sql`${column} #> ${`{${path.map((p) => `"${p}"`).join(',')}}`}::text[]`
    : column;
  return {
    type: 'dynamic',
    preferred,
    as(type: ScalarType): Sql {
      const text = sql`(${target} #>> '{}')`;
      if (type === 'number')
        return sql`(case when jsonb_typeof(${target}) = 'number' then ${text}::float8 end)`;
      if (type === 'boolean')
        return sql`(case when jsonb_typeof(${target}) = 'boolean' then ${text}::boolean end)`;
      return text;
    },
  };
}

function propertyValue(
  definition: PropertyDefinition,
  alias: string,
  subPath: readonly string[],
  name: string,
): Compiled {
  const column = columnRef(alias, definition.column);
  if (subPath.length && definition.kind !== 'json' && definition.kind !== 'geometry')
    throw filterError(`'${name}' has no sub-property '${subPath.join('/')}'`);
  switch (definition.kind) {
    case 'id':
      return { type: 'number', sql: column };
    case 'string':
      return { type: 'string', sql: column };
    case 'datetime':
    case 'interval':
      // An interval property compares by its start (the instant most observations have).
      return { type: 'datetime', sql: column };
    case 'json':
      return jsonValue(column, subPath, 'string');
    case 'geometry':
      if (subPath.length) return jsonValue(column, subPath, 'string');
      return {
        type: 'point',
        latitude: columnRef(alias, 'latitude'),
        longitude: columnRef(alias, 'longitude'),
      };
    case 'result': {
      const json = jsonValue(columnRef(alias, 'result_json'), [], 'number');
      return {
        type: 'dynamic',
        preferred: 'number',
        as: (type) => (type === 'number' ? column : json.type === 'dynamic' ? json.as(type) : column),
      };
    }
  }
}

/** Wraps every SQL part of a compiled value (used to lift a value out of a scalar subquery). */
function mapSql(value: Compiled, wrap: (inner: Sql) => Sql): Compiled {
  switch (value.type) {
    case 'null':
    case 'polygon':
      return value;
    case 'interval':
      return { type: 'interval', start: wrap(value.start), end: wrap(value.end) };
    case 'dynamic':
      return { type: 'dynamic', preferred: value.preferred, as: (type) => wrap(value.as(type)) };
    case 'point':
      return { type: 'point', latitude: wrap(value.latitude), longitude: wrap(value.longitude) };
    default:
      return { type: value.type, sql: wrap(value.sql) };
  }
}

interface Hop {
  readonly from: EntityDefinition;
  readonly to: EntityDefinition;
  readonly many: boolean;
  readonly name: string;
}

/** Splits `Datastream/Thing/properties/owner` into relation hops and the property path after them. */
function splitPath(entity: EntityDefinition, segments: readonly string[]) {
  const hops: Hop[] = [];
  let current = entity;
  let index = 0;
  for (; index < segments.length; index += 1) {
    const segment = segments[index] ?? '';
    const relation = current.relations[segment];
    if (!relation) break;
    const target = entities[relation.target];
    hops.push({ from: current, to: target, many: relation.many, name: segment });
    current = target;
  }
  const [property = '', ...subPath] = segments.slice(index);
  const joined = segments.join('/');
  if (!property) throw filterError(`'${joined}' names an entity, not a property`);
  const name = property === '@iot.id' ? 'id' : property;
  const definition = current.properties[name];
  if (!definition) throw filterError(`'${property}' is not a property of ${current.name} (in '${joined}')`);
  return { hops, definition, name, subPath };
}

/**
 * Compiles a property path. Paths through to-one relations become scalar subqueries; a path through a
 * to-many relation registers its joins on the enclosing comparison, which becomes an EXISTS (OData's
 * "any" reading, as FROST does).
 */
export function compilePath(segments: readonly string[], scope: CompileScope): Compiled {
  const { hops, definition, name, subPath } = splitPath(scope.entity, segments);
  if (hops.some((hop) => hop.many)) {
    if (!scope.joins)
      throw filterError(
        `'${segments.join('/')}' goes through a to-many relation; use it inside a comparison`,
      );
    let outer = scope.alias;
    for (const hop of hops) {
      const alias = scope.nextAlias();
      const relation = defined(hop.from.relations[hop.name], hop.name);
      scope.joins.push({ table: hop.to.table, alias, condition: relation.join(outer, alias) });
      outer = alias;
    }
    return propertyValue(definition, outer, subPath, name);
  }
  const aliases = hops.map(() => scope.nextAlias());
  let value = propertyValue(definition, aliases[aliases.length - 1] ?? scope.alias, subPath, name);
  for (let index = hops.length - 1; index >= 0; index -= 1) {
    const hop = defined(hops[index], 'hop');
    const alias = defined(aliases[index], 'alias');
    const outer = index === 0 ? scope.alias : defined(aliases[index - 1], 'alias');
    const condition = defined(hop.from.relations[hop.name], hop.name).join(outer, alias);
    value = mapSql(
      value,
      (inner) =>
        sql`(select ${inner} from ${sql.table(hop.to.table)} as ${sql.ref(alias)} where ${condition})`,
    );
  }
  return value;
}
