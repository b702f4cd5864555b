import type { Actor, AuditLog } from '../../../platform/audit/audit';
import type { Db } from '../../../platform/db/database';
import { AppError } from '../../../platform/http/app-error';
import { sensorsErrors } from '../sensors.errors';
import { entities, type EntityDefinition } from './entities';
import { createObservations } from './create-observations';
import { invalid, isObject } from './entity-input';
import type { ResourcePath } from './resource-path';
import { createEntity, type Context } from './sta.create';
import { selfLink, type StaLinks } from './sta.presenter';
import { deleteEntity, patchEntity } from './sta.update';
import { rowExists } from './sta.write.repo';

function notAllowed(problem: string): AppError {
  return new AppError(sensorsErrors.METHOD_NOT_ALLOWED, { problem }, { problem });
}

function notFound(problem: string): AppError {
  return new AppError(sensorsErrors.ENTITY_NOT_FOUND, { problem }, { problem });
}

/** The single entity a PATCH or DELETE addresses: only `Set(id)`. */
function singleTarget(path: ResourcePath, method: string): { entity: EntityDefinition; id: number } {
  const [segment] = path.segments;
  if (path.segments.length !== 1 || !segment || segment.id === null || path.property || path.ref)
    throw notAllowed(`${method} addresses one entity, e.g. /Things(1)`);
  return { entity: segment.entity, id: segment.id };
}

/**
 * Creates, updates and deletes SensorThings entities, each request in one transaction. Changes to the
 * registry (not observations: their volume would drown the log) are audited.
 */
export class StaWriter {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditLog,
    private readonly links: StaLinks,
  ) {}

  /** POST to an entity set, or to a navigation collection (Things(1)/Datastreams) which links the parent. */
  async create(
    path: ResourcePath,
    body: unknown,
    actor: Actor,
  ): Promise<{ entity: EntityDefinition; id: number }> {
    const [first, second, ...rest] = path.segments;
    if (!first || rest.length || path.property || path.ref || (second ?? first).id !== null)
      throw notAllowed(
        'POST goes to an entity set (/Things) or a related collection (/Things(1)/Datastreams)',
      );
    const target = second ?? first;
    const parentId = first.id;
    if (second && !first.entity.relations[second.relation ?? '']?.many)
      throw notAllowed(`${second.relation} is a single entity; POST to its entity set instead`);
    if (!isObject(body)) throw invalid('the body must be a JSON object');
    return this.db.transaction().execute(async (trx) => {
      const context: Context = {};
      if (second && parentId !== null) {
        if (!(await rowExists(trx, first.entity.table, parentId)))
          throw notFound(`${first.entity.setName}(${parentId})`);
        context[first.entity.name] = parentId;
      }
      const id = await createEntity(trx, target.entity.name, body, context);
      if (target.entity.name !== 'Observation')
        await this.audit.record(trx, actor, {
          action: `sensors.${target.entity.name}.create`,
          targetType: `sensors.${target.entity.name}`,
          targetId: String(id),
        });
      return { entity: target.entity, id };
    });
  }

  async patch(
    path: ResourcePath,
    body: unknown,
    actor: Actor,
  ): Promise<{ entity: EntityDefinition; id: number }> {
    const { entity, id } = singleTarget(path, 'PATCH');
    if (!isObject(body)) throw invalid('the body must be a JSON object');
    await this.db.transaction().execute(async (trx) => {
      await patchEntity(trx, entity.name, id, body);
      if (entity.name !== 'Observation')
        await this.audit.record(trx, actor, {
          action: `sensors.${entity.name}.update`,
          targetType: `sensors.${entity.name}`,
          targetId: String(id),
          summary: { changed: Object.keys(body) },
        });
    });
    return { entity, id };
  }

  async remove(path: ResourcePath, actor: Actor): Promise<void> {
    const { entity, id } = singleTarget(path, 'DELETE');
    await this.db.transaction().execute(async (trx) => {
      await deleteEntity(trx, entity.name, id);
      if (entity.name !== 'Observation')
        await this.audit.record(trx, actor, {
          action: `sensors.${entity.name}.delete`,
          targetType: `sensors.${entity.name}`,
          targetId: String(id),
        });
    });
  }

  createObservations(body: unknown): Promise<string[]> {
    return createObservations(this.db, body, (id) => selfLink(this.links, entities.Observation, id));
  }
}
