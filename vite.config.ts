/// <reference types="vitest/config" />
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { SECURITY_HEADERS, securityHeaders } from './vite-plugins/securityHeaders.ts';
import { serviceWorker } from './vite-plugins/serviceWorker.ts';

export default defineConfig({
  plugins: [react(), securityHeaders(), serviceWorker()],
  worker: { format: 'es' },
  // Pre-bundle worker-only dependencies so the dev server does not re-optimise and reload mid-session.
  optimizeDeps: { include: ['comlink', 'd3', 'zustand', 'fast-xml-parser', 'fflate'] },
  build: { target: 'es2022' },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true, headers: { ...SECURITY_HEADERS } },
  server: { host: '127.0.0.1', port: 5173, strictPort: true },
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'workers/**/*.test.ts', 'vite-plugins/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
  },
});
