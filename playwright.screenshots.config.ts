import { defineConfig } from '@playwright/test';
import base from './playwright.config.ts';

// `npm run screenshots`: the README's pictures of each main view, taken from the built app and the demo experiment.
export default defineConfig({ ...base, testDir: './scripts/screenshots', globalSetup: undefined, timeout: 300_000 });
