import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, createUserWithToken, type TestApp } from '../../../../test/app';
import { postStation, record, sensorsApi } from '../aggregates/aggregates.test-support';
import { staClient } from '../testing/sta-client';

interface SseEvent {
  readonly event: string;
  readonly data: unknown;
}

/** A real HTTP client of the stream: collects parsed events until told to stop. */
async function openStream(url: string) {
  const controller = new AbortController();
  const response = await fetch(url, { signal: controller.signal });
  const events: SseEvent[] = [];
  const comments: string[] = [];
  const reading = (async () => {
    if (!response.body) return;
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of response.body) {
        buffer += decoder.decode(chunk as Uint8Array, { stream: true });
        let end = buffer.indexOf('\n\n');
        while (end >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const lines = block.split('\n');
          comments.push(...lines.filter((line) => line.startsWith(':')));
          const name = lines.find((line) => line.startsWith('event: '))?.slice(7);
          const data = lines.find((line) => line.startsWith('data: '))?.slice(6);
          if (name && data !== undefined) events.push({ event: name, data: JSON.parse(data) });
          end = buffer.indexOf('\n\n');
        }
      }
    } catch {
      // aborted
    }
  })();
  return {
    response,
    events,
    async waitFor(predicate: (event: SseEvent) => boolean, timeoutMs = 5000): Promise<SseEvent> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = events.find(predicate);
        if (found) return found;
        if (Date.now() > deadline) throw new Error(`no matching event in ${JSON.stringify(events)}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    async close() {
      controller.abort();
      await reading;
    },
  };
}

describe('GET /api/v1/sensors/live (Server-Sent Events)', () => {
  let t: TestApp;
  let base: string;
  let datastreamId: number;

  beforeAll(async () => {
    t = await buildTestApp();
    const { token } = await createUserWithToken(t.citydx, [{ role: 'system_admin', agencyId: null }]);
    datastreamId = (await postStation(staClient(t, token), 'Cẩm Lệ', ['pm25'])).pm25 ?? 0;
    base = await t.citydx.app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(() => t.close());

  it('streams new latest values, published events and outbox events to a connected client', async () => {
    const stream = await openStream(`${base}/api/v1/sensors/live`);
    expect(stream.response.status).toBe(200);
    expect(stream.response.headers.get('content-type')).toContain('text/event-stream');
    await stream.waitFor((event) => event.event === 'ready');
    // Let the first poll set its starting point, then write an observation.
    await new Promise((resolve) => setTimeout(resolve, 1200));
    const [observationId] = await record(t, [{ datastreamId, phenomenonTime: new Date(), result: 12.5 }]);
    const observations = await stream.waitFor((event) => event.event === 'observations');
    expect(observations.data).toEqual([
      expect.objectContaining({ datastreamId, observationId, result: 12.5 }),
    ]);

    sensorsApi(t).live.publish('incident', { id: 'sự cố 1' });
    expect((await stream.waitFor((event) => event.event === 'incident')).data).toEqual({ id: 'sự cố 1' });

    // Across processes: an outbox event, dispatched by whichever process, reaches every process's clients.
    const { events } = t.citydx.platform;
    await events.publish(t.database.db, { type: 'sensors.device.offline', payload: { deviceId: 'd-1' } });
    await events.dispatchPending();
    await events.dispatchPending(); // redelivery is harmless: the copy is keyed by the event id
    const offline = await stream.waitFor((event) => event.event === 'sensors.device.offline');
    expect(offline.data).toEqual({ deviceId: 'd-1' });
    await new Promise((resolve) => setTimeout(resolve, 1200));
    expect(stream.events.filter((event) => event.event === 'sensors.device.offline')).toHaveLength(1);
    await stream.close();
  });

  it('caps connections per address with a JSON 429, and frees a slot when a client leaves', async () => {
    const streams = [];
    for (let index = 0; index < 10; index += 1) streams.push(await openStream(`${base}/api/v1/sensors/live`));
    expect(streams.every((stream) => stream.response.status === 200)).toBe(true);
    const refused = await fetch(`${base}/api/v1/sensors/live`);
    expect(refused.status).toBe(429);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe(
      'SENSORS_LIVE_TOO_MANY_FROM_IP',
    );
    await streams.pop()?.close();
    await new Promise((resolve) => setTimeout(resolve, 200));
    const again = await openStream(`${base}/api/v1/sensors/live`);
    expect(again.response.status).toBe(200);
    await Promise.all([...streams, again].map((stream) => stream.close()));
  });
});
