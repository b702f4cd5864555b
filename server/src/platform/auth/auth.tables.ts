import type { Generated } from 'kysely';
import type { Role } from './roles';

/** Kysely shapes of the kernel's account tables (see migrations/202611230100_create_platform_schema.sql). */
export type AuthTables = {
  'platform.users': {
    id: Generated<string>;
    email: string;
    display_name: string;
    password_hash: string | null;
    locale: 'vi' | 'en';
    active: Generated<boolean>;
    failed_login_count: Generated<number>;
    locked_until: Date | null;
    password_changed_at: Date | null;
    last_login_at: Date | null;
    created_at: Generated<Date>;
    updated_at: Generated<Date>;
  };
  'platform.role_assignments': {
    id: Generated<string>;
    user_id: string;
    role: Role;
    agency_id: string | null;
    created_at: Generated<Date>;
  };
  'platform.sessions': {
    id_hash: string;
    user_id: string;
    csrf_token: string;
    created_at: Generated<Date>;
    last_seen_at: Generated<Date>;
    expires_at: Date;
    ip: string | null;
    user_agent: string | null;
  };
  'platform.api_tokens': {
    id: Generated<string>;
    user_id: string;
    name: string;
    token_hash: string;
    token_prefix: string;
    expires_at: Date | null;
    revoked_at: Date | null;
    last_used_at: Date | null;
    created_at: Generated<Date>;
  };
};
