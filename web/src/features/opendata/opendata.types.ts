/** The shapes of CKAN's Action API v3 and of /api/v1/opendata, as the portal reads them. */

export const frequencies = [
  'CONT',
  'DAILY',
  'WEEKLY',
  'MONTHLY',
  'QUARTERLY',
  'BIANNUAL',
  'ANNUAL',
  'BIENNIAL',
  'IRREG',
  'NEVER',
  'UNKNOWN',
] as const;
export type Frequency = (typeof frequencies)[number];

export type DatasetState = 'draft' | 'active' | 'deleted';

export interface CkanOrganization {
  readonly id: string;
  readonly name: string;
  readonly title: string;
  readonly title_en?: string | null;
  readonly description: string;
  readonly package_count?: number;
}

export interface CkanGroup {
  readonly id: string;
  readonly name: string;
  readonly title: string;
  readonly title_en?: string | null;
  readonly description: string;
  readonly description_en?: string | null;
  readonly package_count?: number;
}

export interface CkanTag {
  readonly name: string;
  readonly display_name: string;
}

export interface CkanResource {
  readonly id: string;
  readonly package_id: string;
  readonly name: string | null;
  readonly description: string;
  readonly url: string;
  readonly format: string;
  readonly mimetype: string | null;
  readonly size: number | null;
  readonly created: string;
  readonly last_modified: string | null;
  readonly url_type: 'upload' | null;
  readonly datastore_active: boolean;
}

export interface CkanPackage {
  readonly id: string;
  readonly name: string;
  readonly title: string;
  readonly title_en: string | null;
  readonly notes: string | null;
  readonly notes_en: string | null;
  readonly state: DatasetState;
  readonly private: boolean;
  readonly owner_org: string;
  readonly organization: CkanOrganization | null;
  readonly license_id: string | null;
  readonly license_title: string | null;
  readonly license_url: string | null;
  readonly author: string | null;
  readonly author_email: string | null;
  readonly maintainer: string | null;
  readonly maintainer_email: string | null;
  readonly url: string | null;
  readonly version: string | null;
  readonly frequency: Frequency | null;
  readonly temporal_start: string | null;
  readonly temporal_end: string | null;
  readonly spatial_coverage: string | null;
  readonly is_sample: boolean;
  readonly metadata_created: string;
  readonly metadata_modified: string;
  readonly tags: readonly CkanTag[];
  readonly groups: readonly CkanGroup[];
  readonly resources: readonly CkanResource[];
  readonly num_resources: number;
}

export interface CkanLicense {
  readonly id: string;
  readonly title: string;
  readonly url: string;
}

export const facetFields = ['organization', 'groups', 'tags', 'res_format', 'license_id'] as const;
export type FacetField = (typeof facetFields)[number];

export interface FacetItem {
  readonly name: string;
  readonly display_name: string;
  readonly count: number;
}

export interface PackageSearchResult {
  readonly count: number;
  readonly results: readonly CkanPackage[];
  readonly search_facets: Partial<Record<FacetField, { readonly items: readonly FacetItem[] }>>;
}

export interface OpendataStats {
  readonly datasets: number;
  readonly organisations: number;
  readonly groups: number;
  readonly resources: number;
  readonly downloads: number;
  readonly apiCalls: number;
  readonly daily: readonly { readonly day: string; readonly apiCalls: number; readonly downloads: number }[];
}

export interface Suggestion {
  readonly name: string;
  readonly title: string;
}

export interface HistoryEntry {
  readonly occurredAt: string;
  readonly action: string;
  readonly actor: string | null;
  readonly summary: Readonly<Record<string, unknown>>;
}
