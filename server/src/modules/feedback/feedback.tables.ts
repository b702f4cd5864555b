import type { Generated } from 'kysely';
import type { Channel, NotifyChannel, Rating, RejectionReason, ReportStatus } from './report-states';

/** Kysely view of the feedback.* tables; only this module's repos use it. */
export type FeedbackTables = {
  'feedback.categories': {
    code: string;
    name_vi: string;
    name_en: string | null;
    description_vi: string | null;
    description_en: string | null;
    group_code: string;
    keywords: Generated<string>;
    deadline_working_days: number;
    attributes: Generated<unknown>;
    duplicate_radius_metres: Generated<number>;
    active: Generated<boolean>;
    sort_order: Generated<number>;
    created_at: Generated<Date>;
    updated_at: Generated<Date>;
  };
  'feedback.routes': {
    id: Generated<string>;
    category_code: string;
    admin_unit_code: string | null;
    agency_id: string;
    created_at: Generated<Date>;
    updated_at: Generated<Date>;
  };
  'feedback.reports': ReportsTable;
  'feedback.report_history': {
    id: Generated<number>;
    report_id: string;
    occurred_at: Generated<Date>;
    action: string;
    from_status: ReportStatus | null;
    to_status: ReportStatus;
    actor_id: string | null;
    actor_label: string;
    agency_id: string | null;
    note: string | null;
    is_public: Generated<boolean>;
  };
  'feedback.photos': {
    id: Generated<string>;
    report_id: string;
    kind: 'report' | 'fix';
    original_key: string;
    public_key: string;
    content_type: string;
    size_bytes: number;
    width: number | null;
    height: number | null;
    uploaded_by: string | null;
    created_at: Generated<Date>;
  };
  'feedback.followers': {
    report_id: string;
    channel: NotifyChannel;
    address: string;
    locale: Generated<'vi' | 'en'>;
    created_at: Generated<Date>;
  };
  'feedback.citizen_tokens': {
    token_hash: string;
    report_id: string;
    purpose: 'owner' | 'rating';
    expires_at: Date;
    created_at: Generated<Date>;
  };
};

export interface ReportsTable {
  id: Generated<string>;
  tracking_code: string;
  category_code: string | null;
  status: ReportStatus;
  channel: Channel;
  description: string;
  address: string | null;
  latitude: number | null;
  longitude: number | null;
  admin_unit_code: string | null;
  located_at: Date | null;
  agency_id: string | null;
  urgent: Generated<boolean>;
  attributes: Generated<unknown>;
  reporter_name: string | null;
  reporter_phone: string | null;
  reporter_email: string | null;
  reporter_zalo_id: string | null;
  is_anonymous: boolean;
  locale: Generated<'vi' | 'en'>;
  notify_channel: NotifyChannel | null;
  notify_address: string | null;
  consent_version: string | null;
  external_ref: string | null;
  submitted_by: string | null;
  merged_into_id: string | null;
  received_at: Generated<Date>;
  classified_at: Date | null;
  assigned_at: Date | null;
  due_at: Date | null;
  deadline_working_days: number | null;
  reminded_at: Date | null;
  escalated_at: Date | null;
  extension_days: number | null;
  extension_reason: string | null;
  extension_requested_at: Date | null;
  answer: string | null;
  answered_at: Date | null;
  answered_by: string | null;
  review_note: string | null;
  published_at: Date | null;
  closed_at: Date | null;
  status_note: string | null;
  rejection_reason: RejectionReason | null;
  rating: Rating | null;
  rating_comment: string | null;
  rated_at: Date | null;
  reopen_count: Generated<number>;
  follower_count: Generated<number>;
  is_sample: Generated<boolean>;
  updated_at: Generated<Date>;
}
