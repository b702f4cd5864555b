import { Type } from 'typebox';
import { commonErrorResponses, Page, Uuid } from '../../platform/http/schemas';
import type { TypedPlugin } from '../../platform/http/typed-plugin';
import { presentBoardGeoJson } from './board.geojson.presenter';
import { rangeOf } from './board.service';
import type { FeedbackServices } from './feedback.services';
import { Localized, PublicReportSchema } from './feedback.schema';
import { BoardMapQuery, BoardQuery, RangeQuery, toFilter } from './list-query';
import { presentPublicReport } from './report.presenter';

const counts = {
  received: Type.Integer(),
  onTime: Type.Integer(),
  late: Type.Integer({ description: 'Answered after the deadline, or unanswered past it' }),
  open: Type.Integer(),
  rated: Type.Integer(),
  satisfied: Type.Integer(),
  onTimePercent: Type.Union([Type.Number(), Type.Null()]),
  satisfactionPercent: Type.Union([Type.Number(), Type.Null()]),
};

const LeagueRowSchema = Type.Object({
  agencyId: Uuid,
  agencyName: Type.Union([Localized, Type.Null()]),
  answered: Type.Integer(),
  neutral: Type.Integer(),
  unsatisfied: Type.Integer(),
  ...counts,
});

const FiguresSchema = Type.Object({
  published: Type.Integer(),
  ...counts,
  from: Type.String(),
  to: Type.String(),
});

/** The public board: published reports and answers, the map, the league table and the figures. */
export const boardRoutes: TypedPlugin<{ services: FeedbackServices }> = async (app, { services }) => {
  const tags = ['feedback'];

  app.get(
    '/board/reports',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Published reports with their answers (filter by category, unit, agency, status, date)',
        querystring: BoardQuery,
        response: { 200: Page(PublicReportSchema), ...commonErrorResponses },
      },
    },
    async (request) => {
      const { items, total } = await services.board.list(toFilter(request.query));
      return {
        items: items.map((report) => presentPublicReport(report)),
        total,
        limit: request.query.limit,
        offset: request.query.offset,
      };
    },
  );

  app.get(
    '/board/reports.geojson',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Published reports as a GeoJSON FeatureCollection (at most 5,000, newest first)',
        querystring: BoardMapQuery,
        produces: ['application/geo+json'],
      },
    },
    async (request, reply) => {
      const { limit: _limit, offset: _offset, ...filter } = toFilter(request.query);
      return reply
        .type('application/geo+json')
        .send(presentBoardGeoJson(await services.board.mapped(filter)));
    },
  );

  app.get(
    '/board/league',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Agencies ranked: received, on time, late, satisfaction (default: last 90 days)',
        querystring: RangeQuery,
        response: { 200: Type.Array(LeagueRowSchema), ...commonErrorResponses },
      },
    },
    async (request) => {
      const range = rangeOf(dateOf(request.query.from), dateOf(request.query.to));
      return services.board.league(range);
    },
  );

  app.get(
    '/board/figures',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'City-wide figures for the portal (default: last 90 days)',
        querystring: RangeQuery,
        response: { 200: FiguresSchema, ...commonErrorResponses },
      },
    },
    async (request) => {
      const range = rangeOf(dateOf(request.query.from), dateOf(request.query.to));
      return {
        ...(await services.board.figures(range)),
        from: range.from.toISOString(),
        to: range.to.toISOString(),
      };
    },
  );
};

function dateOf(value: string | undefined): Date | undefined {
  return value ? new Date(value) : undefined;
}
