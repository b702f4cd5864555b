import type { Principal } from '../../platform/auth/principal';

/**
 * The seam between the catalog (datasets, resources) and the DataStore (tabular data loaded from
 * resources). Each side implements one interface and receives the other in opendata.module.ts.
 */

/** What the DataStore asks the catalog: may this caller read / write this resource's data? */
export interface CatalogAccess {
  /** The resource's dataset, or undefined when the resource does not exist or the caller may not see it. */
  readableResource(
    principal: Principal | null,
    resourceId: string,
  ): Promise<{ packageId: string; isPrivate: boolean } | undefined>;
  /** True when the caller may change the dataset that owns the resource (editor of its organisation). */
  canEditResource(principal: Principal | null, resourceId: string): Promise<boolean>;
  /** Ids of resources whose data the caller may read (for datastore_search_sql and _table_metadata). */
  readableResourceIds(principal: Principal | null): Promise<Set<string>>;
}

/** What the catalog asks the DataStore. */
export interface DatastoreHooks {
  /** A tabular file was stored for a resource: load it into the DataStore in the background. */
  resourceFileStored(resource: {
    id: string;
    blobKey: string;
    format: string;
    mimeType: string;
  }): Promise<void>;
  /** Which of these resources have a DataStore table (`datastore_active` in resource dicts). */
  activeResourceIds(resourceIds: readonly string[]): Promise<Set<string>>;
  /** The resource was deleted: drop its table. */
  resourceDeleted(resourceId: string): Promise<void>;
}
