import 'leaflet/dist/leaflet.css';
import L from 'leaflet';
import { useEffect, useRef } from 'react';

// Same tiles as the community teams map: OpenStreetMap unless the installation configures its own.
const tileUrl = import.meta.env.VITE_MAP_TILE_URL || 'https://tile.openstreetmap.org/{z}/{x}/{y}.png';
const attribution = import.meta.env.VITE_MAP_ATTRIBUTION || '&copy; OpenStreetMap contributors';
const fallbackCenter: L.LatLngTuple = [16.054, 108.202];

export const markerStyle: L.CircleMarkerOptions = {
  radius: 7,
  color: '#ffffff',
  weight: 2,
  fillColor: '#1864ab',
  fillOpacity: 0.9,
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/**
 * A Leaflet map around the layer `build` makes. Markers are vector shapes Leaflet draws itself, not
 * tile images, so they show even when the tile server cannot be reached.
 */
export function PreviewMap({
  build,
  label,
}: {
  readonly build: () => L.FeatureGroup;
  readonly label: string;
}) {
  const container = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!container.current) return;
    const map = L.map(container.current, { scrollWheelZoom: false, keyboard: true });
    L.tileLayer(tileUrl, { attribution, maxZoom: 19 }).addTo(map);
    const layer = build().addTo(map);
    const bounds = layer.getBounds();
    if (bounds.isValid()) map.fitBounds(bounds, { padding: [24, 24], maxZoom: 15 });
    else map.setView(fallbackCenter, 12);
    return () => {
      map.remove();
    };
  }, [build]);

  return (
    <div
      ref={container}
      role="region"
      aria-label={label}
      style={{ height: 420, width: '100%', borderRadius: 8, background: '#e9f1f7' }}
    />
  );
}
