import { Type } from 'typebox';
import { IsoDateTime, StringEnum, Uuid } from '../../platform/http/schemas';
import { CategoryCode } from './feedback.schema';
import { attributeDatatypes } from './routing.repo';

const AttributeSchema = Type.Object(
  {
    code: Type.String({ pattern: '^[A-Za-z0-9_-]{1,60}$' }),
    datatype: StringEnum(attributeDatatypes),
    required: Type.Boolean(),
    description: Type.String({ minLength: 1, maxLength: 500 }),
    datatypeDescription: Type.Optional(Type.Union([Type.String({ maxLength: 500 }), Type.Null()])),
    order: Type.Integer({ minimum: 1, maximum: 1000 }),
    values: Type.Optional(
      Type.Array(
        Type.Object(
          {
            key: Type.String({ minLength: 1, maxLength: 100 }),
            name: Type.String({ minLength: 1, maxLength: 200 }),
          },
          { additionalProperties: false },
        ),
        { maxItems: 100 },
      ),
    ),
  },
  { additionalProperties: false },
);

const editable = {
  nameVi: Type.String({ minLength: 1, maxLength: 200 }),
  nameEn: Type.Union([Type.String({ maxLength: 200 }), Type.Null()]),
  descriptionVi: Type.Union([Type.String({ maxLength: 2000 }), Type.Null()]),
  descriptionEn: Type.Union([Type.String({ maxLength: 2000 }), Type.Null()]),
  group: Type.String({ minLength: 1, maxLength: 60, description: 'Open311 group' }),
  keywords: Type.String({ maxLength: 500 }),
  deadlineWorkingDays: Type.Integer({ minimum: 1, maximum: 60, description: 'Working days to answer' }),
  attributes: Type.Array(AttributeSchema, { maxItems: 20, description: 'Open311 attributes' }),
  duplicateRadiusMetres: Type.Integer({ minimum: 10, maximum: 5000 }),
  active: Type.Boolean(),
  sortOrder: Type.Integer({ minimum: 0, maximum: 10000 }),
};

export const CategorySchema = Type.Object({ code: CategoryCode, ...editable, updatedAt: IsoDateTime });

export const CategoryCreateBody = Type.Object(
  {
    code: CategoryCode,
    nameVi: editable.nameVi,
    nameEn: Type.Optional(editable.nameEn),
    descriptionVi: Type.Optional(editable.descriptionVi),
    descriptionEn: Type.Optional(editable.descriptionEn),
    group: editable.group,
    keywords: Type.Optional(editable.keywords),
    deadlineWorkingDays: editable.deadlineWorkingDays,
    attributes: Type.Optional(editable.attributes),
    duplicateRadiusMetres: Type.Optional(editable.duplicateRadiusMetres),
    active: Type.Optional(editable.active),
    sortOrder: Type.Optional(editable.sortOrder),
  },
  { additionalProperties: false },
);

export const CategoryUpdateBody = Type.Partial(Type.Object(editable), {
  additionalProperties: false,
  minProperties: 1,
});

export const CategoryParams = Type.Object({ code: CategoryCode }, { additionalProperties: false });

export const RuleSchema = Type.Object({
  id: Uuid,
  categoryCode: CategoryCode,
  adminUnitCode: Type.Union([Type.String(), Type.Null()], {
    description: 'Null: the default for every other unit',
  }),
  agencyId: Uuid,
  updatedAt: IsoDateTime,
});

export const RuleCreateBody = Type.Object(
  {
    categoryCode: CategoryCode,
    adminUnitCode: Type.Optional(Type.Union([Type.String({ minLength: 1, maxLength: 20 }), Type.Null()])),
    agencyId: Uuid,
  },
  { additionalProperties: false },
);

export const RuleUpdateBody = Type.Partial(RuleCreateBody, { additionalProperties: false, minProperties: 1 });

export const RuleListQuery = Type.Object(
  {
    category: Type.Optional(CategoryCode),
    adminUnitCode: Type.Optional(Type.String({ maxLength: 20 })),
    agencyId: Type.Optional(Uuid),
  },
  { additionalProperties: false },
);
