/** A camera on the map: where it is and whether it answers. */
export interface MapPoint {
  readonly id: string;
  readonly lat: number;
  readonly lon: number;
  readonly online: boolean;
  readonly offline: boolean;
}

export interface Cluster {
  readonly lat: number;
  readonly lon: number;
  readonly count: number;
  readonly online: number;
  readonly offline: number;
  /** The point itself when the cell holds only one. */
  readonly single: MapPoint | null;
}

/**
 * Grid clustering in screen space: every point is projected to pixels at the current zoom and points
 * sharing a `cellPx` square become one cluster at their mean position. Linear in the points (36,500
 * cameras re-cluster in a few milliseconds on every zoom), no dependency.
 */
export function clusterPoints(
  points: readonly MapPoint[],
  project: (lat: number, lon: number) => { readonly x: number; readonly y: number },
  cellPx: number,
): Cluster[] {
  const cells = new Map<
    string,
    { lat: number; lon: number; count: number; online: number; offline: number; first: MapPoint }
  >();
  for (const point of points) {
    const { x, y } = project(point.lat, point.lon);
    const key = `${Math.floor(x / cellPx)}:${Math.floor(y / cellPx)}`;
    const cell = cells.get(key);
    if (cell) {
      cell.lat += point.lat;
      cell.lon += point.lon;
      cell.count += 1;
      cell.online += point.online ? 1 : 0;
      cell.offline += point.offline ? 1 : 0;
    } else
      cells.set(key, {
        lat: point.lat,
        lon: point.lon,
        count: 1,
        online: point.online ? 1 : 0,
        offline: point.offline ? 1 : 0,
        first: point,
      });
  }
  return [...cells.values()].map((cell) => ({
    lat: cell.lat / cell.count,
    lon: cell.lon / cell.count,
    count: cell.count,
    online: cell.online,
    offline: cell.offline,
    single: cell.count === 1 ? cell.first : null,
  }));
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
