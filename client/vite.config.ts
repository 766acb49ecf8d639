// Builds the web explorer into dist/client, which the API server serves at / (server/app.ts).
// The client imports the server's zod schemas directly (../server/...), so forms and responses
// are validated by the very same definitions as the API.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  build: {
    outDir: fileURLToPath(new URL('../dist/client', import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 1500,
    // Two pages of one app: the explorer, and the board report (/report, printed to PDF by the server).
    rollupOptions: { input: { main: fileURLToPath(new URL('index.html', import.meta.url)), report: fileURLToPath(new URL('report.html', import.meta.url)) } },
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
});
