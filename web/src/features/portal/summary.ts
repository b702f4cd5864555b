import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api';

export interface ServiceFigure {
  readonly key: string;
  readonly label: { readonly vi: string; readonly en: string };
  readonly count: number;
  readonly href: string;
}

export interface PlatformSummary {
  readonly version: string;
  readonly services: ServiceFigure[];
}

/** What this installation offers, with live counts: the server lists only services that have data. */
export function usePlatformSummary() {
  return useQuery({
    queryKey: ['platform', 'summary'],
    queryFn: () => api<PlatformSummary>('/api/v1/platform/summary'),
  });
}
