import { commonErrorResponses } from '../../../platform/http/schemas';
import { clientIp, type TypedPlugin } from '../../../platform/http/typed-plugin';
import { requirePrincipal } from '../../../platform/auth/require-principal';
import { outboxReaders } from '../messages.routes';
import { presentOptOut, presentPreferences } from '../notify.presenter';
import { optOutPage } from './opt-out.page';
import {
  OptOutQuery,
  OptOutResult,
  PreferencesQuery,
  PreferencesSchema,
  PreferenceUpdateBody,
} from './preferences.schema';
import type { PreferencesService } from './preferences.service';

/** Browsers ask for text/html first; API clients for JSON or anything. */
function prefersHtml(accept: string | undefined): boolean {
  return (accept ?? '').split(',')[0]?.trim().startsWith('text/html') ?? false;
}

export interface PreferencesRoutesOptions {
  readonly preferences: PreferencesService;
  readonly ratePerMinute: number;
}

/** /api/v1/notify/preferences (staff) and /opt-out (the link in every e-mail, public). */
export const preferencesRoutes: TypedPlugin<PreferencesRoutesOptions> = async (app, options) => {
  const { preferences } = options;
  const tags = ['notify'];
  const rateLimit = { max: options.ratePerMinute, timeWindow: '1 minute' };

  // RFC 8058 one-click unsubscribe POSTs "List-Unsubscribe=One-Click" as a form; only here.
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string' },
    (_request, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(String(body))));
    },
  );

  app.get(
    '/preferences',
    {
      config: { access: outboxReaders },
      schema: {
        tags,
        summary: "A recipient's opt-outs on one channel",
        querystring: PreferencesQuery,
        response: { 200: PreferencesSchema, ...commonErrorResponses },
      },
    },
    async (request) =>
      presentPreferences(await preferences.get(request.query.channel, request.query.address)),
  );

  app.put(
    '/preferences',
    {
      config: { access: outboxReaders },
      schema: {
        tags,
        summary: 'Opt a recipient out of (or back into) a topic, or every topic with "*"',
        body: PreferenceUpdateBody,
        response: { 200: PreferencesSchema, ...commonErrorResponses },
      },
    },
    async (request) => {
      const principal = requirePrincipal(request);
      const { channel, address, topic, optedOut } = request.body;
      return presentPreferences(
        await preferences.set(channel, address, topic, optedOut, principal.actor(clientIp(request))),
      );
    },
  );

  app.get(
    '/opt-out',
    {
      config: { access: 'public', rateLimit },
      schema: {
        tags,
        summary: 'Stop e-mails of one topic (or all) with the token from an e-mail; HTML for browsers',
        querystring: OptOutQuery,
        produces: ['application/json', 'text/html'],
        response: { 200: OptOutResult, ...commonErrorResponses },
      },
    },
    async (request, reply) => {
      const result = presentOptOut(await preferences.optOutByToken(request.query.token, request.query.topic));
      if (prefersHtml(request.headers.accept)) {
        return reply.type('text/html; charset=utf-8').send(optOutPage(request.locale, result));
      }
      return result;
    },
  );

  app.post(
    '/opt-out',
    {
      config: { access: 'public', rateLimit },
      schema: {
        tags,
        summary: 'One-click unsubscribe (RFC 8058 List-Unsubscribe-Post), token in the query string',
        querystring: OptOutQuery,
        response: { 200: OptOutResult, ...commonErrorResponses },
      },
    },
    async (request) =>
      presentOptOut(await preferences.optOutByToken(request.query.token, request.query.topic)),
  );
};
