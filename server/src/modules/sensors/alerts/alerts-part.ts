import type { FastifyPluginAsync } from 'fastify';
import type { JobDefinition } from '../../../platform/jobs/scheduler';
import type { PlatformServices } from '../../../platform/module-contract';
import { AlertEvaluator } from './alert-evaluator';
import type { AlertNotifier } from './alert-notifier.port';
import { alertRulesRoutes } from './alert-rules.routes';
import { AlertRulesService } from './alert-rules.service';
import { alertTemplates } from './alert.templates';
import { AlertTransitions } from './alert-transitions';
import { alertsErrors } from './alerts.errors';
import { loadAlertSamples } from './alerts.demo';
import { deviceStatusHandler } from './device-offline-alerts';
import { incidentsRoutes } from './incidents.routes';
import { IncidentsService } from './incidents.service';

export type AlertsPlatform = Pick<PlatformServices, 'config' | 'db' | 'audit' | 'events' | 'agencies'>;

// Ingest evaluation runs from a queue the datastream_latest trigger fills (see the migration): a
// few seconds of latency buy ingest that never waits on rule evaluation.
const EVALUATE_SECONDS = 5;
const FROZEN_SECONDS = 60;

export interface AlertsPart {
  /** Routes under the module's prefix (/api/v1/sensors); subscribes the device status events. */
  readonly plugin: FastifyPluginAsync;
  readonly jobs: readonly JobDefinition[];
  readonly errors: typeof alertsErrors;
  loadDemo(): Promise<void>;
}

/**
 * Alert rules, their evaluation and the incidents they open, as one part of the sensors module:
 * sensors.module.ts spreads `plugin`, `jobs`, `errors` and `loadDemo` into the module it returns.
 * `notifier` tells operators (optional: without it alerts still open incidents and publish events).
 */
export function alertsPart(platform: AlertsPlatform, notifier?: AlertNotifier): AlertsPart {
  const rules = new AlertRulesService(platform.db, platform.audit);
  const incidents = new IncidentsService(platform.db, platform.audit, platform.agencies, platform.events);
  const consoleUrl = (platform.config?.publicUrl ?? '').replace(/\/$/, '');
  const transitions = new AlertTransitions(platform.db, platform.events, notifier, consoleUrl);
  const evaluator = new AlertEvaluator(platform.db, transitions);
  notifier?.registerTemplates(alertTemplates);

  const plugin: FastifyPluginAsync = async (app) => {
    const onStatus = deviceStatusHandler(platform.db, transitions);
    platform.events.subscribe('sensors.device.offline', onStatus);
    platform.events.subscribe('sensors.device.online', onStatus);
    await app.register(alertRulesRoutes, { rules });
    await app.register(incidentsRoutes, { incidents });
  };

  return {
    plugin,
    jobs: [
      {
        name: 'sensors.alerts.evaluate',
        intervalSeconds: EVALUATE_SECONDS,
        run: async () => void (await evaluator.evaluateQueued()),
      },
      {
        name: 'sensors.alerts.frozen',
        intervalSeconds: FROZEN_SECONDS,
        run: async () => void (await evaluator.evaluateFrozen()),
      },
    ],
    errors: alertsErrors,
    loadDemo: () => loadAlertSamples(platform.db, platform.audit),
  };
}
