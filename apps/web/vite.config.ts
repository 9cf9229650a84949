import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * The web app. In development `/api` goes to the server (RUTA_API, default http://localhost:3000);
 * in production the server serves `dist/` itself, so the app and the API share an origin and the
 * session cookie stays SameSite=Strict.
 */
export default defineConfig({
  plugins: [react()],
  server: {
    proxy: {
      '/api': { target: process.env.RUTA_API ?? 'http://localhost:3000', changeOrigin: false },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    // Read by scripts/bundle-size.mjs to find the initial route's chunks.
    manifest: true,
    chunkSizeWarningLimit: 1200,
  },
});
