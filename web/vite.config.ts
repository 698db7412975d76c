import { defineConfig } from 'vite';

/** Where `pnpm tandem start` listens; the dev server forwards API, sign-in and WebSocket to it. */
const server = process.env.TANDEM_URL ?? 'http://localhost:3000';

export default defineConfig({
  // No browser runs standard decorators natively yet; esbuild lowers them (and `accessor`).
  esbuild: { target: 'es2022' },
  build: {
    target: 'es2022',
    manifest: true,
    // Every chunk is hashed and served by Tandem itself: no CDN, nothing from outside.
    assetsInlineLimit: 0,
  },
  resolve: { conditions: ['tandem-source'] },
  server: {
    proxy: {
      '/api': server,
      '/auth': server,
      '/dev-idp': server,
      '/health': server,
      '/ws': { target: server, ws: true },
    },
  },
});
