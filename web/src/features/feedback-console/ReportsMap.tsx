import 'leaflet/dist/leaflet.css';
import L from 'leaflet';
import { useEffect, useRef } from 'react';
import type { StaffReport } from './feedback-console.api';

const tileUrl = import.meta.env.VITE_MAP_TILE_URL || 'https://tile.openstreetmap.org/{z}/{x}/{y}.png';
const attribution = import.meta.env.VITE_MAP_ATTRIBUTION || '&copy; OpenStreetMap contributors';
const cityCentre: L.LatLngTuple = [16.054, 108.202];

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/**
 * The listed reports that have a position, as vector circles (visible without tiles); overdue ones in
 * red. The table beside it carries the same reports for keyboard and screen-reader users.
 */
export function ReportsMap({
  reports,
  label,
}: {
  readonly reports: readonly StaffReport[];
  readonly label: string;
}) {
  const container = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!container.current) return;
    const map = L.map(container.current, { scrollWheelZoom: false, keyboard: true });
    L.tileLayer(tileUrl, { attribution, maxZoom: 19 }).addTo(map);
    const markers = reports.flatMap((report) =>
      report.location
        ? [
            L.circleMarker([report.location.latitude, report.location.longitude], {
              radius: 7,
              color: '#ffffff',
              weight: 2,
              fillColor: report.overdue ? '#c92a2a' : '#1864ab',
              fillOpacity: 0.9,
            }).bindPopup(
              `<a href="/console/feedback/reports/${encodeURIComponent(report.id)}"><strong>${escapeHtml(report.trackingCode)}</strong></a><br>${escapeHtml(report.description.slice(0, 120))}`,
            ),
          ]
        : [],
    );
    const group = L.featureGroup(markers).addTo(map);
    if (markers.length > 0) map.fitBounds(group.getBounds(), { padding: [24, 24], maxZoom: 15 });
    else map.setView(cityCentre, 12);
    return () => {
      map.remove();
    };
  }, [reports]);
  return (
    <div
      ref={container}
      role="region"
      aria-label={label}
      style={{ height: 300, width: '100%', borderRadius: 8, background: '#e9f1f7' }}
    />
  );
}
