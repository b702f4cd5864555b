import type { Kysely } from 'kysely';
import { systemActor } from '../../../platform/audit/audit';
import type { Db } from '../../../platform/db/database';
import type { EventBus } from '../../../platform/events/outbox';
import { alertEventTypes, type AlertClearedEvent, type AlertRaisedEvent } from './alert-events';
import type { AlertNotifier } from './alert-notifier.port';
import type { AlertRule } from './alert-rule.model';
import type { AlertSubject } from './alert-subjects.repo';
import { severityWords } from './alert.templates';
import { IncidentsRepo } from './incidents.repo';

/** The reading behind a raise or a clear. */
export interface AlertReading {
  readonly value: unknown;
  readonly phenomenonTime: Date | null;
}

/**
 * What a raise or a clear does, all in the caller's transaction: the incident (opened, or the raise
 * attached to the unresolved one) and its history, the outbox event, and the messages to the rule's
 * recipients. So either all of it happened, or none and the evaluation is retried.
 */
export class AlertTransitions {
  readonly #incidents: IncidentsRepo;

  constructor(
    db: Db,
    private readonly events: EventBus,
    private readonly notifier: AlertNotifier | undefined,
    private readonly consoleUrl: string,
  ) {
    this.#incidents = new IncidentsRepo(db);
  }

  /** Returns the incident the raise opened or attached to. */
  async raise(
    trx: Kysely<unknown>,
    rule: AlertRule,
    subject: AlertSubject,
    reading: AlertReading,
    now: Date,
  ): Promise<string> {
    const { id, reraised, raiseCount } = await this.#incidents.openOrAttach(
      trx,
      rule,
      subject,
      reading.value,
    );
    await this.#incidents.addStep(trx, id, {
      kind: reraised ? 'raised_again' : 'opened',
      actor: systemActor,
      details: { value: reading.value ?? null, threshold: rule.threshold, operator: rule.operator },
    });
    const payload: AlertRaisedEvent = {
      incidentId: id,
      reraised,
      ruleId: rule.id,
      ruleName: rule.name,
      operator: rule.operator,
      severity: rule.severity,
      threshold: rule.threshold,
      datastreamId: subject.datastreamId,
      deviceId: subject.deviceId,
      subjectName: subject.name,
      observedProperty: subject.observedProperty,
      unit: subject.unit,
      value: reading.value ?? null,
      phenomenonTime: reading.phenomenonTime?.toISOString() ?? null,
      raisedAt: now.toISOString(),
      location: subject.location,
      adminUnitCode: subject.adminUnitCode,
      agencyId: rule.agencyId ?? subject.agencyId,
      isSample: rule.isSample || subject.isSample,
    };
    await this.events.publish(trx, { type: alertEventTypes.raised, payload });
    await this.#notify(trx, rule, payload, raiseCount, now);
    return id;
  }

  async clear(
    trx: Kysely<unknown>,
    rule: AlertRule,
    subject: Pick<AlertSubject, 'datastreamId' | 'deviceId'>,
    incidentId: string | null,
    reading: AlertReading,
    now: Date,
  ): Promise<void> {
    if (incidentId) {
      await this.#incidents.setFields(trx, incidentId, { alert_active: false });
      await this.#incidents.addStep(trx, incidentId, {
        kind: 'alert_cleared',
        actor: systemActor,
        details: { value: reading.value ?? null },
      });
    }
    const payload: AlertClearedEvent = {
      incidentId,
      ruleId: rule.id,
      severity: rule.severity,
      datastreamId: subject.datastreamId,
      deviceId: subject.deviceId,
      value: reading.value ?? null,
      clearedAt: now.toISOString(),
    };
    await this.events.publish(trx, { type: alertEventTypes.cleared, payload });
  }

  async #notify(
    trx: Kysely<unknown>,
    rule: AlertRule,
    alert: AlertRaisedEvent,
    raiseCount: number,
    now: Date,
  ): Promise<void> {
    if (!this.notifier) return;
    for (const recipient of rule.recipients) {
      await this.notifier.send(trx, {
        recipient,
        template: 'sensors.alert.raised',
        params: {
          severity: severityWords[alert.severity][recipient.locale],
          ruleName: alert.ruleName,
          subjectName: alert.subjectName,
          value: formatValue(alert.value),
          unit: alert.unit ?? '',
          threshold: alert.threshold ?? '—',
          time: (alert.phenomenonTime ? new Date(alert.phenomenonTime) : now).toLocaleString(
            recipient.locale === 'vi' ? 'vi-VN' : 'en-GB',
            { timeZone: 'Asia/Ho_Chi_Minh' },
          ),
          incidentUrl: `${this.consoleUrl}/console/sensors/incidents/${alert.incidentId}`,
        },
        topic: `sensors.alert.${alert.severity}`,
        // One message per raise and recipient: the incident's raise count tells raises apart.
        reference: `sensors.alert:${alert.incidentId}:${raiseCount}:${recipient.channel}:${recipient.address}`,
      });
    }
  }
}

function formatValue(value: unknown): string {
  if (value === null || value === undefined) return '—';
  return typeof value === 'string' ? value : JSON.stringify(value);
}
