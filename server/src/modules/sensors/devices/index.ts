/**
 * The device and camera registry inside the sensors module (not a module door: sensors/index.ts is).
 * @packageDocumentation
 */
export { devicesPart, type DevicesPart, type DevicesPlatform } from './devices-part';
export { deviceEventTypes, type DeviceStatusEvent } from './device-status.job';
export { HEARTBEAT_TOPIC_FILTER } from './mqtt-heartbeats';
