import type { AgenciesService } from '../../../platform/agencies/agencies.service';
import type { AgencyRow } from '../../../platform/agencies/agencies.repo';
import type { Principal } from '../../../platform/auth/principal';
import type { PlatformServices } from '../../../platform/module-contract';
import {
  presentPackage,
  presentResource,
  type PackageDict,
  type PresentContext,
} from '../ckan/package.presenter';
import type { CatalogAccess, DatastoreHooks } from '../contracts';
import { canEditOrg, viewerOf } from './catalog.access';
import type { Dataset, Resource } from './catalog.model';
import { DatasetsService } from './datasets.service';
import { GroupsService } from './groups.service';
import { Organizations } from './organizations';
import { PreparedStatements } from './prepared';
import { ResourcesService } from './resources.service';
import { SearchRepo } from './search.repo';

export type CatalogPlatform = Pick<
  PlatformServices,
  'db' | 'database' | 'audit' | 'blobs' | 'agencies' | 'logger' | 'config'
>;

/**
 * The catalog's services wired together, plus what every API over it needs: package dicts with their
 * organisations, groups, licences and DataStore flags, and the CatalogAccess the DataStore relies on.
 */
export class Catalog {
  readonly orgs: Organizations;
  readonly resources: ResourcesService;
  readonly datasets: DatasetsService;
  readonly groups: GroupsService;
  readonly search: SearchRepo;
  readonly agencies: AgenciesService;
  #hooks: DatastoreHooks | undefined;

  constructor(private readonly platform: CatalogPlatform) {
    this.agencies = platform.agencies;
    this.orgs = new Organizations(platform.agencies);
    this.resources = new ResourcesService(
      platform.db,
      platform.audit,
      platform.blobs,
      () => this.#hooks,
      platform.logger,
    );
    const statements = new PreparedStatements(platform.database);
    this.datasets = new DatasetsService(platform.db, platform.audit, this.orgs, this.resources, statements);
    this.groups = new GroupsService(platform.db, platform.audit);
    this.search = new SearchRepo(platform.db, statements);
  }

  /** PUBLIC_URL: help links, upload URLs and DCAT URIs (read lazily: factories get unbound services in setup). */
  get baseUrl(): string {
    return this.platform.config.publicUrl;
  }

  /** The DataStore is created after the catalog (it needs CatalogAccess), then plugged in here. */
  connectDatastore(hooks: DatastoreHooks): void {
    this.#hooks = hooks;
  }

  /**
   * `agencies`: the organisations already listed for this request (package_search lists them once for
   * its facets and its dicts); else they are listed here.
   */
  async presentContext(
    datasets: readonly Dataset[],
    agencies?: ReadonlyMap<string, AgencyRow>,
  ): Promise<PresentContext> {
    const resourceIds = datasets.flatMap((dataset) => dataset.resources.map((resource) => resource.id));
    const anyGroups = datasets.some((dataset) => dataset.groupIds.length > 0);
    const [orgs, groups, licenses, datastoreActive] = await Promise.all([
      agencies ?? this.orgs.byIds(datasets.map((dataset) => dataset.ownerOrg)),
      anyGroups ? this.groups.repo.list() : [],
      this.groups.repo.licenses(),
      this.#hooks && resourceIds.length > 0 ? this.#hooks.activeResourceIds(resourceIds) : new Set<string>(),
    ]);
    return {
      baseUrl: this.baseUrl,
      orgs,
      groups: new Map(groups.map((group) => [group.id, group])),
      licenses: new Map(licenses.map((license) => [license.id, license])),
      datastoreActive,
    };
  }

  async packageDicts(
    datasets: readonly Dataset[],
    agencies?: ReadonlyMap<string, AgencyRow>,
  ): Promise<PackageDict[]> {
    const context = await this.presentContext(datasets, agencies);
    return datasets.map((dataset) => presentPackage(dataset, context));
  }

  async resourceDict(resource: Resource): Promise<ReturnType<typeof presentResource>> {
    const datastoreActive = this.#hooks
      ? await this.#hooks.activeResourceIds([resource.id])
      : new Set<string>();
    return presentResource(resource, { baseUrl: this.baseUrl, datastoreActive });
  }

  /** What the DataStore asks: the same privacy rules as every catalog read. */
  access(): CatalogAccess {
    return {
      readableResource: async (principal: Principal | null, resourceId: string) => {
        const resource = await this.resources.show(viewerOf(principal), resourceId).catch(() => undefined);
        return resource ? { packageId: resource.datasetId, isPrivate: resource.isPrivate } : undefined;
      },
      canEditResource: async (principal: Principal | null, resourceId: string) => {
        const viewer = viewerOf(principal);
        const resource = await this.resources.show(viewer, resourceId).catch(() => undefined);
        return resource !== undefined && canEditOrg(viewer, resource.ownerOrg);
      },
      readableResourceIds: (principal: Principal | null) =>
        this.resources.repo.idsReadableBy(viewerOf(principal)),
    };
  }
}
