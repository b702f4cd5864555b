import type { MqttMessage, PlatformMqtt } from '../../../platform/mqtt';
import { deviceTokenHash } from './device-token';
import type { HeartbeatBuffer } from './heartbeat-buffer';

/** Devices publish `{"token":"dvt_…"}` here, QoS 0 or 1; `{id}` is the device's UUID (docs/mqtt.md). */
export const HEARTBEAT_TOPIC_FILTER = 'citydx/devices/+/heartbeat';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_PAYLOAD_BYTES = 1024;

/** The token of a well-formed heartbeat, or why it is malformed. */
export function parseHeartbeat(
  message: MqttMessage,
): { deviceId: string; token: string } | { problem: string } {
  const deviceId = message.topic.split('/')[2] ?? '';
  if (!UUID.test(deviceId)) return { problem: 'device id in the topic is not a UUID' };
  if (message.payload.length > MAX_PAYLOAD_BYTES) return { problem: 'payload larger than 1 KiB' };
  let body: unknown;
  try {
    body = JSON.parse(message.payload.toString('utf8'));
  } catch {
    return { problem: 'payload is not JSON' };
  }
  const token = (body as { token?: unknown } | null)?.token;
  if (typeof token !== 'string' || token.length === 0 || token.length > 200)
    return { problem: 'payload has no "token" string' };
  return { deviceId: deviceId.toLowerCase(), token };
}

/**
 * Subscribes the heartbeat topic. A heartbeat is acknowledged once it is in the buffer, not after the
 * batch is written: over an external broker messages are handled one at a time, and waiting a second
 * per heartbeat would cap a process at one heartbeat a second. Losing a buffered heartbeat costs
 * nothing the next one does not repair. Bad payloads, unknown devices and wrong tokens are reported
 * as malformed (counted, logged); none is an error, so none is delivered again.
 */
export async function subscribeHeartbeats(
  mqtt: PlatformMqtt,
  buffer: HeartbeatBuffer,
): Promise<() => Promise<void>> {
  return mqtt.subscribe(
    HEARTBEAT_TOPIC_FILTER,
    async (message) => {
      const parsed = parseHeartbeat(message);
      if ('problem' in parsed) return mqtt.malformed(message, parsed.problem);
      void buffer.add(parsed.deviceId, deviceTokenHash(parsed.token)).then((outcome) => {
        if (outcome === 'rejected') mqtt.malformed(message, 'unknown device or wrong token');
      });
    },
    // The payload carries the device's token: never forwarded to other subscribers.
    { private: true },
  );
}
