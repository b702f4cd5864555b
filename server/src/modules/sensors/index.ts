/**
 * The `sensors` module's public door: other code imports only from here.
 * @packageDocumentation
 */
export { createSensorsModule, type SensorsApi } from './sensors.module';
export type { ObservationInput, ObservationOutcome, RecordOptions } from './observations.service';
export type {
  AlertClearedEvent,
  AlertMessage,
  AlertNotifier,
  AlertRaisedEvent,
  AlertTemplate,
} from './alerts';
export { parseSimulatorArgs, runSimulator, simulatorUsage, UsageError } from './simulator';
