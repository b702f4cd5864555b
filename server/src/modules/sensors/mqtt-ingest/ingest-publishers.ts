import { sql, type Kysely } from 'kysely';
import type { Principal } from '../../../platform/auth/principal';
import type { Role } from '../../../platform/auth/roles';
import type { Db } from '../../../platform/db/database';
import type { MqttCredentials, MqttSender } from '../../../platform/mqtt';
import { deviceTokenHash } from '../devices/device-token';

/** Who may publish observations: the roles STA writes need over HTTP (sta.routes.ts). */
export const PUBLISHER_ROLES: readonly Role[] = ['system_admin', 'data_publisher'];

/** How long an integration's API token is trusted before it is checked again (revocation, roles). */
const RECHECK_TOKEN_MS = 60_000;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A device of the registry (user name = its id, password = its `dvt_` token): its own Thing only. */
export class DevicePublisher {
  constructor(
    readonly deviceId: string,
    readonly tokenHash: string,
  ) {}
}

/** An integration (password = a `cdx_` API token of a system administrator or data publisher). */
export class IntegrationPublisher {
  constructor(
    readonly token: string,
    public principal: Principal | null,
    public checkedAt: number,
  ) {}
}

/**
 * The sender as the ingest sees it: trusted (the platform itself, or any client of an external broker,
 * whose ACL decides), a device, an integration, or nobody (anonymous: refused).
 */
export type Publisher =
  | { readonly kind: 'trusted' }
  | { readonly kind: 'device'; readonly device: DevicePublisher }
  | { readonly kind: 'integration'; readonly integration: IntegrationPublisher }
  | { readonly kind: 'anonymous' };

export function publisherOf(sender: MqttSender | undefined): Publisher {
  if (sender === undefined || sender.kind === 'platform') return { kind: 'trusted' };
  if (sender.kind === 'anonymous') return { kind: 'anonymous' };
  if (sender.identity instanceof DevicePublisher) return { kind: 'device', device: sender.identity };
  if (sender.identity instanceof IntegrationPublisher)
    return { kind: 'integration', integration: sender.identity };
  // Authenticated by another module's authenticator: not a publisher of observations.
  return { kind: 'anonymous' };
}

export interface TokenCheck {
  principalForToken(token: string): Promise<Principal | null>;
}

/**
 * The embedded broker's CONNECT check for observation publishers: a device id with its `dvt_` token,
 * or any user name with a `cdx_` API token. Returns null for other credentials (refused).
 */
export function observationAuthenticator(db: Db, auth: TokenCheck) {
  return async (credentials: MqttCredentials): Promise<DevicePublisher | IntegrationPublisher | null> => {
    const password = credentials.password?.toString('utf8') ?? '';
    if (password.length === 0 || password.length > 200) return null;
    if (password.startsWith('dvt_')) {
      const deviceId = credentials.username ?? '';
      if (!UUID.test(deviceId)) return null;
      const hash = deviceTokenHash(password);
      const { rows } = await sql<{ id: string }>`select id from sensors.devices
        where id = ${deviceId.toLowerCase()}::uuid and token_hash = ${hash}`.execute(db);
      return rows.length ? new DevicePublisher(deviceId.toLowerCase(), hash) : null;
    }
    const principal = await auth.principalForToken(password);
    return principal ? new IntegrationPublisher(password, principal, Date.now()) : null;
  };
}

/** Checks again, outside any transaction, the API tokens not checked for a while (revoked, roles changed). */
export async function recheckIntegrations(
  integrations: Iterable<IntegrationPublisher>,
  auth: TokenCheck,
  now = Date.now(),
): Promise<void> {
  for (const integration of new Set(integrations)) {
    if (now - integration.checkedAt < RECHECK_TOKEN_MS) continue;
    integration.principal = await auth.principalForToken(integration.token);
    integration.checkedAt = now;
  }
}

export function mayPublishAnywhere(publisher: Publisher): boolean {
  if (publisher.kind === 'trusted') return true;
  return publisher.kind === 'integration' && !!publisher.integration.principal?.hasAnyRole(PUBLISHER_ROLES);
}

/**
 * For devices: which of the datastreams each may publish to (those of the Thing it is linked to), with
 * its token checked again in the same transaction. Keyed `deviceId:datastreamId`.
 */
export async function deviceGrants(
  trx: Kysely<unknown>,
  devices: readonly DevicePublisher[],
  datastreamIds: readonly number[],
): Promise<Set<string>> {
  if (devices.length === 0 || datastreamIds.length === 0) return new Set();
  const pairs = sql.join(devices.map((d) => sql`(${d.deviceId}::uuid, ${d.tokenHash}::text)`));
  const ids = sql.join(datastreamIds.map((id) => sql`${id}::bigint`));
  const { rows } = await sql<{ device_id: string; datastream_id: number }>`
    with publishers (device_id, token_hash) as (values ${pairs})
    select d.id as device_id, ds.id as datastream_id
    from publishers p
    join sensors.devices d on d.id = p.device_id and d.token_hash = p.token_hash
    join sensors.datastreams ds on ds.thing_id = d.thing_id
    where ds.id in (${ids})`.execute(trx);
  return new Set(rows.map((row) => `${row.device_id}:${Number(row.datastream_id)}`));
}
