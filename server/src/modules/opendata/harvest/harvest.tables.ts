import type { Generated } from 'kysely';

/** Kysely types of the harvest tables (see migrations/202611230440_create_harvest.sql). */
export type HarvestTables = {
  'opendata.harvest_sources': {
    id: Generated<string>;
    name: string;
    title: Generated<string>;
    source_type: 'ckan' | 'dcat';
    url: string;
    owner_org: string;
    source_organization: string | null;
    interval_minutes: Generated<number>;
    active: Generated<boolean>;
    next_run_at: Generated<Date>;
    locked_until: Date | null;
    created_by: string | null;
    created_at: Generated<Date>;
    updated_at: Generated<Date>;
  };
  'opendata.harvest_runs': {
    id: Generated<string>;
    source_id: string;
    trigger: 'schedule' | 'manual';
    status: Generated<RunStatus>;
    started_at: Generated<Date>;
    finished_at: Date | null;
    created: Generated<number>;
    updated: Generated<number>;
    deleted: Generated<number>;
    unchanged: Generated<number>;
    failed: Generated<number>;
    error: string | null;
    errors: Generated<string>;
  };
  'opendata.harvest_objects': {
    source_id: string;
    remote_id: string;
    dataset_id: string;
    content_hash: string | null;
    remote_url: string | null;
    harvested_at: Generated<Date>;
  };
};

export const runStatuses = ['running', 'succeeded', 'partial', 'failed'] as const;
export type RunStatus = (typeof runStatuses)[number];
export const sourceTypes = ['ckan', 'dcat'] as const;
export type SourceType = (typeof sourceTypes)[number];
