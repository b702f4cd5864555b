import L from 'leaflet';
import { useEffect, useRef } from 'react';
import type { BoardFeature } from './feedback.api';
import { cityCentre, createMap, escapeHtml, mapBoxStyle } from './feedback-map';

/** Published reports as points; each popup names the report and links to its page. */
export function BoardMap({
  features,
  label,
  linkLabel,
}: {
  readonly features: readonly BoardFeature[];
  readonly label: string;
  readonly linkLabel: (code: string) => string;
}) {
  const container = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!container.current) return;
    const map = createMap(container.current);
    const markers = features.map((feature) => {
      const [lng, lat] = feature.geometry.coordinates;
      const { trackingCode, categoryName, isSample } = feature.properties;
      const href = `/feedback/reports/${encodeURIComponent(trackingCode)}`;
      return L.circleMarker([lat, lng], {
        radius: 6,
        color: '#ffffff',
        weight: 1.5,
        fillColor: isSample ? '#c2410c' : '#1864ab',
        fillOpacity: 0.85,
      }).bindPopup(
        `<strong>${escapeHtml(trackingCode)}</strong><br>${escapeHtml(categoryName ?? '')}<br>` +
          `<a href="${escapeHtml(href)}">${escapeHtml(linkLabel(trackingCode))}</a>`,
      );
    });
    const group = L.featureGroup(markers).addTo(map);
    if (markers.length > 0) map.fitBounds(group.getBounds(), { padding: [24, 24], maxZoom: 15 });
    else map.setView(cityCentre, 12);
    return () => {
      map.remove();
    };
  }, [features, linkLabel]);

  return <div ref={container} role="region" aria-label={label} style={{ ...mapBoxStyle, height: 380 }} />;
}
