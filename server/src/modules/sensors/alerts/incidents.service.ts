import type { Kysely } from 'kysely';
import type { Actor, AuditLog } from '../../../platform/audit/audit';
import type { Db } from '../../../platform/db/database';
import type { EventBus } from '../../../platform/events/outbox';
import { AppError } from '../../../platform/http/app-error';
import { alertEventTypes, type IncidentUpdatedEvent } from './alert-events';
import { alertsErrors } from './alerts.errors';
import {
  canApply,
  type Incident,
  type IncidentAction,
  type IncidentEvent,
  type IncidentStatus,
} from './incident.model';
import { IncidentsRepo, type IncidentQuery } from './incidents.repo';

/** How the incidents reach the kernel's agencies (AgenciesService fits). */
export interface AgencyDirectory {
  get(id: string): Promise<unknown>;
}

const pastTense: Record<IncidentAction, IncidentUpdatedEvent['action']> = {
  acknowledge: 'acknowledged',
  assign: 'assigned',
  comment: 'commented',
  resolve: 'resolved',
};

/**
 * What operators do with incidents: acknowledge, assign to an agency, comment, resolve. Each step is
 * one transaction that checks the status under a row lock, writes the history and the audit log, and
 * publishes `sensors.incident.updated` (the live feed carries it to every wall).
 */
export class IncidentsService {
  readonly #repo: IncidentsRepo;

  constructor(
    private readonly db: Db,
    private readonly audit: AuditLog,
    private readonly agencies: AgencyDirectory,
    private readonly events: Pick<EventBus, 'publish'>,
  ) {
    this.#repo = new IncidentsRepo(db);
  }

  list(query: IncidentQuery): Promise<{ items: Incident[]; total: number }> {
    return this.#repo.list(query);
  }

  mapped(query: Omit<IncidentQuery, 'limit' | 'offset' | 'status'>, limit: number): Promise<Incident[]> {
    return this.#repo.mapped(query, limit);
  }

  async get(id: string): Promise<{ incident: Incident; history: IncidentEvent[] }> {
    const incident = await this.#repo.findById(id);
    if (!incident) throw new AppError(alertsErrors.INCIDENT_NOT_FOUND);
    return { incident, history: await this.#repo.history(id) };
  }

  acknowledge(id: string, note: string | null, actor: Actor) {
    return this.#step(id, 'acknowledge', actor, note, async (trx, at) => {
      await this.#repo.setFields(trx, id, { status: 'acknowledged', acknowledged_at: at });
      return 'acknowledged';
    });
  }

  async assign(id: string, agencyId: string, note: string | null, actor: Actor) {
    // Outside the transaction: on PGlite's one connection the kernel's read would wait for it.
    await this.agencies.get(agencyId).catch((error: unknown) => {
      throw error instanceof AppError ? new AppError(alertsErrors.INCIDENT_AGENCY_NOT_FOUND) : error;
    });
    return this.#step(
      id,
      'assign',
      actor,
      note,
      async (trx, _at, status) => {
        await this.#repo.setFields(trx, id, { agency_id: agencyId });
        return status;
      },
      { agencyId },
    );
  }

  comment(id: string, text: string, actor: Actor) {
    return this.#step(id, 'comment', actor, text, async (_trx, _at, status) => status);
  }

  resolve(id: string, note: string | null, actor: Actor) {
    return this.#step(id, 'resolve', actor, note, async (trx, at) => {
      await this.#repo.setFields(trx, id, { status: 'resolved', resolved_at: at });
      return 'resolved';
    });
  }

  async #step(
    id: string,
    action: IncidentAction,
    actor: Actor,
    note: string | null,
    /** Writes the step's change and returns the status it leaves the incident in. */
    change: (trx: Kysely<unknown>, at: Date, status: IncidentStatus) => Promise<IncidentStatus>,
    details: { readonly agencyId?: string } = {},
  ): Promise<{ incident: Incident; history: IncidentEvent[] }> {
    await this.db.transaction().execute(async (trx) => {
      const incident = await this.#repo.findById(id, trx, true);
      if (!incident) throw new AppError(alertsErrors.INCIDENT_NOT_FOUND);
      if (!canApply(incident.status, action))
        throw new AppError(
          alertsErrors.INCIDENT_TRANSITION_INVALID,
          { action, status: incident.status },
          { action, status: incident.status },
        );
      const kind = pastTense[action];
      const at = new Date();
      const status = await change(trx, at, incident.status);
      await this.#repo.addStep(trx, id, {
        kind,
        actor,
        note,
        details: { from: incident.status, ...details },
      });
      await this.audit.record(trx, actor, {
        action: `sensors.incident.${kind}`,
        targetType: 'incident',
        targetId: id,
        summary: { from: incident.status, ...details },
      });
      const payload: IncidentUpdatedEvent = {
        incidentId: id,
        action: kind,
        status,
        agencyId: details.agencyId ?? incident.agencyId,
        at: at.toISOString(),
      };
      await this.events.publish(trx, { type: alertEventTypes.incidentUpdated, payload });
    });
    return this.get(id);
  }
}
