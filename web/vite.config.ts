import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));

/**
 * The booking and manage pages. The build lands in dist/web, which the Fastify server serves
 * under its strict CSP: no inline script or style may end up in index.html.
 */
export default defineConfig({
  root: here,
  base: '/',
  plugins: [react()],
  build: {
    outDir: `${here}../dist/web`,
    emptyOutDir: true,
    assetsDir: 'assets',
    // Inlined assets would become data: URLs; keep every asset a file the CSP allows.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    sourcemap: false,
  },
  server: {
    port: 5173,
    proxy: { '/api': { target: process.env.SLOTGUARD_API ?? 'http://127.0.0.1:3000', changeOrigin: false } },
  },
});
