import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { Access } from '../../../platform/auth/access';
import { requirePrincipal } from '../../../platform/auth/require-principal';
import { AppError } from '../../../platform/http/app-error';
import { sensorsErrors } from '../sensors.errors';
import { entities } from './entities';
import { readQueryString } from './query-options';
import { parseResourcePath } from './resource-path';
import { staErrorHandler } from './sta.error-handler';
import { selfLink, type StaLinks } from './sta.presenter';
import type { StaReader } from './sta.read.service';
import type { StaWriter } from './sta.write.service';

export const STA_PREFIX = '/sta/v1.1';

/**
 * Who may write: system administrators, and data publishers (the role that already publishes an
 * agency's data sets; devices and integrations use an API token of such an account).
 */
export const STA_WRITE_ACCESS: Access = { roles: ['system_admin', 'data_publisher'] };

const CONFORMANCE = [
  'http://www.opengis.net/spec/iot_sensing/1.1/req/datamodel',
  'http://www.opengis.net/spec/iot_sensing/1.1/req/resource-path/resource-path-to-entities',
  'http://www.opengis.net/spec/iot_sensing/1.1/req/request-data',
  'http://www.opengis.net/spec/iot_sensing/1.1/req/create-update-delete',
  'http://www.opengis.net/spec/iot_sensing/1.1/req/data-array/data-array',
  'http://www.opengis.net/spec/iot_sensing/1.1/req/multi-datastream',
];

const MQTT_CLASSES = [
  'http://www.opengis.net/spec/iot_sensing/1.1/req/create-observations-via-mqtt/observations-creation',
  'http://www.opengis.net/spec/iot_sensing/1.1/req/receive-updates-via-mqtt/receive-updates',
];

/** The landing page's serverSettings: the MQTT classes, each with its endpoints, when MQTT is reachable. */
function mqttSettings(endpoint: string | null): Record<string, unknown> {
  if (!endpoint) return { conformance: CONFORMANCE };
  return {
    conformance: [...CONFORMANCE, ...MQTT_CLASSES],
    ...Object.fromEntries(MQTT_CLASSES.map((uri) => [uri, { endpoints: [endpoint] }])),
  };
}

/** The resource path and raw query string of a request under the STA prefix. */
function splitUrl(request: FastifyRequest): { path: string; query: string } {
  const url = request.url;
  const mark = url.indexOf('?');
  const pathname = mark < 0 ? url : url.slice(0, mark);
  return { path: pathname.slice(STA_PREFIX.length + 1), query: mark < 0 ? '' : url.slice(mark + 1) };
}

function clientIp(request: FastifyRequest): string | null {
  return request.ip ?? null;
}

/** OGC SensorThings API 1.1 under /sta/v1.1: one wildcard route per method; the path is parsed here. */
export const staRoutes: FastifyPluginAsync<{
  reader: StaReader;
  writer: StaWriter;
  links: StaLinks;
  /** Where MQTT clients connect (mqtt-ingest/), advertised on the landing page; null: no MQTT. */
  mqttEndpoint?: () => string | null;
}> = async (app, { reader, writer, links, mqttEndpoint }) => {
  app.setErrorHandler(staErrorHandler);

  app.get('/', { config: { access: 'public' } }, async () => ({
    value: Object.values(entities).map((entity) => ({
      name: entity.setName,
      url: `${links.base}/${entity.setName}`,
    })),
    serverSettings: mqttSettings(mqttEndpoint?.() ?? null),
  }));

  app.get('/*', { config: { access: 'public' } }, async (request, reply) => {
    const { path, query } = splitUrl(request);
    const result = await reader.read(parseResourcePath(path), readQueryString(query));
    if (result.kind === 'empty') return reply.status(204).send();
    if (result.kind === 'text') return reply.type('text/plain; charset=utf-8').send(result.body);
    return result.body;
  });

  app.post('/*', { config: { access: STA_WRITE_ACCESS } }, async (request, reply) => {
    const principal = requirePrincipal(request);
    const { path } = splitUrl(request);
    if (path === 'CreateObservations')
      return reply.status(201).send(await writer.createObservations(request.body));
    const { entity, id } = await writer.create(
      parseResourcePath(path),
      request.body,
      principal.actor(clientIp(request)),
    );
    const location = selfLink(links, entity, id);
    const created = await reader.read(parseResourcePath(`${entity.setName}(${id})`), new Map());
    return reply
      .status(201)
      .header('location', location)
      .send(created.kind === 'json' ? created.body : {});
  });

  app.patch('/*', { config: { access: STA_WRITE_ACCESS } }, async (request) => {
    const principal = requirePrincipal(request);
    const { entity, id } = await writer.patch(
      parseResourcePath(splitUrl(request).path),
      request.body,
      principal.actor(clientIp(request)),
    );
    const updated = await reader.read(parseResourcePath(`${entity.setName}(${id})`), new Map());
    return updated.kind === 'json' ? updated.body : {};
  });

  app.delete('/*', { config: { access: STA_WRITE_ACCESS } }, async (request, reply) => {
    const principal = requirePrincipal(request);
    await writer.remove(parseResourcePath(splitUrl(request).path), principal.actor(clientIp(request)));
    return reply.status(200).send();
  });

  // PUT (replace) is an optional conformance class of 1.1 that we do not offer; PATCH merges.
  app.put('/*', { config: { access: STA_WRITE_ACCESS } }, async () => {
    const problem = 'PUT; use PATCH';
    throw new AppError(sensorsErrors.NOT_IMPLEMENTED, { problem }, { problem });
  });
};
