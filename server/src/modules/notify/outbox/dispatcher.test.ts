import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createChannels } from '../channels/create-channels';
import { deliveryDefaults, resolveNotifyOptions, type DeliveryOptions } from '../notify.options';
import { PreferencesRepo } from '../preferences/preferences.repo';
import { buildNotifyTestApp, type NotifyTestApp } from '../testing/notify-test-app';
import { startProviderServer, type ProviderServer } from '../testing/provider-server';
import { DeliveryDispatcher } from './dispatcher';

type Detail = {
  status: string;
  attempts: number;
  provider: string | null;
  lastError: string | null;
  history: { attempt: number; outcome: string | null; error: string | null }[];
};

describe('delivery dispatcher', () => {
  let gateway: ProviderServer;
  let t: NotifyTestApp;
  let admin: string;
  let sequence = 0;

  beforeAll(async () => {
    gateway = await startProviderServer({ status: 200, body: { id: 'gw' } });
    t = await buildNotifyTestApp({ sms: { gatewayUrl: gateway.url } }, (api) =>
      api.registerTemplates({ 'test.hello': { vi: { text: 'Xin chào {n}' }, en: { text: 'Hello {n}' } } }),
    );
    admin = await t.bearer([{ role: 'system_admin', agencyId: null }]);
  });
  afterAll(async () => {
    await t?.close();
    await gateway?.close();
  });

  // Another app process: its own dispatcher over the same database and gateway.
  const otherProcess = (options: Partial<DeliveryOptions>) =>
    new DeliveryDispatcher({
      db: t.database.db,
      preferences: new PreferencesRepo(t.database.db),
      channels: createChannels(
        resolveNotifyOptions({ publicUrl: 'https://citydx.test', sms: { gatewayUrl: gateway.url } }),
        t.app.log,
      ),
      logger: t.app.log,
      options: { ...deliveryDefaults, ...options },
    });
  const send = (extra: { idempotencyKey?: string; topic?: string; address?: string } = {}) => {
    sequence += 1;
    return t.module.api.send(t.database.db, {
      recipient: {
        channel: 'sms',
        address: extra.address ?? `+8490500${String(sequence).padStart(4, '0')}`,
        locale: 'vi',
      },
      template: 'test.hello',
      params: { n: sequence },
      topic: extra.topic ?? 'test.hello',
      ...(extra.idempotencyKey ? { idempotencyKey: extra.idempotencyKey } : {}),
    });
  };
  const detail = async (id: string) =>
    (
      await t.app.inject({
        method: 'GET',
        url: `/api/v1/notify/messages/${id}`,
        headers: { authorization: admin },
      })
    ).json<Detail>();

  it('retries a message whose process died after claiming it, once its lease has expired', async () => {
    const { id } = await send();
    const crashed = otherProcess({ leaseSeconds: 1 });
    const survivor = otherProcess({ leaseSeconds: 60 });
    const [claimed] = await crashed.claim();
    expect(claimed?.id).toBe(id);
    const before = gateway.requests.length;
    expect(await survivor.deliverDue()).toBe(0); // leased: nobody else touches it
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect(await survivor.deliverDue()).toBe(1);
    expect(gateway.requests.length).toBe(before + 1);
    const sent = await detail(id);
    expect(sent).toMatchObject({ status: 'sent', attempts: 2 });
    expect(sent.history.map((attempt) => [attempt.attempt, attempt.outcome])).toEqual([
      [1, 'abandoned'],
      [2, 'sent'],
    ]);
    // The first process comes back to life: its claim is gone, so it neither sends nor overwrites.
    if (claimed) await crashed.deliverClaimed(claimed);
    expect(gateway.requests.length).toBe(before + 1);
    expect(await detail(id)).toMatchObject({ status: 'sent', attempts: 2 });
  });

  it('never hands the same message to two processes claiming at once', async () => {
    const ids = await Promise.all([send(), send(), send(), send(), send()]).then((all) =>
      all.map((m) => m.id),
    );
    const processes = [
      otherProcess({ batchSize: 2 }),
      otherProcess({ batchSize: 2 }),
      otherProcess({ batchSize: 2 }),
    ];
    const claims = await Promise.all(processes.map((dispatcher) => dispatcher.claim()));
    const claimed = claims.flat().map((message) => message.id);
    expect(new Set(claimed).size).toBe(claimed.length);
    expect([...claimed].sort()).toEqual([...ids].sort());
    await Promise.all(
      claims.flatMap((batch, index) => batch.map((m) => processes[index]?.deliverClaimed(m))),
    );
    for (const id of ids) expect((await detail(id)).status).toBe('sent');
  });

  it('suppresses a message whose recipient opted out before it was sent or while it waited', async () => {
    const address = '+84905999999';
    const waiting = await send({ address, topic: 'feedback.status_changed' });
    const put = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/notify/preferences',
      headers: { authorization: admin },
      payload: { channel: 'sms', address: '0905 999 999', topic: 'feedback.status_changed', optedOut: true },
    });
    expect(put.statusCode).toBe(200);
    const later = await send({ address, topic: 'feedback.status_changed' });
    expect(later.status).toBe('suppressed');
    const other = await send({ address, topic: 'feedback.other' });
    expect(other.status).toBe('queued');
    const before = gateway.requests.length;
    await t.deliver();
    expect(await detail(waiting.id)).toMatchObject({
      status: 'suppressed',
      lastError: 'recipient opted out',
    });
    expect(await detail(other.id)).toMatchObject({ status: 'sent' });
    expect(gateway.requests.length).toBe(before + 1);
  });

  it('writes one message for one idempotency key', async () => {
    const first = await send({ idempotencyKey: 'event-42:sms' });
    const again = await send({ idempotencyKey: 'event-42:sms' });
    expect(again.id).toBe(first.id);
  });
});

describe('a channel without a provider', () => {
  it('keeps the message in the outbox log, marked as delivered by the log', async () => {
    const t = await buildNotifyTestApp({}, (api) =>
      api.registerTemplates({ 'test.hello': { vi: { text: 'Xin chào' }, en: { text: 'Hello' } } }),
    );
    try {
      const admin = await t.bearer([{ role: 'call_center_operator', agencyId: null }]);
      const { id } = await t.module.api.send(t.database.db, {
        recipient: { channel: 'zalo', address: '8402937164525372818', locale: 'vi' },
        template: 'test.hello',
        topic: 'test.hello',
      });
      await t.deliver();
      const response = await t.app.inject({
        method: 'GET',
        url: `/api/v1/notify/messages/${id}`,
        headers: { authorization: admin },
      });
      expect(response.json()).toMatchObject({
        status: 'sent',
        provider: 'log',
        providerMessageId: null,
        body: 'Xin chào',
      });
    } finally {
      await t.close();
    }
  });
});
