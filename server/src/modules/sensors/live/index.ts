/**
 * The live feed inside the sensors module (not a module door: sensors/index.ts is).
 * @packageDocumentation
 */
export { livePart, type LivePart, type LivePlatform } from './live-part';
export type { LiveFeed } from './live-feed';
