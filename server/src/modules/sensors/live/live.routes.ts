import { AppError } from '../../../platform/http/app-error';
import { commonErrorResponses } from '../../../platform/http/schemas';
import type { TypedPlugin } from '../../../platform/http/typed-plugin';
import { Type } from 'typebox';
import type { LiveClient, LiveFeed } from './live-feed';
import { liveErrors } from './live.errors';

/** Tells EventSource clients how long to wait before reconnecting. */
const RETRY_MS = 3000;

/** GET /api/v1/sensors/live: the live feed as Server-Sent Events. */
export const liveRoutes: TypedPlugin<{ feed: LiveFeed; publicRatePerMinute: number }> = async (
  app,
  { feed, publicRatePerMinute },
) => {
  // Streams never end by themselves: close them before the server waits for its connections.
  app.addHook('preClose', async () => feed.close());

  app.get(
    '/live',
    {
      config: { access: 'public', rateLimit: { max: publicRatePerMinute, timeWindow: '1 minute' } },
      schema: {
        tags: ['sensors'],
        summary: 'Live feed (text/event-stream): latest observations within about 0.2 s, and IOC events',
        description:
          'Server-Sent Events. `observations`: an array of {datastreamId, observationId, phenomenonTime, result} ' +
          'for the datastreams whose latest value changed; other event names are outbox events of the sensors ' +
          'module (sensors.device.offline, …) and what parts publish. A comment line every 15 s keeps proxies open.',
        response: { ...commonErrorResponses, 429: Type.Ref('ErrorResponse'), 503: Type.Ref('ErrorResponse') },
      },
    },
    async (request, reply) => {
      const admission = feed.admit(request.ip);
      if (admission === 'full') throw new AppError(liveErrors.LIVE_FULL);
      if (admission === 'ip_full') throw new AppError(liveErrors.LIVE_TOO_MANY_FROM_IP);
      reply.hijack();
      const response = reply.raw;
      response.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        // nginx would otherwise buffer the stream.
        'x-accel-buffering': 'no',
      });
      response.write(`retry: ${RETRY_MS}\nevent: ready\ndata: {}\n\n`);
      const client: LiveClient = {
        ip: request.ip,
        write: (chunk) => {
          response.write(chunk);
          return response.writableLength;
        },
        end: () => response.end(),
      };
      feed.add(client);
      response.on('close', () => feed.remove(client));
    },
  );
};
