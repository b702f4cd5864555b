import type { Principal } from '../../../../platform/auth/principal';
import { CkanError } from '../../ckan/ckan-action';
import type { CatalogAccess } from '../../contracts';
import type { TableMeta, TablesRepo } from '../schema/tables.repo';

/**
 * Access checks every DataStore action makes, asking the catalog each time (a dataset made private a
 * second ago is private now). A resource the caller may not see and one without a table get the same
 * answer, so the API does not reveal that a private resource exists.
 */
export class DatastoreGuards {
  constructor(
    private readonly access: CatalogAccess,
    private readonly tables: TablesRepo,
  ) {}

  notFound(resourceId: string): CkanError {
    return CkanError.notFound(`Resource "${resourceId}" was not found.`);
  }

  /** The table of a resource the caller may read. */
  async readable(principal: Principal | null, resourceId: string): Promise<TableMeta> {
    const resource = await this.access.readableResource(principal, resourceId);
    const meta = resource ? await this.tables.get(resourceId) : undefined;
    if (!meta) throw this.notFound(resourceId);
    return meta;
  }

  /** Writes need the caller to be an editor of the resource's dataset. */
  async editable(principal: Principal | null, resourceId: string): Promise<void> {
    if (await this.access.canEditResource(principal, resourceId)) return;
    const who = principal ? principal.email : 'Anonymous';
    throw CkanError.denied(`User ${who} not authorized to update resource ${resourceId}`);
  }

  /** The table of a resource the caller may change. */
  async editableTable(principal: Principal | null, resourceId: string): Promise<TableMeta> {
    await this.editable(principal, resourceId);
    const meta = await this.tables.get(resourceId);
    if (!meta) throw this.notFound(resourceId);
    return meta;
  }
}

/**
 * A table loaded from a file is replaced by the next load of that file, so edits made through the API
 * would be lost: CKAN refuses them unless the caller passes `force` (as with xloader's tables).
 */
export function guardReadOnly(meta: TableMeta, force: boolean): void {
  if (meta.origin !== 'load' || force) return;
  throw CkanError.invalid({
    'read-only': [
      'Cannot edit read-only resource because changes made may be lost. Use force=True to ignore this warning.',
    ],
  });
}
