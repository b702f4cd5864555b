import { api } from '../../lib/api';

export type DecisionKind = 'day_off' | 'working_day';

export interface DayOff {
  readonly date: string;
  readonly nameVi: string;
  readonly nameEn: string | null;
  readonly source: 'statutory' | 'compensatory' | 'decision';
  readonly provisional: boolean;
  readonly legalBasis: string;
  readonly sourceUrl: string | null;
}

export interface Decision {
  readonly day: string;
  readonly kind: DecisionKind;
  readonly nameVi: string;
  readonly nameEn: string | null;
  readonly legalBasis: string;
  readonly sourceUrl: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface DaysOffResponse {
  readonly year: number;
  readonly daysOff: DayOff[];
  readonly workingDays: Decision[];
}

export interface DeadlineResponse {
  readonly start: string;
  readonly days: number;
  readonly cutoff: string | null;
  readonly clockStartDay: string;
  readonly deadlineDay: string;
  readonly deadline: string;
}

export type DecisionInput = Omit<Decision, 'createdAt' | 'updatedAt'>;

export const calendarKey = ['calendar'] as const;

export function fetchDaysOff(year: number): Promise<DaysOffResponse> {
  return api('/api/v1/calendar/days-off', { query: { year } });
}

export function fetchDecisions(year: number): Promise<{ year: number; items: Decision[] }> {
  return api('/api/v1/calendar/decisions', { query: { year } });
}

export function createDecision(input: DecisionInput): Promise<Decision> {
  return api('/api/v1/calendar/decisions', { method: 'POST', body: input });
}

export function updateDecision(day: string, changes: Partial<Omit<DecisionInput, 'day'>>): Promise<Decision> {
  return api(`/api/v1/calendar/decisions/${day}`, { method: 'PATCH', body: changes });
}

export function deleteDecision(day: string): Promise<void> {
  return api(`/api/v1/calendar/decisions/${day}`, { method: 'DELETE' });
}

export function fetchDeadline(start: string, days: number, cutoff: string | null): Promise<DeadlineResponse> {
  return api('/api/v1/calendar/deadline', { query: { start, days, cutoff } });
}
