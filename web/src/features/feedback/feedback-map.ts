import 'leaflet/dist/leaflet.css';
import L from 'leaflet';

// OpenStreetMap's standard tiles unless the installation configures its own (as community-teams does).
const tileUrl = import.meta.env.VITE_MAP_TILE_URL || 'https://tile.openstreetmap.org/{z}/{x}/{y}.png';
const attribution = import.meta.env.VITE_MAP_ATTRIBUTION || '&copy; OpenStreetMap contributors';
/** Central Da Nang, shown when there is nothing to fit the view to. */
export const cityCentre: L.LatLngTuple = [16.054, 108.202];

/**
 * A Leaflet map with the tile layer. Everything we draw on it is a vector shape (circle markers), not
 * an image from the tile server, so reports and the pin still show when tiles cannot load.
 */
export function createMap(element: HTMLElement): L.Map {
  const map = L.map(element, { scrollWheelZoom: false, keyboard: true });
  L.tileLayer(tileUrl, { attribution, maxZoom: 19 }).addTo(map);
  return map;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

export const mapBoxStyle = { width: '100%', borderRadius: 8, background: '#e9f1f7' } as const;
