import 'leaflet/dist/leaflet.css';
import L from 'leaflet';
import { useEffect, useRef } from 'react';
import type { LatLng } from './feedback-console.api';

// The same tile settings as the community-teams map: OpenStreetMap unless the installation sets its own.
const tileUrl = import.meta.env.VITE_MAP_TILE_URL || 'https://tile.openstreetmap.org/{z}/{x}/{y}.png';
const attribution = import.meta.env.VITE_MAP_ATTRIBUTION || '&copy; OpenStreetMap contributors';
// Central Da Nang, shown when there is no pin yet.
const cityCentre: L.LatLngTuple = [16.054, 108.202];
const PIN_ZOOM = 16;

function pinStyle(): L.CircleMarkerOptions {
  return { radius: 9, color: '#ffffff', weight: 3, fillColor: '#c92a2a', fillOpacity: 0.95 };
}

/**
 * A report's position. The pin is a vector circle drawn by Leaflet, not a tile or an image, so it shows
 * without map tiles (offline, blocked network). With `onPick`, a click places the pin; the coordinate
 * inputs beside the map are the keyboard way to do the same.
 */
export function ReportMap({
  location,
  onPick,
  label,
  height = 320,
}: {
  readonly location: LatLng | null;
  readonly onPick?: (location: LatLng) => void;
  readonly label: string;
  readonly height?: number;
}) {
  const container = useRef<HTMLDivElement>(null);
  const map = useRef<L.Map | null>(null);
  const pin = useRef<L.CircleMarker | null>(null);
  const pick = useRef(onPick);
  pick.current = onPick;

  useEffect(() => {
    if (!container.current) return;
    const created = L.map(container.current, { scrollWheelZoom: false, keyboard: true });
    L.tileLayer(tileUrl, { attribution, maxZoom: 19 }).addTo(created);
    created.setView(cityCentre, 13);
    created.on('click', (event: L.LeafletMouseEvent) => {
      const latitude = Math.round(event.latlng.lat * 1e6) / 1e6;
      const longitude = Math.round(event.latlng.lng * 1e6) / 1e6;
      pick.current?.({ latitude, longitude });
    });
    map.current = created;
    return () => {
      created.remove();
      map.current = null;
      pin.current = null;
    };
  }, []);

  // By value, not by object: callers rebuild the location on every render.
  const latitude = location?.latitude;
  const longitude = location?.longitude;
  useEffect(() => {
    const current = map.current;
    if (!current) return;
    pin.current?.remove();
    pin.current = null;
    if (latitude === undefined || longitude === undefined) return;
    const point: L.LatLngTuple = [latitude, longitude];
    pin.current = L.circleMarker(point, pinStyle()).addTo(current);
    current.setView(point, Math.max(current.getZoom(), PIN_ZOOM));
  }, [latitude, longitude]);

  return (
    <div
      ref={container}
      role="region"
      aria-label={label}
      style={{
        height,
        width: '100%',
        borderRadius: 8,
        background: '#e9f1f7',
        cursor: onPick ? 'crosshair' : undefined,
      }}
    />
  );
}
