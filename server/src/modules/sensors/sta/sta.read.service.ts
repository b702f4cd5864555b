import { AppError } from '../../../platform/http/app-error';
import type { Db } from '../../../platform/db/database';
import { sensorsErrors } from '../sensors.errors';
import { entities, type EntityDefinition } from './entities';
import { parseOptions, type ExpandItem, type QueryOptions } from './query-options';
import type { ResourcePath } from './resource-path';
import {
  entityProperties,
  presentDataArray,
  presentEntity,
  presentRef,
  selfLink,
  type StaLinks,
} from './sta.presenter';
import { countRows, selectOne, selectPage, selectRelated, type Row } from './sta.read.repo';
import { defined } from '../defined';

export type ReadResult =
  | { readonly kind: 'json'; readonly body: unknown }
  | { readonly kind: 'text'; readonly body: string }
  | { readonly kind: 'empty' };

function notFound(problem: string): AppError {
  return new AppError(sensorsErrors.ENTITY_NOT_FOUND, { problem }, { problem });
}

function describePath(path: ResourcePath): string {
  return path.segments
    .map((segment, index) => {
      const name = index === 0 ? segment.entity.setName : segment.relation;
      return segment.id === null ? name : `${name}(${segment.id})`;
    })
    .join('/');
}

/** `resource` one page further than `options` reach, with the other options as sent. */
function pageLink(resource: string, rawOptions: ReadonlyMap<string, string>, options: QueryOptions): string {
  const params = [...rawOptions]
    .filter(([key]) => key !== '$top' && key !== '$skip')
    .map(([key, value]) => `${key}=${encodeURIComponent(value)}`);
  params.push(`$top=${options.top}`, `$skip=${options.skip + options.top}`);
  return `${resource}?${params.join('&')}`;
}

/** Reads what a SensorThings path and its query options address, in STA JSON. */
export class StaReader {
  constructor(
    private readonly db: Db,
    private readonly links: StaLinks,
  ) {}

  async read(path: ResourcePath, rawOptions: ReadonlyMap<string, string>): Promise<ReadResult> {
    const target = defined(path.segments[path.segments.length - 1], 'segment');
    const options = parseOptions(rawOptions, target.entity);
    if (path.property) return this.readProperty(path, path.property);
    if (target.single) return this.readSingle(path, target.entity, options);
    return this.readCollection(path, target.entity, options, rawOptions);
  }

  private async readProperty(path: ResourcePath, property: string): Promise<ReadResult> {
    const target = defined(path.segments[path.segments.length - 1], 'segment');
    const row = await selectOne(this.db, path.segments);
    if (!row) throw notFound(describePath(path));
    const value = entityProperties(target.entity, row)[property];
    if (value === null || value === undefined) return { kind: 'empty' };
    if (!path.value) return { kind: 'json', body: { [property]: value } };
    return { kind: 'text', body: typeof value === 'string' ? value : JSON.stringify(value) };
  }

  private async readSingle(
    path: ResourcePath,
    entity: EntityDefinition,
    options: QueryOptions,
  ): Promise<ReadResult> {
    const row = await selectOne(this.db, path.segments);
    if (!row) throw notFound(describePath(path));
    if (path.ref) return { kind: 'json', body: presentRef(this.links, entity, row) };
    const body = presentEntity(this.links, entity, row, options.select);
    await this.expand(entity, [row], [body], options.expand);
    return { kind: 'json', body };
  }

  private async readCollection(
    path: ResourcePath,
    entity: EntityDefinition,
    options: QueryOptions,
    rawOptions: ReadonlyMap<string, string>,
  ): Promise<ReadResult> {
    // Things(9)/Datastreams is a 404 when Thing 9 does not exist, not an empty list.
    if (path.segments.length > 1 && !(await selectOne(this.db, path.segments.slice(0, -1))))
      throw notFound(describePath({ ...path, segments: path.segments.slice(0, -1) }));
    const [page, count] = await Promise.all([
      selectPage(this.db, path.segments, options),
      options.count ? countRows(this.db, path.segments, options) : Promise.resolve(null),
    ]);
    const body: Record<string, unknown> = {};
    if (count !== null) body['@iot.count'] = count;
    if (path.ref) body.value = page.rows.map((row) => presentRef(this.links, entity, row));
    else if (options.resultFormat === 'dataArray')
      body.value = presentDataArray(
        this.links,
        { datastream: entities.Datastream, multiDatastream: entities.MultiDatastream },
        entity,
        page.rows,
        options.select,
      );
    else {
      const items = page.rows.map((row) => presentEntity(this.links, entity, row, options.select));
      await this.expand(entity, page.rows, items, options.expand);
      body.value = items;
    }
    if (page.more) body['@iot.nextLink'] = this.nextLink(path, rawOptions, options);
    return { kind: 'json', body };
  }

  /** The same request one page further: the other options are kept exactly as sent. */
  private nextLink(
    path: ResourcePath,
    rawOptions: ReadonlyMap<string, string>,
    options: QueryOptions,
  ): string {
    const suffix = path.ref ? '/$ref' : '';
    return pageLink(`${this.links.base}/${describePath(path)}${suffix}`, rawOptions, options);
  }

  /** Adds each $expand relation to the presented bodies (one query per relation and level). */
  private async expand(
    entity: EntityDefinition,
    rows: readonly Row[],
    bodies: readonly Record<string, unknown>[],
    items: readonly ExpandItem[],
  ): Promise<void> {
    for (const item of items) {
      const relation = defined(entity.relations[item.relation], item.relation);
      const target = entities[relation.target];
      const ids = rows.map((row) => Number(row.id));
      const related = await selectRelated(this.db, entity, item.relation, target, ids, item.options);
      const presented = related.map((row) => presentEntity(this.links, target, row, item.options.select));
      await this.expand(target, related, presented, item.options.expand);
      const byParent = new Map<number, { rows: Record<string, unknown>[]; total: number }>();
      related.forEach((row, index) => {
        const key = Number(row.__parent);
        const entry = byParent.get(key) ?? { rows: [], total: Number(row.__total) };
        entry.rows.push(defined(presented[index], 'presented row'));
        byParent.set(key, entry);
      });
      rows.forEach((row, index) => {
        const body = defined(bodies[index], 'body');
        const entry = byParent.get(Number(row.id));
        if (!relation.many) {
          if (entry?.rows[0]) body[item.relation] = entry.rows[0];
          return;
        }
        if (item.options.count) body[`${item.relation}@iot.count`] = entry?.total ?? 0;
        body[item.relation] = entry?.rows ?? [];
        // The spec's nextLink inside an expanded collection: the related collection, one page further.
        if (entry && entry.total > item.options.skip + item.options.top)
          body[`${item.relation}@iot.nextLink`] = pageLink(
            `${selfLink(this.links, entity, row.id)}/${item.relation}`,
            item.raw,
            item.options,
          );
      });
    }
  }
}
