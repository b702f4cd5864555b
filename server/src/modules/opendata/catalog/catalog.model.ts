/** The catalog's domain types: what the repositories return and the services accept. */

export const datasetStates = ['draft', 'active', 'deleted'] as const;
export type DatasetState = (typeof datasetStates)[number];

/** DCAT / EU "frequency" authority codes accepted for `frequency`. */
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

export interface Resource {
  readonly id: string;
  readonly datasetId: string;
  readonly name: string | null;
  readonly description: string | null;
  /** For uploads the file name only (see resourceUrl in the presenter). */
  readonly url: string;
  readonly urlType: 'upload' | null;
  readonly format: string;
  readonly mimetype: string | null;
  readonly size: number | null;
  readonly hash: string;
  readonly blobKey: string | null;
  readonly position: number;
  readonly state: string;
  /** CKAN-format timestamps (ISO, UTC, no zone, microseconds). */
  readonly created: string;
  readonly lastModified: string | null;
  readonly metadataModified: string;
}

export type ResourceFields = Pick<
  Resource,
  'name' | 'description' | 'url' | 'urlType' | 'format' | 'mimetype' | 'size' | 'hash' | 'blobKey'
>;

export interface Extra {
  readonly key: string;
  readonly value: string;
}

export interface DatasetFields {
  readonly name: string;
  readonly title: string;
  readonly titleEn: string | null;
  readonly notes: string | null;
  readonly notesEn: string | null;
  readonly ownerOrg: string;
  readonly licenseId: string | null;
  readonly private: boolean;
  readonly state: DatasetState;
  readonly author: string | null;
  readonly authorEmail: string | null;
  readonly maintainer: string | null;
  readonly maintainerEmail: string | null;
  readonly url: string | null;
  readonly version: string | null;
  readonly frequency: Frequency | null;
  readonly temporalStart: string | null;
  readonly temporalEnd: string | null;
  readonly spatialCoverage: string | null;
  readonly isSample: boolean;
  readonly tags: readonly string[];
  readonly groupIds: readonly string[];
  readonly extras: readonly Extra[];
}

export interface Dataset extends DatasetFields {
  readonly id: string;
  readonly orgTitle: string;
  readonly creatorUserId: string | null;
  readonly created: string;
  readonly modified: string;
  readonly resources: readonly Resource[];
}

export interface Group {
  readonly id: string;
  readonly name: string;
  readonly title: string;
  readonly titleEn: string | null;
  readonly description: string | null;
  readonly descriptionEn: string | null;
  readonly imageUrl: string | null;
  readonly state: string;
  readonly created: string;
  /** Public, active datasets in the group. */
  readonly packageCount: number;
}

export type GroupFields = Pick<
  Group,
  'name' | 'title' | 'titleEn' | 'description' | 'descriptionEn' | 'imageUrl'
>;

export interface License {
  readonly id: string;
  readonly title: string;
  readonly url: string | null;
  readonly isOpen: boolean;
}
