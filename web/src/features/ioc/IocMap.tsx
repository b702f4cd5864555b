import 'leaflet/dist/leaflet.css';
import L from 'leaflet';
import { useEffect, useRef } from 'react';
import { clusterColour, type Cluster, type MapPoint } from './clusters';
import type { MapView } from './ioc.api';
import './ioc.css';

/**
 * The one place the wall's base map is configured. The server exposes no map setting, so the tile URL
 * comes from the build (VITE_MAP_TILE_URL, as the other maps of the web app); OpenStreetMap otherwise.
 */
export const tileUrl = import.meta.env.VITE_MAP_TILE_URL || 'https://tile.openstreetmap.org/{z}/{x}/{y}.png';
const attribution = import.meta.env.VITE_MAP_ATTRIBUTION || '&copy; OpenStreetMap contributors';
/** Central Đà Nẵng. */
export const cityCentre: L.LatLngTuple = [16.054, 108.202];
/** The view reported for loading is this much larger on each side, so a small pan needs no reload. */
const VIEW_PADDING = 0.25;

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

interface MarkerBase {
  readonly id: string;
  readonly lat: number;
  readonly lon: number;
  /** Accessible name of a focusable marker, and its tooltip. */
  readonly label: string;
  readonly popup?: string;
  readonly onSelect?: () => void;
}

/** A labelled, focusable marker (an HTML icon: a value or an index in a coloured box). */
export interface IconMarker extends MarkerBase {
  readonly kind: 'icon';
  readonly html: string;
  readonly className: string;
  readonly size: [number, number];
}

/** A small dot drawn on the canvas (many of them: not focusable; the panel lists what they sum up). */
export interface DotMarker extends MarkerBase {
  readonly kind: 'dot';
  readonly color: string;
  readonly radius: number;
}

export type MapMarker = IconMarker | DotMarker;

export type MarkerLayerKey = 'air' | 'water' | 'rain' | 'wifi' | 'incidents';

/** Cameras as the server clustered them for the last view: cells with counts and lone cameras. */
export interface CameraLayer {
  readonly clusters: readonly Cluster[];
  readonly points: readonly MapPoint[];
  readonly popup: (id: string) => string;
  readonly clusterTitle: (cluster: Cluster) => string;
}

function addMarker(group: L.LayerGroup, marker: MapMarker, renderer: L.Renderer): void {
  let layer: L.Layer;
  if (marker.kind === 'icon') {
    const icon = L.divIcon({
      html: marker.html,
      className: marker.className,
      iconSize: marker.size,
      iconAnchor: [marker.size[0] / 2, marker.size[1] / 2],
    });
    const leafletMarker = L.marker([marker.lat, marker.lon], {
      icon,
      title: marker.label,
      keyboard: true,
      riseOnHover: true,
    });
    leafletMarker.on('add', () => leafletMarker.getElement()?.setAttribute('aria-label', marker.label));
    layer = leafletMarker;
  } else {
    layer = L.circleMarker([marker.lat, marker.lon], {
      renderer,
      radius: marker.radius,
      color: '#ffffff',
      weight: 1,
      fillColor: marker.color,
      fillOpacity: 0.9,
    });
  }
  if (marker.popup) (layer as L.Marker).bindPopup(marker.popup);
  if (marker.onSelect) layer.on('click', marker.onSelect);
  group.addLayer(layer);
}

/** The map's bounds, padded, and zoom. */
function viewOf(map: L.Map): MapView {
  const bounds = map.getBounds().pad(VIEW_PADDING);
  const clamp = (value: number, limit: number) => Math.max(-limit, Math.min(limit, value));
  return {
    bbox: [
      clamp(bounds.getWest(), 180),
      clamp(bounds.getSouth(), 90),
      clamp(bounds.getEast(), 180),
      clamp(bounds.getNorth(), 90),
    ],
    zoom: map.getZoom(),
  };
}

/**
 * The wall's map: a tile layer underneath and our own layers on top, all drawn by Leaflet (canvas dots
 * and HTML markers), so they show even when no tile loads. Cameras come clustered by the server for
 * the view `onViewChange` reports after every pan and zoom (tens of thousands of cameras never travel
 * to the browser); from street zoom on the server sends them one by one.
 */
export function IocMap({
  label,
  cameras,
  markers,
  onViewChange,
}: {
  readonly label: string;
  readonly cameras: CameraLayer | null;
  readonly markers: Readonly<Record<MarkerLayerKey, readonly MapMarker[] | null>>;
  readonly onViewChange: (view: MapView) => void;
}) {
  const reportView = useRef(onViewChange);
  useEffect(() => {
    reportView.current = onViewChange;
  });
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<L.Map | null>(null);
  const rendererRef = useRef<L.Renderer | null>(null);
  const groupsRef = useRef<Partial<Record<MarkerLayerKey | 'cameras', L.LayerGroup>>>({});

  useEffect(() => {
    if (!container.current) return;
    const map = L.map(container.current, { keyboard: true, zoomControl: true, preferCanvas: false });
    L.tileLayer(tileUrl, { attribution, maxZoom: 19 }).addTo(map);
    map.setView(cityCentre, 12);
    rendererRef.current = L.canvas({ padding: 0.3 });
    // Order of addition is the drawing order: incidents on top.
    for (const key of ['cameras', 'wifi', 'rain', 'water', 'air', 'incidents'] as const)
      groupsRef.current[key] = L.layerGroup().addTo(map);
    mapRef.current = map;
    const moved = () => reportView.current(viewOf(map));
    map.on('moveend', moved);
    moved();
    // The container's size settles after the first layout (flex): tell Leaflet.
    const observer = new ResizeObserver(() => map.invalidateSize());
    observer.observe(container.current);
    return () => {
      observer.disconnect();
      map.off('moveend', moved);
      map.remove();
      mapRef.current = null;
      groupsRef.current = {};
    };
  }, []);

  // One effect per layer, each redrawn only when its own data changes.
  useMarkerLayer(mapRef, rendererRef, groupsRef, 'wifi', markers.wifi);
  useMarkerLayer(mapRef, rendererRef, groupsRef, 'rain', markers.rain);
  useMarkerLayer(mapRef, rendererRef, groupsRef, 'water', markers.water);
  useMarkerLayer(mapRef, rendererRef, groupsRef, 'air', markers.air);
  useMarkerLayer(mapRef, rendererRef, groupsRef, 'incidents', markers.incidents);

  useEffect(() => {
    const map = mapRef.current;
    const group = groupsRef.current.cameras;
    const renderer = rendererRef.current;
    if (!map || !group || !renderer) return;
    group.clearLayers();
    if (!cameras) return;
    for (const point of cameras.points)
      L.circleMarker([point.lat, point.lon], {
        renderer,
        radius: 5,
        color: '#ffffff',
        weight: 1,
        fillColor: point.online ? '#2b7a36' : point.offline ? '#c92a2a' : '#495057',
        fillOpacity: 0.95,
      })
        .bindPopup(() => cameras.popup(point.id))
        .addTo(group);
    for (const cluster of cameras.clusters) {
      const size = Math.round(26 + Math.min(22, Math.log10(cluster.count) * 8));
      const marker = L.marker([cluster.lat, cluster.lon], {
        icon: L.divIcon({
          html: `<span style="background:${clusterColour(cluster)}">${cluster.count}</span>`,
          className: 'ioc-cluster',
          iconSize: [size, size],
          iconAnchor: [size / 2, size / 2],
        }),
        // Hundreds of clusters would be hundreds of Tab stops: the panel sums them up instead.
        keyboard: false,
        title: cameras.clusterTitle(cluster),
      });
      marker.on('click', () => map.setView([cluster.lat, cluster.lon], Math.min(map.getZoom() + 2, 18)));
      group.addLayer(marker);
    }
    return () => {
      group.clearLayers();
    };
  }, [cameras]);

  return <div ref={container} role="region" aria-label={label} className="ioc-map" data-testid="ioc-map" />;
}

function useMarkerLayer(
  mapRef: React.RefObject<L.Map | null>,
  rendererRef: React.RefObject<L.Renderer | null>,
  groupsRef: React.RefObject<Partial<Record<string, L.LayerGroup>>>,
  key: MarkerLayerKey,
  markers: readonly MapMarker[] | null,
): void {
  useEffect(() => {
    const group = groupsRef.current[key];
    const renderer = rendererRef.current;
    if (!mapRef.current || !group || !renderer) return;
    group.clearLayers();
    for (const marker of markers ?? []) addMarker(group, marker, renderer);
  }, [mapRef, rendererRef, groupsRef, key, markers]);
}
