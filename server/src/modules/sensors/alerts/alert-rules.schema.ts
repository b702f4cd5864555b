import { Type } from 'typebox';
import { IsoDateTime, PageQuery, StringEnum, Uuid } from '../../../platform/http/schemas';
import { deviceTypes } from '../devices/device.model';
import { alertOperators, alertSeverities, recipientChannels } from './alert-rule.model';

const nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);

export const AlertOperatorSchema = StringEnum(alertOperators, {
  description:
    'GT GTE LT LTE EQ (numeric threshold), CHANGE (result differs), CHANGE_DELTA (moved by more than threshold within windowMinutes), FROZEN (no data for windowMinutes), DEVICE_OFFLINE (device registry)',
});
export const AlertSeveritySchema = StringEnum(alertSeverities);

const Recipient = Type.Object(
  {
    channel: StringEnum(recipientChannels, {
      description: "'user': a platform account id, reached by e-mail",
    }),
    address: Type.String({ minLength: 1, maxLength: 320 }),
    locale: StringEnum(['vi', 'en'] as const),
  },
  { additionalProperties: false },
);

const editable = {
  name: Type.String({ minLength: 1, maxLength: 200 }),
  description: nullable(Type.String({ maxLength: 2000 })),
  operator: AlertOperatorSchema,
  datastreamId: nullable(Type.Integer({ minimum: 1, description: 'SensorThings Datastream id' })),
  observedPropertyId: nullable(Type.Integer({ minimum: 1, description: 'SensorThings ObservedProperty id' })),
  deviceType: nullable(
    StringEnum(deviceTypes, { description: 'Datastreams of Things registered as this device type' }),
  ),
  threshold: nullable(
    Type.Number({ description: 'GT..EQ: the bound; CHANGE_DELTA: the change that alerts' }),
  ),
  clearThreshold: nullable(
    Type.Number({
      description: 'Hysteresis: a raised alert clears only once back past this (default threshold)',
    }),
  ),
  windowMinutes: nullable(
    Type.Integer({ minimum: 1, maximum: 10080, description: 'CHANGE_DELTA window; FROZEN silence' }),
  ),
  minDurationSeconds: Type.Integer({
    minimum: 0,
    maximum: 86400,
    description: 'A raise or a clear needs its condition to hold this long (observation times)',
  }),
  severity: AlertSeveritySchema,
  active: Type.Boolean(),
  agencyId: nullable(Uuid),
  recipients: Type.Array(Recipient, {
    maxItems: 20,
    description: 'Told through notify when the rule raises',
  }),
};

export const AlertRuleSchema = Type.Object({
  id: Uuid,
  ...editable,
  isSample: Type.Boolean({ description: 'Generated demo rule' }),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});

export const AlertRuleCreateBody = Type.Object(
  {
    name: editable.name,
    operator: editable.operator,
    severity: editable.severity,
    description: Type.Optional(editable.description),
    datastreamId: Type.Optional(editable.datastreamId),
    observedPropertyId: Type.Optional(editable.observedPropertyId),
    deviceType: Type.Optional(editable.deviceType),
    threshold: Type.Optional(editable.threshold),
    clearThreshold: Type.Optional(editable.clearThreshold),
    windowMinutes: Type.Optional(editable.windowMinutes),
    minDurationSeconds: Type.Optional(editable.minDurationSeconds),
    active: Type.Optional(editable.active),
    agencyId: Type.Optional(editable.agencyId),
    recipients: Type.Optional(editable.recipients),
  },
  { additionalProperties: false },
);

export const AlertRuleUpdateBody = Type.Partial(Type.Object({ ...editable }), {
  additionalProperties: false,
  minProperties: 1,
});

export const AlertRuleListQuery = Type.Object(
  {
    operator: Type.Optional(AlertOperatorSchema),
    active: Type.Optional(Type.Boolean()),
    datastreamId: Type.Optional(Type.Integer({ minimum: 1 })),
    agencyId: Type.Optional(Uuid),
    isSample: Type.Optional(Type.Boolean()),
    ...PageQuery,
  },
  { additionalProperties: false },
);
