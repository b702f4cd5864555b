/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** Map tile URL template, e.g. https://tiles.example.vn/{z}/{x}/{y}.png (default: OpenStreetMap). */
  readonly VITE_MAP_TILE_URL?: string;
  readonly VITE_MAP_ATTRIBUTION?: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}
