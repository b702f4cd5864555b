import type { CkanPackage, Frequency } from '../opendata/opendata.types';
import type { PackageInput } from './publish.api';

/** The dataset form's fields, as text the inputs hold. */
export interface DatasetFormValues {
  readonly title: string;
  readonly name: string;
  readonly titleEn: string;
  readonly notes: string;
  readonly notesEn: string;
  readonly ownerOrg: string;
  readonly licenseId: string;
  readonly tags: readonly string[];
  readonly groups: readonly string[];
  readonly frequency: Frequency | '';
  readonly temporalStart: string;
  readonly temporalEnd: string;
  readonly spatialCoverage: string;
  readonly version: string;
  readonly maintainer: string;
  readonly maintainerEmail: string;
  readonly url: string;
  readonly private: boolean;
}

export type FormField = keyof DatasetFormValues;

/** CKAN's name rule (server: package.input.ts NAME_PATTERN, 2–100 characters). */
export const NAME_PATTERN = /^[a-z0-9_-]{2,100}$/;

/** A URL name from a Vietnamese title: "Dân số Đà Nẵng 2024" → "dan-so-da-nang-2024". */
export function slugify(title: string): string {
  return title
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 100)
    .replace(/-+$/, '');
}

export function emptyValues(ownerOrg = ''): DatasetFormValues {
  return {
    title: '',
    name: '',
    titleEn: '',
    notes: '',
    notesEn: '',
    ownerOrg,
    licenseId: 'cc-by-4.0',
    tags: [],
    groups: [],
    frequency: '',
    temporalStart: '',
    temporalEnd: '',
    spatialCoverage: '',
    version: '',
    maintainer: '',
    maintainerEmail: '',
    url: '',
    private: false,
  };
}

export function valuesOf(dataset: CkanPackage): DatasetFormValues {
  return {
    title: dataset.title,
    name: dataset.name,
    titleEn: dataset.title_en ?? '',
    notes: dataset.notes ?? '',
    notesEn: dataset.notes_en ?? '',
    ownerOrg: dataset.organization?.name ?? dataset.owner_org,
    licenseId: dataset.license_id ?? '',
    tags: dataset.tags.map((tag) => tag.name),
    groups: dataset.groups.map((group) => group.name),
    frequency: dataset.frequency ?? '',
    temporalStart: dataset.temporal_start ?? '',
    temporalEnd: dataset.temporal_end ?? '',
    spatialCoverage: dataset.spatial_coverage ?? '',
    version: dataset.version ?? '',
    maintainer: dataset.maintainer ?? '',
    maintainerEmail: dataset.maintainer_email ?? '',
    url: dataset.url ?? '',
    private: dataset.private,
  };
}

/** The package dict CKAN takes; blank text clears a field (the server stores null). */
export function toPackage(values: DatasetFormValues): PackageInput {
  return {
    title: values.title.trim(),
    name: values.name.trim(),
    title_en: values.titleEn.trim(),
    notes: values.notes.trim(),
    notes_en: values.notesEn.trim(),
    owner_org: values.ownerOrg,
    license_id: values.licenseId,
    tags: values.tags.map((name) => ({ name })),
    groups: values.groups.map((name) => ({ name })),
    frequency: values.frequency,
    temporal_start: values.temporalStart,
    temporal_end: values.temporalEnd,
    spatial_coverage: values.spatialCoverage.trim(),
    version: values.version.trim(),
    maintainer: values.maintainer.trim(),
    maintainer_email: values.maintainerEmail.trim(),
    url: values.url.trim(),
    private: values.private,
  };
}

export type ClientProblem = 'required' | 'name' | 'dates';

/** What the browser can check before asking the server (which checks everything again). */
export function clientProblems(values: DatasetFormValues): Partial<Record<FormField, ClientProblem>> {
  const problems: Partial<Record<FormField, ClientProblem>> = {};
  if (!values.title.trim()) problems.title = 'required';
  if (!values.name.trim()) problems.name = 'required';
  else if (!NAME_PATTERN.test(values.name.trim())) problems.name = 'name';
  if (!values.ownerOrg) problems.ownerOrg = 'required';
  if (values.temporalStart && values.temporalEnd && values.temporalStart > values.temporalEnd)
    problems.temporalEnd = 'dates';
  return problems;
}

/** The CKAN field each form field is sent as, to show the server's messages next to the right input. */
export const ckanFieldOf: Readonly<Record<FormField, string>> = {
  title: 'title',
  name: 'name',
  titleEn: 'title_en',
  notes: 'notes',
  notesEn: 'notes_en',
  ownerOrg: 'owner_org',
  licenseId: 'license_id',
  tags: 'tags',
  groups: 'groups',
  frequency: 'frequency',
  temporalStart: 'temporal_start',
  temporalEnd: 'temporal_end',
  spatialCoverage: 'spatial_coverage',
  version: 'version',
  maintainer: 'maintainer',
  maintainerEmail: 'maintainer_email',
  url: 'url',
  private: 'private',
};
