import { slugify, textOrNull, type HarvestRecord, type HarvestResource } from './harvest-record';

type Dict = Record<string, unknown>;

function list(value: unknown): Dict[] {
  return Array.isArray(value)
    ? value.filter((item): item is Dict => typeof item === 'object' && item !== null)
    : [];
}

function names(value: unknown): string[] {
  return list(value)
    .map((item) => textOrNull(item.name))
    .filter((name): name is string => name !== null);
}

function resourceOf(dict: Dict): HarvestResource | undefined {
  const url = textOrNull(dict.url);
  if (!url) return undefined;
  return {
    name: textOrNull(dict.name),
    description: textOrNull(dict.description),
    url,
    format: textOrNull(dict.format) ?? '',
    mimetype: textOrNull(dict.mimetype),
  };
}

/** Keys the harvester writes itself: a source's own harvest extras (a harvested mirror) are not copied. */
function isOwnExtra(key: string): boolean {
  return key.startsWith('harvest_');
}

/** A CKAN package dict (package_search / package_show) as a harvest record; citydx's fields included. */
export function ckanRecord(pkg: Dict, portalUrl: string): HarvestRecord {
  const id = textOrNull(pkg.id);
  if (!id) throw new Error('the package dict has no id');
  const name = textOrNull(pkg.name) ?? slugify(textOrNull(pkg.title) ?? id);
  return {
    remoteId: id,
    remoteUrl: `${portalUrl}/dataset/${encodeURIComponent(name)}`,
    name,
    title: textOrNull(pkg.title) ?? name,
    titleEn: textOrNull(pkg.title_en),
    notes: textOrNull(pkg.notes),
    notesEn: textOrNull(pkg.notes_en),
    licenseId: textOrNull(pkg.license_id),
    licenseUrl: textOrNull(pkg.license_url),
    tags: names(pkg.tags).sort(),
    groups: names(pkg.groups).sort(),
    url: textOrNull(pkg.url),
    version: textOrNull(pkg.version),
    author: textOrNull(pkg.author),
    authorEmail: textOrNull(pkg.author_email),
    maintainer: textOrNull(pkg.maintainer),
    maintainerEmail: textOrNull(pkg.maintainer_email),
    frequency: textOrNull(pkg.frequency),
    temporalStart: textOrNull(pkg.temporal_start),
    temporalEnd: textOrNull(pkg.temporal_end),
    spatialCoverage: textOrNull(pkg.spatial_coverage),
    extras: list(pkg.extras)
      .map((extra) => ({ key: textOrNull(extra.key) ?? '', value: String(extra.value ?? '') }))
      .filter((extra) => extra.key !== '' && !isOwnExtra(extra.key)),
    resources: list(pkg.resources)
      .map(resourceOf)
      .filter((resource): resource is HarvestResource => resource !== undefined),
  };
}

/** Private, draft or deleted on the source: never mirrored (an anonymous caller should not even see it). */
export function isPublicActive(pkg: Dict): boolean {
  return pkg.private !== true && (pkg.state === undefined || pkg.state === 'active');
}
