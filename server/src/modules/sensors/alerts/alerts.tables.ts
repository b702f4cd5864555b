import type { Generated } from 'kysely';
import type { AlertOperator, AlertSeverity } from './alert-rule.model';
import type { IncidentEventKind, IncidentStatus } from './incident.model';

/** The alert tables, as Kysely sees them (migrations/202611250100_alerts.sql). */
export type AlertTables = {
  'sensors.alert_rules': {
    id: Generated<string>;
    name: string;
    description: string | null;
    operator: AlertOperator;
    datastream_id: number | null;
    observed_property_id: number | null;
    device_type: string | null;
    threshold: number | null;
    clear_threshold: number | null;
    window_minutes: number | null;
    min_duration_seconds: number;
    severity: AlertSeverity;
    active: boolean;
    agency_id: string | null;
    recipients: string;
    is_sample: Generated<boolean>;
    created_at: Generated<Date>;
    updated_at: Generated<Date>;
  };
  'sensors.incidents': {
    id: Generated<string>;
    rule_id: string | null;
    rule_name: string;
    operator: AlertOperator;
    severity: AlertSeverity;
    status: Generated<IncidentStatus>;
    subject_key: string;
    datastream_id: number | null;
    device_id: string | null;
    subject_name: string;
    latitude: number | null;
    longitude: number | null;
    admin_unit_code: string | null;
    agency_id: string | null;
    alert_active: Generated<boolean>;
    raise_count: Generated<number>;
    last_value: string | null;
    opened_at: Generated<Date>;
    acknowledged_at: Date | null;
    resolved_at: Date | null;
    is_sample: Generated<boolean>;
    updated_at: Generated<Date>;
  };
  'sensors.incident_events': {
    id: Generated<number>;
    incident_id: string;
    kind: IncidentEventKind;
    actor_id: string | null;
    actor_label: string;
    note: string | null;
    details: Generated<unknown>;
    occurred_at: Generated<Date>;
  };
};
