import { useEffect, useRef, useState } from 'react';

export const LIVE_URL = '/api/v1/sensors/live';

/** One latest value of the `observations` event (server: sensors/live/live.repo.ts). */
export interface LiveObservation {
  readonly datastreamId: number;
  readonly observationId: number;
  readonly phenomenonTime: string;
  readonly result: unknown;
}

export type LiveStatus = 'connecting' | 'live' | 'reconnecting';

export interface LiveHandlers {
  readonly onObservations?: (values: readonly LiveObservation[]) => void;
  /** Any other named event (sensors.alert.raised, sensors.device.offline, …). */
  readonly onEvent?: (kind: string, payload: unknown) => void;
  /** The stream is back after a break: what happened meanwhile was missed, so reload what is shown. */
  readonly onReconnected?: () => void;
}

/** Events the wall listens to besides `observations` (EventSource needs each name). */
export const liveEventKinds = [
  'sensors.alert.raised',
  'sensors.alert.cleared',
  'sensors.incident.updated',
  'sensors.device.offline',
  'sensors.device.online',
] as const;

const FIRST_RETRY_MS = 1000;
const MAX_RETRY_MS = 30_000;

/** The delay before reconnect attempt `attempt` (0, 1, …): doubling from 1 s up to 30 s, with jitter. */
export function retryDelay(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** attempt);
  return Math.round(base * (0.75 + random() * 0.5));
}

/**
 * The IOC live feed (Server-Sent Events). The browser's own EventSource retry is replaced by ours: on an
 * error the stream is closed and opened again after a growing delay, so a server that is down is not
 * hammered, and the wall can say "reconnecting" and reload once it is back.
 */
export function useLiveFeed(handlers: LiveHandlers, url: string = LIVE_URL): LiveStatus {
  const [status, setStatus] = useState<LiveStatus>('connecting');
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });

  useEffect(() => {
    let source: EventSource | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let attempt = 0;
    let everOpen = false;
    let stopped = false;

    const parse = (event: MessageEvent<string>): unknown => {
      try {
        return JSON.parse(event.data);
      } catch {
        return null;
      }
    };

    const connect = () => {
      if (stopped) return;
      source = new EventSource(url);
      source.addEventListener('ready', () => {
        attempt = 0;
        setStatus('live');
        if (everOpen) latest.current.onReconnected?.();
        everOpen = true;
      });
      source.addEventListener('observations', (event) => {
        const values = parse(event as MessageEvent<string>);
        if (Array.isArray(values)) latest.current.onObservations?.(values as LiveObservation[]);
      });
      for (const kind of liveEventKinds)
        source.addEventListener(kind, (event) =>
          latest.current.onEvent?.(kind, parse(event as MessageEvent<string>)),
        );
      source.onerror = () => {
        source?.close();
        source = null;
        if (stopped) return;
        setStatus(everOpen ? 'reconnecting' : 'connecting');
        timer = setTimeout(connect, retryDelay(attempt));
        attempt += 1;
      };
    };

    connect();
    return () => {
      stopped = true;
      clearTimeout(timer);
      source?.close();
    };
  }, [url]);

  return status;
}
