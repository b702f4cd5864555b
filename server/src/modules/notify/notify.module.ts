import { fileURLToPath } from 'node:url';
import type { FastifyPluginAsync } from 'fastify';
import type { Db } from '../../platform/db/database';
import type { CitydxModule, PlatformServices } from '../../platform/module-contract';
import { createChannels } from './channels/create-channels';
import { registerBuiltinKeywords } from './inbound/builtin-keywords';
import { InboundRouter } from './inbound/inbound-router';
import { inboundRoutes } from './inbound/inbound.routes';
import { InboundService } from './inbound/inbound.service';
import { messagesRoutes } from './messages.routes';
import { notifyErrors } from './notify.errors';
import { resolveNotifyOptions, type NotifyOptions, type ResolvedNotifyOptions } from './notify.options';
import { NOTIFY_PREFIX } from './notify.paths';
import { NotifyService } from './notify.service';
import type {
  InboundHandler,
  KeywordOptions,
  OutboundMessage,
  SendResult,
  TemplateSet,
} from './notify.types';
import { DeliveryDispatcher } from './outbox/dispatcher';
import { PreferencesRepo } from './preferences/preferences.repo';
import { preferencesRoutes } from './preferences/preferences.routes';
import { PreferencesService } from './preferences/preferences.service';
import { notifyTemplates } from './templates/notify.templates';
import { TemplateRegistry } from './templates/template-registry';

/** What other modules may ask of `notify`. */
export interface NotifyApi {
  /**
   * Writes a message to the outbox in the caller's transaction (`executor`), so it exists exactly when
   * the caller's change commits; the delivery job sends it afterwards, with retries. The template is
   * rendered for the channel now. A recipient who opted out of the topic gets a `suppressed` message; an
   * address that cannot be valid gets a `failed` one — neither throws, so the caller's change stands.
   * An unregistered template throws (a bug in the caller).
   */
  send(executor: Db, message: OutboundMessage): Promise<SendResult>;
  /**
   * Registers message templates, keyed `<module>.<what>` (`feedback.status_changed`), each in `vi` and
   * `en`: `{ subject?, text, sms?, zalo? }` with `{name}` placeholders. Call it from the module factory.
   */
  registerTemplates(templates: TemplateSet): void;
  /**
   * Routes inbound SMS and Zalo messages whose first word is one of `keywords` to `handler`. Keywords
   * are single words matched without case, diacritics or trailing punctuation ("tracứu," matches
   * TRACUU). The handler gets the message and the database (no transaction is open; see docs/notify.md), and returns the
   * reply (one string or `{ vi, en }`) or nothing; the reply goes back on the same channel through the
   * outbox. Registering a keyword twice throws.
   */
  registerInboundKeyword(
    keywords: string | readonly string[],
    handler: InboundHandler,
    options?: KeywordOptions,
  ): void;
  /**
   * Receives every inbound message no keyword claims, including bare locations and photos (feedback:
   * "the message becomes a report"). One fallback for the platform; a second registration throws.
   * Without one, the sender gets the list of keywords.
   */
  setInboundFallback(handler: InboundHandler): void;
}

/** The module's services, wired once per module instance. */
function wireServices(
  platform: Pick<PlatformServices, 'db' | 'audit' | 'logger'>,
  options: ResolvedNotifyOptions,
) {
  const { db, audit, logger } = platform;
  const templates = new TemplateRegistry();
  templates.register(notifyTemplates);
  const preferencesRepo = new PreferencesRepo(db);
  const notify = new NotifyService({ db, audit, templates, preferences: preferencesRepo, options });
  const send = (executor: Db, message: OutboundMessage) => notify.send(executor, message);
  const router = new InboundRouter();
  const inbound = new InboundService({ db, logger, router, preferences: preferencesRepo, send });
  registerBuiltinKeywords(router, preferencesRepo, (locale) => inbound.helpReply(locale));
  const channels = createChannels(options, logger);
  const dispatcher = new DeliveryDispatcher({
    db,
    preferences: preferencesRepo,
    channels,
    logger,
    options: options.delivery,
  });
  const preferences = new PreferencesService(db, audit, preferencesRepo);
  return { templates, notify, send, router, inbound, channels, dispatcher, preferences };
}

/**
 * Outbound messages through an outbox (e-mail over SMTP, SMS through an HTTP gateway, Zalo OA, or the
 * log when a channel has no provider), recipients' opt-outs, and inbound SMS/Zalo webhooks routed by
 * keyword. Used by feedback now and by any module that tells citizens or staff something.
 */
export function createNotifyModule(
  platform: Pick<PlatformServices, 'db' | 'audit' | 'logger'>,
  notifyOptions: NotifyOptions,
): CitydxModule<NotifyApi> {
  const options = resolveNotifyOptions(notifyOptions);
  const { templates, notify, send, router, inbound, channels, dispatcher, preferences } = wireServices(
    platform,
    options,
  );
  const plugin: FastifyPluginAsync = async (app) => {
    await app.register(messagesRoutes, { notify, inbound });
    await app.register(preferencesRoutes, { preferences, ratePerMinute: options.webhookRatePerMinute });
    await app.register(inboundRoutes, { inbound, options });
    app.addHook('onClose', async () => {
      await Promise.all(Object.values(channels).map((channel) => channel.close?.()));
    });
  };
  return {
    name: 'notify',
    prefix: NOTIFY_PREFIX,
    plugin,
    migrations: { owner: 'notify', dir: fileURLToPath(new URL('./migrations', import.meta.url)) },
    errors: notifyErrors,
    jobs: [
      {
        name: 'notify.deliver',
        intervalSeconds: options.delivery.intervalSeconds,
        run: async () => void (await dispatcher.deliverDue()),
      },
    ],
    api: {
      send,
      registerTemplates: (set) => templates.register(set),
      registerInboundKeyword: (keywords, handler, keywordOptions) =>
        router.register(keywords, handler, keywordOptions),
      setInboundFallback: (handler) => router.setFallback(handler),
    },
  };
}
