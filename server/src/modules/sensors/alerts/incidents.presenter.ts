import type { Incident, IncidentEvent } from './incident.model';

export function presentIncident(incident: Incident) {
  return {
    ...incident,
    openedAt: incident.openedAt.toISOString(),
    acknowledgedAt: incident.acknowledgedAt?.toISOString() ?? null,
    resolvedAt: incident.resolvedAt?.toISOString() ?? null,
    updatedAt: incident.updatedAt.toISOString(),
  };
}

export function presentIncidentWithHistory({
  incident,
  history,
}: {
  incident: Incident;
  history: readonly IncidentEvent[];
}) {
  return {
    ...presentIncident(incident),
    history: history.map((event) => ({ ...event, occurredAt: event.occurredAt.toISOString() })),
  };
}
