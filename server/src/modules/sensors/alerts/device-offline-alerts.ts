import type { Db } from '../../../platform/db/database';
import type { DeliveredEvent } from '../../../platform/events/outbox';
import { decide } from './alert-conditions';
import { lockStates, offlineRulesFor, saveStates, stateKey, type StoredState } from './alert-states.repo';
import { deviceKey, deviceSubject } from './alert-subjects.repo';
import type { AlertTransitions } from './alert-transitions';

/** The part of the device registry's status events (devices/device-status.job.ts) this reads. */
interface DeviceStatusPayload {
  readonly deviceId?: unknown;
  readonly type?: unknown;
  readonly to?: unknown;
  readonly changedAt?: unknown;
}

/**
 * DEVICE_OFFLINE rules follow the device registry's own judgement (which already has its hysteresis:
 * missed heartbeats to go offline, a streak of them to come back): `sensors.device.offline` raises,
 * `sensors.device.online` clears. Handlers run at least once: a repeated event finds the state
 * already flipped and does nothing. Runs outside any transaction and opens its own.
 */
export function deviceStatusHandler(
  db: Db,
  transitions: AlertTransitions,
  now: () => Date = () => new Date(),
) {
  return async (event: DeliveredEvent): Promise<void> => {
    const payload = event.payload as DeviceStatusPayload;
    if (typeof payload.deviceId !== 'string' || typeof payload.type !== 'string') return;
    const deviceId = payload.deviceId;
    const condition = payload.to === 'offline' ? 'raise' : payload.to === 'online' ? 'clear' : 'hold';
    const at = typeof payload.changedAt === 'string' ? new Date(payload.changedAt) : now();
    await db.transaction().execute(async (trx) => {
      const rules = await offlineRulesFor(trx, payload.type as string);
      const subject = rules.length > 0 ? await deviceSubject(trx, deviceId) : undefined;
      if (!subject) return;
      const refs = rules.map((rule) => ({
        ruleId: rule.id,
        subjectKey: deviceKey(deviceId),
        datastreamId: null,
        deviceId,
      }));
      const states = await lockStates(trx, refs);
      const saved: StoredState[] = [];
      for (const rule of rules) {
        const state = states.get(stateKey(rule.id, subject.key));
        if (!state) continue;
        const decision = decide(state, condition, at, 0);
        let incidentId = state.incidentId;
        const reading = { value: payload.to ?? null, phenomenonTime: null };
        if (decision.transition === 'raise')
          incidentId = await transitions.raise(trx, rule, subject, reading, now());
        if (decision.transition === 'clear')
          await transitions.clear(trx, rule, subject, incidentId, reading, now());
        saved.push({ ...state, raised: decision.raised, pendingSince: null, lastTime: at, incidentId });
      }
      await saveStates(trx, saved, now());
    });
  };
}
