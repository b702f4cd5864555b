import type { CalendarDecision } from './calendar.repo';

export function presentDecision(decision: CalendarDecision) {
  return {
    ...decision,
    createdAt: decision.createdAt.toISOString(),
    updatedAt: decision.updatedAt.toISOString(),
  };
}
