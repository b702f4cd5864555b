import type { Generated } from 'kysely';

/** Kysely types of the opendata.* catalog tables (see migrations/202611230400_create_catalog.sql). */
export type CatalogTables = {
  'opendata.licenses': { id: string; title: string; url: string | null; is_open: boolean; position: number };
  'opendata.groups': {
    id: Generated<string>;
    name: string;
    title: string;
    title_en: string | null;
    description: string | null;
    description_en: string | null;
    image_url: string | null;
    state: Generated<string>;
    created_at: Generated<Date>;
    modified_at: Generated<Date>;
  };
  'opendata.datasets': {
    id: Generated<string>;
    name: string;
    title: string;
    title_en: string | null;
    notes: string | null;
    notes_en: string | null;
    owner_org: string;
    org_title: string;
    license_id: string | null;
    private: boolean;
    state: string;
    author: string | null;
    author_email: string | null;
    maintainer: string | null;
    maintainer_email: string | null;
    url: string | null;
    version: string | null;
    frequency: string | null;
    temporal_start: string | null;
    temporal_end: string | null;
    spatial_coverage: string | null;
    is_sample: boolean;
    creator_user_id: string | null;
    tags_text: Generated<string>;
    resources_text: Generated<string>;
    tag_names: Generated<string[]>;
    res_formats: Generated<string[]>;
    group_ids: Generated<string[]>;
    created_at: Generated<Date>;
    modified_at: Generated<Date>;
  };
  'opendata.tags': { id: Generated<string>; name: string };
  'opendata.dataset_tags': { dataset_id: string; tag_id: string };
  'opendata.dataset_groups': { dataset_id: string; group_id: string };
  'opendata.dataset_extras': { dataset_id: string; key: string; value: string };
  'opendata.resources': {
    id: Generated<string>;
    dataset_id: string;
    name: string | null;
    description: string | null;
    url: string;
    url_type: string | null;
    format: string;
    mimetype: string | null;
    size: number | null;
    hash: string;
    blob_key: string | null;
    position: number;
    state: Generated<string>;
    created_at: Generated<Date>;
    last_modified: Date | null;
    modified_at: Generated<Date>;
  };
  'opendata.usage_counters': { day: string; metric: string; subject: string; count: number };
};

/** CKAN's timestamp format: ISO 8601 in UTC without a zone, with microseconds. */
export const CKAN_TIME_FORMAT = 'YYYY-MM-DD"T"HH24:MI:SS.US';
