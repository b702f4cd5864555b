import { Type } from 'typebox';
import type { Access } from '../../../platform/auth/access';
import { requirePrincipal } from '../../../platform/auth/require-principal';
import { commonErrorResponses, IdParams, Uuid } from '../../../platform/http/schemas';
import { clientIp, type TypedPlugin } from '../../../platform/http/typed-plugin';
import type { SmsAnswer } from './sms-answers.repo';
import type { SmsAnswersService } from './sms-answers.service';

const publishers: Access = { roles: ['system_admin', 'agency_admin', 'data_publisher'] };

const FieldName = Type.String({ minLength: 1, maxLength: 63 });

const SmsAnswerBody = Type.Object(
  {
    topic: Type.String({
      minLength: 1,
      maxLength: 100,
      description: 'Words that select the answer: "dân số"',
    }),
    resourceId: Uuid,
    matchField: FieldName,
    valueField: FieldName,
    unit: Type.Union([Type.String({ maxLength: 40 }), Type.Null()]),
    label: Type.String({ minLength: 1, maxLength: 160 }),
    labelEn: Type.Union([Type.String({ minLength: 1, maxLength: 160 }), Type.Null()]),
  },
  { additionalProperties: false },
);

const SmsAnswerSchema = Type.Object({ id: Uuid, ...SmsAnswerBody.properties });

const present = (answer: SmsAnswer) => answer;

/**
 * /api/v1/opendata/sms-answers: which DataStore column answers which SMS/Zalo question ("DL dân số Hải
 * Châu"). The list is public: it is what citizens can ask.
 */
export const smsAnswersRoutes: TypedPlugin<{ answers: SmsAnswersService }> = async (app, { answers }) => {
  const tags = ['opendata'];

  app.get(
    '/sms-answers',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Questions the portal answers by SMS and Zalo from DataStore tables',
        response: { 200: Type.Object({ items: Type.Array(SmsAnswerSchema) }) },
      },
    },
    async () => ({ items: (await answers.list()).map(present) }),
  );

  app.post(
    '/sms-answers',
    {
      config: { access: publishers },
      schema: {
        tags,
        summary: 'Register an SMS/Zalo answer from a DataStore table',
        body: SmsAnswerBody,
        response: { 201: SmsAnswerSchema, ...commonErrorResponses },
      },
    },
    async (request, reply) => {
      const principal = requirePrincipal(request);
      const created = await answers.create(principal, request.body, principal.actor(clientIp(request)));
      return reply.code(201).send(present(created));
    },
  );

  app.put(
    '/sms-answers/:id',
    {
      config: { access: publishers },
      schema: {
        tags,
        summary: 'Change an SMS/Zalo answer',
        params: IdParams,
        body: SmsAnswerBody,
        response: { 200: SmsAnswerSchema, ...commonErrorResponses },
      },
    },
    async (request) => {
      const principal = requirePrincipal(request);
      return present(
        await answers.update(principal, request.params.id, request.body, principal.actor(clientIp(request))),
      );
    },
  );

  app.delete(
    '/sms-answers/:id',
    {
      config: { access: publishers },
      schema: {
        tags,
        summary: 'Remove an SMS/Zalo answer',
        params: IdParams,
        response: { 204: Type.Null(), ...commonErrorResponses },
      },
    },
    async (request, reply) => {
      const principal = requirePrincipal(request);
      await answers.delete(principal, request.params.id, principal.actor(clientIp(request)));
      return reply.code(204).send(null);
    },
  );
};
