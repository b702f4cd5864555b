import 'leaflet/dist/leaflet.css';
import L from 'leaflet';
import { useEffect, useRef } from 'react';
import type { TeamFeature } from './teams.api';

// OpenStreetMap's standard tiles unless the installation configures its own (e.g. a city tile server).
const tileUrl = import.meta.env.VITE_MAP_TILE_URL || 'https://tile.openstreetmap.org/{z}/{x}/{y}.png';
const attribution = import.meta.env.VITE_MAP_ATTRIBUTION || '&copy; OpenStreetMap contributors';
// Central Da Nang, shown when there is nothing to fit the view to.
const fallbackCenter: L.LatLngTuple = [16.054, 108.202];

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/**
 * The teams as circle markers. Markers are vector shapes drawn by Leaflet itself, not images from
 * the tile server, so they show even when tiles cannot load (offline, blocked network).
 */
export function TeamsMap({
  features,
  label,
  membersLabel,
}: {
  readonly features: readonly TeamFeature[];
  readonly label: string;
  readonly membersLabel: (n: number) => string;
}) {
  const container = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!container.current) return;
    const map = L.map(container.current, { scrollWheelZoom: false, keyboard: true });
    L.tileLayer(tileUrl, { attribution, maxZoom: 19 }).addTo(map);
    const markers = features.map((feature) => {
      const [lng, lat] = feature.geometry.coordinates;
      return L.circleMarker([lat, lng], {
        radius: 7,
        color: '#ffffff',
        weight: 2,
        fillColor: feature.properties.isSample ? '#c2410c' : '#1864ab',
        fillOpacity: 0.9,
      }).bindPopup(
        `<strong>${escapeHtml(feature.properties.name)}</strong><br>${escapeHtml(membersLabel(feature.properties.memberCount))}`,
      );
    });
    const group = L.featureGroup(markers).addTo(map);
    if (markers.length > 0) map.fitBounds(group.getBounds(), { padding: [24, 24], maxZoom: 15 });
    else map.setView(fallbackCenter, 12);
    return () => {
      map.remove();
    };
  }, [features, membersLabel]);

  return (
    <div
      ref={container}
      role="region"
      aria-label={label}
      style={{ height: 420, width: '100%', borderRadius: 8, background: '#e9f1f7' }}
    />
  );
}
