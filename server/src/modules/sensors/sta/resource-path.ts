import { AppError } from '../../../platform/http/app-error';
import { sensorsErrors } from '../sensors.errors';
import { entities, entitiesBySetName, type EntityDefinition } from './entities';
import { defined } from '../defined';

export interface PathSegment {
  readonly entity: EntityDefinition;
  /** The id in `Things(1)`; null for a collection or a to-one navigation. */
  readonly id: number | null;
  /** The relation followed from the previous segment (null for the entity set). */
  readonly relation: string | null;
  /** True when the segment addresses one entity (an id, or a to-one relation). */
  readonly single: boolean;
}

export interface ResourcePath {
  readonly segments: readonly PathSegment[];
  readonly property: string | null;
  readonly value: boolean;
  readonly ref: boolean;
}

const MAX_ID = 9_223_372_036_854_775_807n;

function error(key: 'PATH_INVALID' | 'ENTITY_NOT_FOUND', problem: string): AppError {
  return new AppError(sensorsErrors[key], { problem }, { problem });
}

/** `Things(1)` → name and id; an id that is not a whole number can name nothing: 404. */
function splitSegment(text: string): { name: string; id: number | null } {
  const match = /^([A-Za-z$@.]+)(?:\((.*)\))?$/.exec(text);
  if (!match) throw error('PATH_INVALID', `cannot read the segment '${text}'`);
  const [, name = '', rawId] = match;
  if (rawId === undefined) return { name, id: null };
  const digits = /^'?(\d{1,19})'?$/.exec(rawId)?.[1];
  if (!digits || BigInt(digits) > MAX_ID || !Number.isSafeInteger(Number(digits)))
    throw error('ENTITY_NOT_FOUND', `${text}`);
  return { name, id: Number(digits) };
}

/**
 * Reads a SensorThings resource path (after /sta/v1.1/): an entity set, optional navigation through
 * relations, then optionally a property (with /$value) or /$ref.
 */
export function parseResourcePath(path: string): ResourcePath {
  const parts = path.split('/').filter((part, index) => part !== '' || index === 0);
  const [first = '', ...rest] = parts.map((part) => {
    try {
      return decodeURIComponent(part);
    } catch {
      throw error('PATH_INVALID', `'${part}' is not correctly percent-encoded`);
    }
  });
  const head = splitSegment(first);
  const entity = entitiesBySetName.get(head.name);
  if (!entity) throw error('ENTITY_NOT_FOUND', `there is no entity set '${head.name}'`);
  const segments: PathSegment[] = [{ entity, id: head.id, relation: null, single: head.id !== null }];
  let property: string | null = null;
  let value = false;
  let ref = false;
  for (const part of rest) {
    const current = defined(segments[segments.length - 1], 'segment');
    if (ref || value) throw error('PATH_INVALID', `nothing may follow ${ref ? '$ref' : '$value'}`);
    if (part === '$ref') {
      if (property) throw error('PATH_INVALID', '$ref follows an entity or a collection, not a property');
      ref = true;
      continue;
    }
    if (part === '$value') {
      if (!property) throw error('PATH_INVALID', '$value follows a property');
      value = true;
      continue;
    }
    if (property) throw error('PATH_INVALID', `'${property}' has no sub-resource '${part}'`);
    const { name, id } = splitSegment(part);
    if (!current.single)
      throw error(
        'PATH_INVALID',
        `'${part}' must follow a single entity, e.g. ${current.entity.setName}(1)/${part}`,
      );
    const relation = current.entity.relations[name];
    if (relation) {
      if (id !== null && !relation.many)
        throw error('PATH_INVALID', `${name} is a single entity; it takes no id`);
      segments.push({
        entity: entities[relation.target],
        id,
        relation: name,
        single: !relation.many || id !== null,
      });
      continue;
    }
    if (id === null && name in current.entity.properties) {
      property = name;
      continue;
    }
    throw error('ENTITY_NOT_FOUND', `${current.entity.name} has no property or relation '${name}'`);
  }
  return { segments, property, value, ref };
}
