/**
 * `citydx simulate`: simulated readings for the demo stations over MQTT (docs/simulator.md).
 * @packageDocumentation
 */
export { runSimulator, type SimulatorSummary } from './simulator';
export { parseSimulatorArgs, simulatorUsage, UsageError, type SimulatorOptions } from './simulator-options';
