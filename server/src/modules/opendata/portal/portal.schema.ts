import { Type } from 'typebox';
import { IsoDateTime, PageQuery } from '../../../platform/http/schemas';

export const StatsSchema = Type.Object({
  datasets: Type.Integer({ description: 'Public, active datasets' }),
  organisations: Type.Integer({ description: 'Agencies with at least one public dataset' }),
  groups: Type.Integer(),
  resources: Type.Integer({ description: 'Resources of public, active datasets' }),
  downloads: Type.Integer({ description: 'Resource downloads, all time' }),
  apiCalls: Type.Integer({ description: 'CKAN API calls, all time' }),
  daily: Type.Array(
    Type.Object({ day: Type.String(), apiCalls: Type.Integer(), downloads: Type.Integer() }),
    { description: 'The last 30 days' },
  ),
});

export const HistoryParams = Type.Object(
  { id: Type.String({ minLength: 1, maxLength: 100, description: 'Dataset id or name' }) },
  { additionalProperties: false },
);

export const HistoryQuery = Type.Object({ ...PageQuery }, { additionalProperties: false });

export const HistorySchema = Type.Object({
  items: Type.Array(
    Type.Object({
      occurredAt: IsoDateTime,
      action: Type.String({ description: 'opendata.dataset.created|updated|deleted, opendata.resource.*' }),
      actor: Type.Union([Type.String(), Type.Null()], {
        description: 'Who made the change; shown to the dataset’s editors only',
      }),
      summary: Type.Record(Type.String(), Type.Unknown()),
    }),
  ),
  total: Type.Integer(),
  limit: Type.Integer(),
  offset: Type.Integer(),
});

export const SuggestQuery = Type.Object(
  {
    q: Type.String({ minLength: 1, maxLength: 200, description: 'What the user typed, accents optional' }),
    limit: Type.Integer({ minimum: 1, maximum: 20, default: 8 }),
  },
  { additionalProperties: false },
);

export const SuggestSchema = Type.Array(Type.Object({ name: Type.String(), title: Type.String() }));
