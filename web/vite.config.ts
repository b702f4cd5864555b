import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
// The API server during `npm run dev:web`; the built app is served by that same server in production.
const apiTarget = process.env.CITYDX_API_URL ?? 'http://localhost:8080';

export default defineConfig({
  root,
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 1200,
  },
  server: {
    proxy: {
      '/api': apiTarget,
      '/docs': apiTarget,
      '/healthz': apiTarget,
    },
  },
});
