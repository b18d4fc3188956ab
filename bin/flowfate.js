#!/usr/bin/env node
// Thin launcher: the CLI is TypeScript, bundled by `npm run build:cli` (or `npm run build`).
import { existsSync } from 'node:fs';

const built = new URL('../dist-cli/flowfate.js', import.meta.url);
if (!existsSync(built)) {
  console.error('flowfate: the CLI is not built yet. Run `npm run build` (or `npm run build:cli`) first.');
  process.exit(2);
}
await import(built.href);
