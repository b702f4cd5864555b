import { Type } from 'typebox';
import type { Access } from '../../platform/auth/access';
import { requirePrincipal } from '../../platform/auth/require-principal';
import { commonErrorResponses, IdParams, Page } from '../../platform/http/schemas';
import { clientIp, type TypedPlugin } from '../../platform/http/typed-plugin';
import type { InboundService } from './inbound/inbound.service';
import {
  InboundListQuery,
  InboundSchema,
  MessageDetailSchema,
  MessageListQuery,
  MessageSchema,
  StatusCountsSchema,
  TestMessageBody,
} from './messages.schema';
import { presentInbound, presentMessage, presentMessageDetail } from './notify.presenter';
import type { NotifyService } from './notify.service';

/** Who reads the outbox: the operators who answer citizens, and administrators. */
export const outboxReaders: Access = { roles: ['system_admin', 'call_center_operator'] };
const administrators: Access = { roles: ['system_admin'] };

/** /api/v1/notify/messages and /inbound: the outbox log and the inbound log in the console. */
export const messagesRoutes: TypedPlugin<{ notify: NotifyService; inbound: InboundService }> = async (
  app,
  { notify, inbound },
) => {
  const tags = ['notify'];

  app.get(
    '/messages',
    {
      config: { access: outboxReaders },
      schema: {
        tags,
        summary: 'The outbox log: messages sent, queued, failed or suppressed',
        querystring: MessageListQuery,
        response: { 200: Page(MessageSchema), ...commonErrorResponses },
      },
    },
    async (request) => {
      const { items, total } = await notify.list(request.query);
      return {
        items: items.map(presentMessage),
        total,
        limit: request.query.limit,
        offset: request.query.offset,
      };
    },
  );

  app.get(
    '/messages/summary',
    {
      config: { access: outboxReaders },
      schema: {
        tags,
        summary: 'Messages per delivery status',
        response: { 200: StatusCountsSchema, ...commonErrorResponses },
      },
    },
    async () => notify.statusCounts(),
  );

  app.get(
    '/messages/:id',
    {
      config: { access: outboxReaders },
      schema: {
        tags,
        summary: 'One message with its delivery attempts',
        params: IdParams,
        response: { 200: MessageDetailSchema, ...commonErrorResponses },
      },
    },
    async (request) => {
      const { message, attempts } = await notify.get(request.params.id);
      return presentMessageDetail(message, attempts);
    },
  );

  app.post(
    '/messages/:id/retry',
    {
      config: { access: outboxReaders },
      schema: {
        tags,
        summary: 'Send a failed or suppressed message again',
        params: IdParams,
        response: { 200: MessageSchema, ...commonErrorResponses, 409: Type.Ref('ErrorResponse') },
      },
    },
    async (request) => {
      const principal = requirePrincipal(request);
      return presentMessage(await notify.retry(request.params.id, principal.actor(clientIp(request))));
    },
  );

  app.post(
    '/messages/test',
    {
      config: { access: administrators },
      schema: {
        tags,
        summary: "Send a test message through a channel's provider",
        body: TestMessageBody,
        response: { 201: MessageSchema, ...commonErrorResponses },
      },
    },
    async (request, reply) => {
      const principal = requirePrincipal(request);
      const { channel, address, locale } = request.body;
      const message = await notify.sendTest(
        channel,
        address,
        locale ?? request.locale,
        principal.actor(clientIp(request)),
      );
      return reply.status(201).send(presentMessage(message));
    },
  );

  app.get(
    '/inbound',
    {
      config: { access: outboxReaders },
      schema: {
        tags,
        summary: 'Messages citizens sent by SMS or Zalo, with how each was handled',
        querystring: InboundListQuery,
        response: { 200: Page(InboundSchema), ...commonErrorResponses },
      },
    },
    async (request) => {
      const { items, total } = await inbound.list(request.query);
      return {
        items: items.map(presentInbound),
        total,
        limit: request.query.limit,
        offset: request.query.offset,
      };
    },
  );
};
