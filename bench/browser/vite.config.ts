import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// A separate page (never part of the app) that times the real worker in Chromium; see scripts/bench-browser.mjs.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  worker: { format: 'es' },
  build: { outDir: fileURLToPath(new URL('../../dist-bench', import.meta.url)), emptyOutDir: true, target: 'es2022' },
  preview: { host: '127.0.0.1', port: 4174, strictPort: true },
});
