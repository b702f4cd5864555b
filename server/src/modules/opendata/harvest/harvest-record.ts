import crypto from 'node:crypto';

/** One resource of a source dataset, mirrored as a link to the source's URL (no file is copied). */
export interface HarvestResource {
  readonly name: string | null;
  readonly description: string | null;
  readonly url: string;
  readonly format: string;
  readonly mimetype: string | null;
}

/**
 * A dataset as read from a source, whatever its format (CKAN package dict or DCAT graph): the
 * readers produce it, the mirror turns it into a catalog dataset, its hash says whether it changed.
 */
export interface HarvestRecord {
  /** The source's id of the dataset (CKAN id, or the DCAT identifier / IRI). */
  readonly remoteId: string;
  /** Where a person sees it on the source (the `harvest_url` extra). */
  readonly remoteUrl: string | null;
  /** A name to use locally when free (CKAN name, or a slug of the title). */
  readonly name: string;
  readonly title: string;
  readonly titleEn: string | null;
  readonly notes: string | null;
  readonly notesEn: string | null;
  readonly licenseId: string | null;
  readonly licenseUrl: string | null;
  readonly tags: readonly string[];
  readonly groups: readonly string[];
  readonly url: string | null;
  readonly version: string | null;
  readonly author: string | null;
  readonly authorEmail: string | null;
  readonly maintainer: string | null;
  readonly maintainerEmail: string | null;
  readonly frequency: string | null;
  readonly temporalStart: string | null;
  readonly temporalEnd: string | null;
  readonly spatialCoverage: string | null;
  readonly extras: readonly { readonly key: string; readonly value: string }[];
  readonly resources: readonly HarvestResource[];
}

/** SHA-256 of what would be written: the record and the settings of the source that shape it. */
export function recordHash(record: HarvestRecord, shapedBy: Record<string, unknown>): string {
  return crypto
    .createHash('sha256')
    .update(JSON.stringify([record, shapedBy]))
    .digest('hex');
}

/** A CKAN dataset name from any text: diacritics folded (đ → d), lower case, `-` between words. */
export function slugify(text: string, maxLength = 90): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, maxLength)
    .replace(/-+$/g, '');
}

/** Text or null: blank strings and non-strings count as absent. */
export function textOrNull(value: unknown): string | null {
  if (typeof value === 'number') return String(value);
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}
