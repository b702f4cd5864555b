import type { Actor } from '../../../platform/audit/audit';
import type { Catalog } from '../catalog/catalog';
import { frequencies, type DatasetState, type Resource } from '../catalog/catalog.model';
import { harvestExtraKeys, harvestViewer } from '../catalog/harvest-lock';
import { ValidationErrors } from '../ckan/ckan-params';
import { NAME_PATTERN, parsePackage, type PackageInput } from '../ckan/package.input';
import { slugify, type HarvestRecord, type HarvestResource } from './harvest-record';

/** What a mirrored dataset is written with: the source's name, id, URL and target organisation. */
export interface MirrorTarget {
  readonly sourceId: string;
  readonly sourceName: string;
  readonly ownerOrg: string;
}

/** This catalog's licences and groups, read once per run to map the source's onto them. */
export interface MirrorVocabulary {
  readonly licenseIds: readonly string[];
  readonly licenseByUrl: ReadonlyMap<string, string>;
  readonly groupNames: ReadonlySet<string>;
}

const TAG_PATTERN = /^[\p{L}\p{N}\p{M} ._-]+$/u;
const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** CKAN's munge_tag: characters a tag may not hold become `-`; too short or long tags are dropped. */
function mungeTags(tags: readonly string[]): { name: string }[] {
  const munged = tags
    .map((tag) =>
      tag
        .replace(/[^\p{L}\p{N}\p{M} ._-]+/gu, '-')
        .trim()
        .slice(0, 100),
    )
    .filter((tag) => tag.length >= 2 && TAG_PATTERN.test(tag));
  return [...new Set(munged)].map((name) => ({ name }));
}

function licenseOf(record: HarvestRecord, vocabulary: MirrorVocabulary): string | null {
  if (record.licenseId && vocabulary.licenseIds.includes(record.licenseId)) return record.licenseId;
  const byUrl = record.licenseUrl
    ? vocabulary.licenseByUrl.get(record.licenseUrl.replace(/\/+$/, ''))
    : undefined;
  return byUrl ?? null;
}

function validDate(value: string | null): string | null {
  return value && DATE_PATTERN.test(value) ? value : null;
}

function extrasOf(record: HarvestRecord, target: MirrorTarget): { key: string; value: string }[] {
  const own = [
    { key: harvestExtraKeys.source, value: target.sourceName },
    { key: harvestExtraKeys.sourceId, value: target.sourceId },
    { key: harvestExtraKeys.originalId, value: record.remoteId },
    ...(record.remoteUrl ? [{ key: harvestExtraKeys.url, value: record.remoteUrl }] : []),
  ];
  const taken = new Set<string>(own.map((extra) => extra.key));
  const theirs = record.extras.filter((extra) => {
    if (taken.has(extra.key)) return false;
    taken.add(extra.key);
    return true;
  });
  return [...theirs, ...own];
}

/** The record as CKAN package_create/update parameters: the catalog validates it as any caller's. */
function packageParams(record: HarvestRecord, target: MirrorTarget, vocabulary: MirrorVocabulary) {
  const frequency = record.frequency?.toUpperCase() ?? null;
  return {
    title: record.title,
    title_en: record.titleEn ?? '',
    notes: record.notes ?? '',
    notes_en: record.notesEn ?? '',
    license_id: licenseOf(record, vocabulary) ?? '',
    tags: mungeTags(record.tags),
    url: record.url ?? '',
    version: record.version ?? '',
    author: record.author ?? '',
    author_email: record.authorEmail ?? '',
    maintainer: record.maintainer ?? '',
    maintainer_email: record.maintainerEmail ?? '',
    frequency: frequency && (frequencies as readonly string[]).includes(frequency) ? frequency : '',
    temporal_start: validDate(record.temporalStart) ?? '',
    temporal_end: validDate(record.temporalEnd) ?? '',
    spatial_coverage: record.spatialCoverage ?? '',
    private: false,
    state: 'active',
    extras: extrasOf(record, target),
    owner_org: target.ownerOrg,
    groups: record.groups.filter((name) => vocabulary.groupNames.has(name)).map((name) => ({ name })),
  };
}

function resourceDict(resource: HarvestResource, id?: string): Record<string, unknown> {
  return {
    ...(id ? { id } : {}),
    name: resource.name ?? '',
    description: resource.description ?? '',
    url: resource.url,
    format: resource.format,
    mimetype: resource.mimetype ?? '',
  };
}

/** Keeps local resource ids stable across runs: the same URL, else the same position, is the same resource. */
function matchResources(
  remote: readonly HarvestResource[],
  local: readonly Resource[],
): Record<string, unknown>[] {
  const free = [...local];
  const byUrl = remote.map((resource) => {
    const index = free.findIndex((candidate) => candidate.url === resource.url);
    return index < 0 ? undefined : free.splice(index, 1)[0];
  });
  return remote.map((resource, index) => resourceDict(resource, (byUrl[index] ?? free.shift())?.id));
}

/**
 * Writes mirrored datasets through the catalog's own services (validation, audit, search text), as
 * the harvester: the one viewer allowed to change harvested datasets.
 */
export class CatalogMirror {
  constructor(private readonly catalog: Catalog) {}

  async vocabulary(): Promise<MirrorVocabulary> {
    const [licenses, groups] = await Promise.all([
      this.catalog.groups.repo.licenses(),
      this.catalog.groups.repo.list(),
    ]);
    return {
      licenseIds: licenses.map((license) => license.id),
      licenseByUrl: new Map(
        licenses
          .filter((license) => license.url)
          .map((license) => [String(license.url).replace(/\/+$/, ''), license.id]),
      ),
      groupNames: new Set(groups.map((group) => group.name)),
    };
  }

  async state(datasetId: string): Promise<DatasetState | undefined> {
    return (await this.catalog.datasets.repo.findHead(datasetId))?.state;
  }

  async create(
    record: HarvestRecord,
    target: MirrorTarget,
    vocabulary: MirrorVocabulary,
    actor: Actor,
  ): Promise<string> {
    const name = await this.#freeName(record.name, target.sourceName);
    const input = this.#input({ ...packageParams(record, target, vocabulary), name }, vocabulary);
    const resources = record.resources.map((resource) => resourceDict(resource));
    const created = await this.catalog.datasets.create(harvestViewer, actor, { ...input, resources });
    return created.id;
  }

  async update(
    datasetId: string,
    record: HarvestRecord,
    target: MirrorTarget,
    vocabulary: MirrorVocabulary,
    actor: Actor,
  ): Promise<void> {
    const current = await this.catalog.datasets.show(harvestViewer, datasetId);
    const input = this.#input(packageParams(record, target, vocabulary), vocabulary);
    const resources = matchResources(record.resources, current.resources);
    await this.catalog.datasets.update(harvestViewer, actor, datasetId, { ...input, resources }, 'update');
  }

  /** Marks the mirror deleted; false when it already was. */
  async delete(datasetId: string, actor: Actor): Promise<boolean> {
    const state = await this.state(datasetId);
    if (state === undefined || state === 'deleted') return false;
    await this.catalog.datasets.delete(harvestViewer, actor, datasetId);
    return true;
  }

  #input(params: Record<string, unknown>, vocabulary: MirrorVocabulary): PackageInput {
    const errors = new ValidationErrors();
    const input = parsePackage(params, vocabulary.licenseIds, errors);
    errors.throwIfAny();
    return input;
  }

  /** The source's name when free here, else suffixed with the harvest source's name, then a number. */
  async #freeName(wanted: string, sourceName: string): Promise<string> {
    const base = (NAME_PATTERN.test(wanted) ? wanted : slugify(wanted)).slice(0, 90) || 'dataset';
    const padded = base.length >= 2 ? base : `${base}-dataset`;
    const candidates = [padded, `${padded}-${sourceName}`.slice(0, 100)];
    for (let n = 2; n < 50; n += 1) candidates.push(`${padded.slice(0, 80)}-${sourceName.slice(0, 12)}-${n}`);
    for (const candidate of candidates.map((name) => name.replace(/-+$/, '')))
      if (!(await this.catalog.datasets.repo.findHead(candidate))) return candidate;
    throw new Error(`no free dataset name for "${wanted}"`);
  }
}
