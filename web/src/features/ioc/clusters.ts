/** A camera on the map: where it is and whether it answers. */
export interface MapPoint {
  readonly id: string;
  readonly lat: number;
  readonly lon: number;
  readonly online: boolean;
  readonly offline: boolean;
}

/** Cameras sharing a grid cell at the map's zoom, as the server counts them. */
export interface Cluster {
  readonly id: string;
  readonly lat: number;
  readonly lon: number;
  readonly count: number;
  readonly online: number;
  readonly offline: number;
}

/** The colour of a cluster by the share of its cameras online (white text reads on each, ≥ 4.5:1). */
export function clusterColour(cluster: Pick<Cluster, 'online' | 'offline'>): string {
  const judged = cluster.online + cluster.offline;
  if (judged === 0) return '#495057';
  const share = cluster.online / judged;
  if (share >= 0.9) return '#2b7a36';
  if (share >= 0.7) return '#8a6200';
  return '#c92a2a';
}
