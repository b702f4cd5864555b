import type { AgencyRow } from '../../../platform/agencies/agencies.repo';
import type { Dataset, Group, License, Resource } from '../catalog/catalog.model';
import { orgName } from '../catalog/organizations';

/** Everything a package dict shows that is not in the dataset row itself. */
export interface PresentContext {
  readonly baseUrl: string;
  readonly orgs: ReadonlyMap<string, AgencyRow>;
  readonly groups: ReadonlyMap<string, Group>;
  readonly licenses: ReadonlyMap<string, License>;
  /** Resources with a DataStore table (empty when no DataStore is wired). */
  readonly datastoreActive: ReadonlySet<string>;
}

/** A JS Date in CKAN's format (UTC, no zone, microseconds). */
export function ckanTime(date: Date): string {
  return `${date.toISOString().slice(0, 23)}000`;
}

/** Where an uploaded file is downloaded (CKAN's FileStore URL shape). */
export function resourceUrl(
  resource: Pick<Resource, 'id' | 'datasetId' | 'url' | 'urlType'>,
  baseUrl: string,
): string {
  if (resource.urlType !== 'upload') return resource.url;
  return `${baseUrl}/dataset/${resource.datasetId}/resource/${resource.id}/download/${encodeURIComponent(resource.url)}`;
}

export function presentOrganization(agency: AgencyRow, packageCount?: number) {
  return {
    id: agency.id,
    name: orgName(agency),
    title: agency.nameVi,
    display_name: agency.nameVi,
    title_en: agency.nameEn,
    type: 'organization',
    description: agency.note ?? '',
    image_url: '',
    image_display_url: '',
    created: ckanTime(agency.createdAt),
    is_organization: true,
    approval_status: 'approved',
    state: agency.active ? 'active' : 'deleted',
    ...(packageCount !== undefined ? { package_count: packageCount } : {}),
  };
}

export function presentGroup(group: Group, withCount = false) {
  return {
    id: group.id,
    name: group.name,
    title: group.title,
    display_name: group.title,
    title_en: group.titleEn,
    description: group.description ?? '',
    description_en: group.descriptionEn,
    image_url: group.imageUrl ?? '',
    image_display_url: group.imageUrl ?? '',
    created: group.created,
    type: 'group',
    is_organization: false,
    approval_status: 'approved',
    state: group.state,
    ...(withCount ? { package_count: group.packageCount } : {}),
  };
}

export function presentTag(name: string) {
  return { name, display_name: name, state: 'active', vocabulary_id: null };
}

export function presentResource(
  resource: Resource,
  context: Pick<PresentContext, 'baseUrl' | 'datastoreActive'>,
) {
  return {
    id: resource.id,
    package_id: resource.datasetId,
    name: resource.name,
    description: resource.description ?? '',
    url: resourceUrl(resource, context.baseUrl),
    format: resource.format,
    mimetype: resource.mimetype,
    mimetype_inner: null,
    size: resource.size,
    hash: resource.hash,
    created: resource.created,
    last_modified: resource.lastModified,
    metadata_modified: resource.metadataModified,
    position: resource.position,
    resource_type: null,
    url_type: resource.urlType,
    state: resource.state,
    cache_url: null,
    cache_last_updated: null,
    datastore_active: context.datastoreActive.has(resource.id),
  };
}

function packageCore(dataset: Dataset, context: PresentContext) {
  const agency = context.orgs.get(dataset.ownerOrg);
  const license = dataset.licenseId ? context.licenses.get(dataset.licenseId) : undefined;
  return {
    id: dataset.id,
    name: dataset.name,
    title: dataset.title,
    title_en: dataset.titleEn,
    notes: dataset.notes,
    notes_en: dataset.notesEn,
    type: 'dataset',
    state: dataset.state,
    private: dataset.private,
    owner_org: dataset.ownerOrg,
    organization: agency ? presentOrganization(agency) : null,
    license_id: dataset.licenseId,
    license_title: license?.title ?? dataset.licenseId,
    license_url: license?.url ?? null,
    isopen: license?.isOpen ?? false,
    author: dataset.author,
    author_email: dataset.authorEmail,
    maintainer: dataset.maintainer,
    maintainer_email: dataset.maintainerEmail,
    url: dataset.url,
    version: dataset.version,
  };
}

/** citydx's bilingual and DCAT fields, top-level keys as ckanext-scheming would add them. */
function packageExtensions(dataset: Dataset) {
  return {
    frequency: dataset.frequency,
    temporal_start: dataset.temporalStart,
    temporal_end: dataset.temporalEnd,
    spatial_coverage: dataset.spatialCoverage,
    is_sample: dataset.isSample,
    metadata_created: dataset.created,
    metadata_modified: dataset.modified,
    creator_user_id: dataset.creatorUserId,
  };
}

function packageRelations(dataset: Dataset, context: PresentContext) {
  return {
    tags: dataset.tags.map(presentTag),
    groups: dataset.groupIds
      .map((id) => context.groups.get(id))
      .filter((group): group is Group => group !== undefined)
      .map((group) => presentGroup(group)),
    extras: dataset.extras.map((extra) => ({ key: extra.key, value: extra.value })),
    resources: dataset.resources.map((resource) => presentResource(resource, context)),
    num_resources: dataset.resources.length,
    num_tags: dataset.tags.length,
    relationships_as_object: [],
    relationships_as_subject: [],
  };
}

export type PackageDict = ReturnType<typeof presentPackage>;

/** CKAN's package dict (package_show). */
export function presentPackage(dataset: Dataset, context: PresentContext) {
  return {
    ...packageCore(dataset, context),
    ...packageExtensions(dataset),
    ...packageRelations(dataset, context),
  };
}
