import { Type, type TSchema } from 'typebox';
import type { Access } from '../auth/access';
import { requirePrincipal } from '../auth/require-principal';
import { commonErrorResponses } from '../http/schemas';
import { clientIp, type TypedPlugin } from '../http/typed-plugin';
import { presentDecision } from './calendar.presenter';
import {
  DaysOffResponse,
  DayParams,
  DeadlineQuery,
  DeadlineResponse,
  DecisionCreateBody,
  DecisionList,
  DecisionSchema,
  DecisionUpdateBody,
  WorkingDaysQuery,
  WorkingDaysResponse,
  YearQuery,
} from './calendar.schema';
import type { WorkingDayCalendar } from './calendar.service';

type CalendarApp = Parameters<TypedPlugin>[0];

const tags = ['calendar'];
const systemAdmins: Access = { roles: ['system_admin'] };

/** A route's OpenAPI schema; generic so that the type provider still infers request and reply types. */
function routeSchema<Parts extends Record<string, TSchema>, Success extends Record<number, TSchema>>(
  summary: string,
  parts: Parts,
  success: Success,
) {
  return { tags, summary, ...parts, response: { ...success, ...commonErrorResponses } };
}

/** A received-at value: an RFC 3339 instant, or a bare day read as 00:00 in Vietnam. */
function receivedAt(value: string): Date {
  return new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00+07:00` : value);
}

/**
 * /api/v1/calendar. The calendar and deadlines are public: citizens see when their dossier is due.
 * Only the city's system administrators record the yearly decisions.
 */
export const calendarRoutes: TypedPlugin<{ calendar: WorkingDayCalendar }> = async (app, { calendar }) => {
  daysOffRoute(app, calendar);
  workingDaysRoute(app, calendar);
  deadlineRoute(app, calendar);
  decisionReadRoutes(app, calendar);
  decisionCreateRoute(app, calendar);
  decisionChangeRoutes(app, calendar);
};

function daysOffRoute(app: CalendarApp, calendar: WorkingDayCalendar): void {
  const schema = routeSchema(
    "A year's days off with their legal basis",
    { querystring: YearQuery },
    { 200: DaysOffResponse },
  );
  app.get('/days-off', { config: { access: 'public' }, schema }, async (request) => {
    const { year } = request.query;
    const [daysOff, decisions] = await Promise.all([calendar.daysOff(year), calendar.listDecisions(year)]);
    const workingDays = decisions.filter((decision) => decision.kind === 'working_day').map(presentDecision);
    return { year, daysOff, workingDays };
  });
}

function workingDaysRoute(app: CalendarApp, calendar: WorkingDayCalendar): void {
  const schema = routeSchema(
    'Count working days between two days',
    { querystring: WorkingDaysQuery },
    { 200: WorkingDaysResponse },
  );
  app.get('/working-days', { config: { access: 'public' }, schema }, async (request) => {
    const { from, to } = request.query;
    return { from, to, workingDays: await calendar.workingDaysBetween(from, to) };
  });
}

function deadlineRoute(app: CalendarApp, calendar: WorkingDayCalendar): void {
  const schema = routeSchema(
    'Deadline of a processing time in working days',
    { querystring: DeadlineQuery },
    { 200: DeadlineResponse },
  );
  app.get('/deadline', { config: { access: 'public' }, schema }, async (request) => {
    const { days, cutoff } = request.query;
    const start = receivedAt(request.query.start);
    const result = await calendar.deadline(start, days, cutoff === undefined ? {} : { cutoff });
    return {
      start: start.toISOString(),
      days,
      cutoff: cutoff ?? null,
      clockStartDay: result.clockStartDay,
      deadlineDay: result.deadlineDay,
      deadline: result.deadline.toISOString(),
    };
  });
}

function decisionReadRoutes(app: CalendarApp, calendar: WorkingDayCalendar): void {
  const listSchema = routeSchema(
    "A year's recorded decisions",
    { querystring: YearQuery },
    { 200: DecisionList },
  );
  app.get('/decisions', { config: { access: 'public' }, schema: listSchema }, async (request) => {
    const items = await calendar.listDecisions(request.query.year);
    return { year: request.query.year, items: items.map(presentDecision) };
  });

  const oneSchema = routeSchema(
    'The decision recorded for a day',
    { params: DayParams },
    { 200: DecisionSchema },
  );
  app.get('/decisions/:day', { config: { access: 'public' }, schema: oneSchema }, async (request) =>
    presentDecision(await calendar.getDecision(request.params.day)),
  );
}

function decisionCreateRoute(app: CalendarApp, calendar: WorkingDayCalendar): void {
  const schema = routeSchema(
    'Record a decision for a day',
    { body: DecisionCreateBody },
    { 201: DecisionSchema },
  );
  app.post('/decisions', { config: { access: systemAdmins }, schema }, async (request, reply) => {
    const principal = requirePrincipal(request);
    const fields = {
      ...request.body,
      nameEn: request.body.nameEn ?? null,
      sourceUrl: request.body.sourceUrl ?? null,
    };
    const created = await calendar.createDecision(fields, principal.actor(clientIp(request)));
    return reply.status(201).send(presentDecision(created));
  });
}

function decisionChangeRoutes(app: CalendarApp, calendar: WorkingDayCalendar): void {
  const patchSchema = routeSchema(
    'Change a decision',
    { params: DayParams, body: DecisionUpdateBody },
    { 200: DecisionSchema },
  );
  app.patch('/decisions/:day', { config: { access: systemAdmins }, schema: patchSchema }, async (request) => {
    const principal = requirePrincipal(request);
    const changed = await calendar.updateDecision(
      request.params.day,
      request.body,
      principal.actor(clientIp(request)),
    );
    return presentDecision(changed);
  });

  const deleteSummary = 'Delete a decision (the computed calendar applies again)';
  const deleteSchema = routeSchema(deleteSummary, { params: DayParams }, { 204: Type.Null() });
  app.delete(
    '/decisions/:day',
    { config: { access: systemAdmins }, schema: deleteSchema },
    async (request, reply) => {
      const principal = requirePrincipal(request);
      await calendar.deleteDecision(request.params.day, principal.actor(clientIp(request)));
      return reply.status(204).send(null);
    },
  );
}
