import { Type } from 'typebox';
import { IsoDate, IsoDateTime } from '../http/schemas';
import { LUNAR_MAX_YEAR, LUNAR_MIN_YEAR } from './lunar';
import { MAX_WORKING_DAYS } from './calendar.service';

export const DecisionKind = Type.Union([Type.Literal('day_off'), Type.Literal('working_day')], {
  description:
    'day_off: a holiday, compensatory or swapped day off. working_day: a swapped working Saturday, or a computed day off cancelled by the decision.',
});

export const Year = Type.Integer({ minimum: LUNAR_MIN_YEAR, maximum: LUNAR_MAX_YEAR });

export const YearQuery = Type.Object({ year: Year }, { additionalProperties: false });

export const DayParams = Type.Object({ day: IsoDate }, { additionalProperties: false });

const editable = {
  kind: DecisionKind,
  nameVi: Type.String({ minLength: 1, maxLength: 300 }),
  nameEn: Type.Union([Type.String({ maxLength: 300 }), Type.Null()]),
  legalBasis: Type.String({
    minLength: 1,
    maxLength: 500,
    description: "The act that decides it, e.g. 'Thông báo 9441/TB-BNV ngày 16/10/2025'",
  }),
  sourceUrl: Type.Union([
    Type.String({ format: 'uri', pattern: '^https?://', maxLength: 1000 }),
    Type.Null(),
  ]),
};

export const DecisionSchema = Type.Object({
  day: IsoDate,
  ...editable,
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});

export const DecisionCreateBody = Type.Object(
  {
    day: IsoDate,
    kind: editable.kind,
    nameVi: editable.nameVi,
    nameEn: Type.Optional(editable.nameEn),
    legalBasis: editable.legalBasis,
    sourceUrl: Type.Optional(editable.sourceUrl),
  },
  { additionalProperties: false },
);

export const DecisionUpdateBody = Type.Partial(Type.Object(editable), {
  additionalProperties: false,
  minProperties: 1,
});

export const DecisionList = Type.Object({ year: Year, items: Type.Array(DecisionSchema) });

export const DayOffSchema = Type.Object({
  date: IsoDate,
  nameVi: Type.String(),
  nameEn: Type.Union([Type.String(), Type.Null()]),
  source: Type.Union([Type.Literal('statutory'), Type.Literal('compensatory'), Type.Literal('decision')]),
  provisional: Type.Boolean({
    description:
      'A day the Prime Minister fixes each year, computed by default while no decision is recorded',
  }),
  legalBasis: Type.String(),
  sourceUrl: Type.Union([Type.String(), Type.Null()]),
});

export const DaysOffResponse = Type.Object({
  year: Year,
  daysOff: Type.Array(DayOffSchema, { description: 'Days off other than ordinary Saturdays and Sundays' }),
  workingDays: Type.Array(DecisionSchema, {
    description: 'Decisions that make a day a working day (swapped Saturdays)',
  }),
});

export const WorkingDaysQuery = Type.Object({ from: IsoDate, to: IsoDate }, { additionalProperties: false });

export const WorkingDaysResponse = Type.Object({
  from: IsoDate,
  to: IsoDate,
  workingDays: Type.Integer({
    description: 'Working days after `from` up to and including `to`; negative when `to` is earlier',
  }),
});

export const DeadlineQuery = Type.Object(
  {
    start: Type.Union([IsoDateTime, IsoDate], {
      description:
        'When the dossier was received: an RFC 3339 date-time with offset, or a day (taken as 00:00 in Vietnam)',
    }),
    days: Type.Integer({
      minimum: 0,
      maximum: MAX_WORKING_DAYS,
      description: 'Processing time in working days (0: the same day)',
    }),
    cutoff: Type.Optional(
      Type.String({
        pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$',
        description: "Local 'HH:MM'; received later counts from the next working day",
      }),
    ),
  },
  { additionalProperties: false },
);

export const DeadlineResponse = Type.Object({
  start: IsoDateTime,
  days: Type.Integer(),
  cutoff: Type.Union([Type.String(), Type.Null()]),
  clockStartDay: Type.String({
    format: 'date',
    description: 'Day 0: the day of receipt, or the next working day',
  }),
  deadlineDay: IsoDate,
  deadline: Type.String({
    format: 'date-time',
    description: 'End of the deadline day, 23:59:59.999 in Vietnam',
  }),
});
