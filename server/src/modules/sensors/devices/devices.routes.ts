import { Type, type Static } from 'typebox';
import type { Access } from '../../../platform/auth/access';
import { requirePrincipal } from '../../../platform/auth/require-principal';
import { AppError } from '../../../platform/http/app-error';
import { platformErrors } from '../../../platform/http/platform.errors';
import { commonErrorResponses, IdParams, Page } from '../../../platform/http/schemas';
import { clientIp, type TypedPlugin } from '../../../platform/http/typed-plugin';
import { deviceTokenHash } from './device-token';
import type { DeviceFields } from './device.model';
import { devicesErrors } from './devices.errors';
import { presentDevice } from './devices.presenter';
import {
  DeviceCreateBody,
  DeviceListQuery,
  DeviceSchema,
  DeviceUpdateBody,
  DeviceWithTokenSchema,
  HeartbeatHeaders,
  StateChangeSchema,
} from './devices.schema';
import type { DevicesService } from './devices.service';
import type { HeartbeatBuffer } from './heartbeat-buffer';
import { staffRoles } from './stream-access';

/** Who registers and changes devices (narrowed to their agency by the service). */
const managers: Access = { roles: ['system_admin', 'agency_admin', 'officer'] };

type CreateBody = Static<typeof DeviceCreateBody>;

function fieldsOf(body: CreateBody): DeviceFields {
  const contributed = body.type === 'contributed_camera';
  return {
    type: body.type,
    name: body.name,
    code: body.code ?? null,
    agencyId: body.agencyId ?? null,
    adminUnitCode: body.adminUnitCode ?? null,
    location: body.location ?? null,
    address: body.address ?? null,
    streamUrl: body.streamUrl ?? null,
    // A contributed camera's stream stays with its owner unless the operator decides otherwise.
    streamAccess: body.streamAccess ?? (contributed ? 'owner' : 'operators'),
    ownerKind: body.ownerKind ?? (contributed ? 'citizen' : 'city'),
    ownerName: body.ownerName ?? null,
    ownerUserId: body.ownerUserId ?? null,
    consentAt: body.consentAt ?? null,
    consentReference: body.consentReference ?? null,
    thingId: body.thingId ?? null,
    monitored: body.monitored ?? true,
    heartbeatIntervalSeconds: body.heartbeatIntervalSeconds ?? 30,
    note: body.note ?? null,
  };
}

/** /api/v1/sensors/devices: the registry (CRUD for managers, reads by visibility) and HTTP heartbeats. */
export const devicesRoutes: TypedPlugin<{
  devices: DevicesService;
  heartbeats: HeartbeatBuffer;
  publicRatePerMinute: number;
}> = async (app, { devices, heartbeats, publicRatePerMinute }) => {
  const tags = ['sensors'];

  app.get(
    '/devices',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Devices and cameras (anonymous callers: public cameras and non-camera devices)',
        querystring: DeviceListQuery,
        response: { 200: Page(DeviceSchema), ...commonErrorResponses },
      },
    },
    async (request) => {
      const { items, total } = await devices.list(request.query, request.principal);
      return {
        items: items.map((device) => presentDevice(device, request.principal)),
        total,
        limit: request.query.limit,
        offset: request.query.offset,
      };
    },
  );

  app.get(
    '/devices/:id',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'One device; the stream URL only for callers at its access level',
        params: IdParams,
        response: { 200: DeviceSchema, ...commonErrorResponses },
      },
    },
    async (request) =>
      presentDevice(await devices.get(request.params.id, request.principal), request.principal),
  );

  app.get(
    '/devices/:id/state-changes',
    {
      config: { access: { roles: staffRoles } },
      schema: {
        tags,
        summary: 'Online/offline history of a device, newest first',
        params: IdParams,
        querystring: Type.Object(
          { limit: Type.Integer({ minimum: 1, maximum: 500, default: 100 }) },
          { additionalProperties: false },
        ),
        response: { 200: Type.Array(StateChangeSchema), ...commonErrorResponses },
      },
    },
    async (request) => {
      const changes = await devices.stateChanges(request.params.id, request.principal, request.query.limit);
      return changes.map((change) => ({
        from: change.from,
        to: change.to,
        changedAt: change.changedAt.toISOString(),
        lastSeenAt: change.lastSeenAt?.toISOString() ?? null,
      }));
    },
  );

  app.post(
    '/devices',
    {
      config: { access: managers },
      schema: {
        tags,
        summary: 'Register a device; answers its heartbeat token once',
        body: DeviceCreateBody,
        response: { 201: DeviceWithTokenSchema, ...commonErrorResponses },
      },
    },
    async (request, reply) => {
      const principal = requirePrincipal(request);
      const { device, token } = await devices.create(
        principal,
        fieldsOf(request.body),
        principal.actor(clientIp(request)),
      );
      return reply.status(201).send({ device: presentDevice(device, principal), token });
    },
  );

  app.patch(
    '/devices/:id',
    {
      config: { access: managers },
      schema: {
        tags,
        summary: 'Change a device',
        params: IdParams,
        body: DeviceUpdateBody,
        response: { 200: DeviceSchema, ...commonErrorResponses },
      },
    },
    async (request) => {
      const principal = requirePrincipal(request);
      const updated = await devices.update(
        principal,
        request.params.id,
        request.body,
        principal.actor(clientIp(request)),
      );
      return presentDevice(updated, principal);
    },
  );

  app.delete(
    '/devices/:id',
    {
      config: { access: managers },
      schema: {
        tags,
        summary: 'Remove a device',
        params: IdParams,
        response: { 204: Type.Null(), ...commonErrorResponses },
      },
    },
    async (request, reply) => {
      const principal = requirePrincipal(request);
      await devices.delete(principal, request.params.id, principal.actor(clientIp(request)));
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/devices/:id/token',
    {
      config: { access: managers },
      schema: {
        tags,
        summary: 'Issue a new heartbeat token (the old one stops working)',
        params: IdParams,
        response: { 200: DeviceWithTokenSchema, ...commonErrorResponses },
      },
    },
    async (request) => {
      const principal = requirePrincipal(request);
      const token = await devices.rotateToken(
        principal,
        request.params.id,
        principal.actor(clientIp(request)),
      );
      return { device: presentDevice(await devices.get(request.params.id, principal), principal), token };
    },
  );

  app.post(
    '/devices/:id/heartbeat',
    {
      // Public: the device proves itself with its own token (X-Device-Token), not a staff account.
      config: { access: 'public', rateLimit: { max: publicRatePerMinute, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'Heartbeat of a device (or POST to MQTT citydx/devices/{id}/heartbeat)',
        description:
          'Answers once last_seen_at is written (batched, within about a second). Any body is ignored.',
        params: IdParams,
        headers: HeartbeatHeaders,
        response: { 204: Type.Null(), ...commonErrorResponses },
      },
    },
    async (request, reply) => {
      const outcome = await heartbeats.add(
        request.params.id,
        deviceTokenHash(request.headers['x-device-token']),
      );
      if (outcome === 'rejected') throw new AppError(devicesErrors.DEVICE_TOKEN_INVALID);
      if (outcome === 'unavailable') throw new AppError(platformErrors.UNAVAILABLE);
      return reply.status(204).send(null);
    },
  );
};
