/**
 * FlowFate as an installed, offline app: the service worker is allowed here (blocked in the other specs, whose routed
 * requests it would answer). The whole demo journey runs under the strict Content-Security-Policy (the fixture fails
 * on any violation), offline after the first load, and every request is recorded: none leaves the app's origin.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { BrowserContext, Page } from '@playwright/test';
import { demoFile, expect, test } from './fixtures.ts';
import { drawRectangle, rectangleRow, sampleRow } from './sessionSteps.ts';

test.use({ serviceWorkers: 'allow' });

/** Every URL the pages, their workers and the service worker ask for. */
function recordRequests(context: BrowserContext): string[] {
  const urls: string[] = [];
  context.on('request', (request) => urls.push(request.url()));
  return urls;
}

/** Waits until the service worker runs the page and has kept the whole demo experiment. */
async function readyOffline(page: Page): Promise<void> {
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  await expect
    .poll(
      () =>
        page.evaluate(async () => {
          const manifest = (await (await fetch('/demo/manifest.json')).json()) as { files: { fileName: string }[] };
          const names = await caches.keys();
          const cache = await caches.open(names.find((name) => name.startsWith('flowfate-'))!);
          const kept = await Promise.all(manifest.files.map(async ({ fileName }) => (await cache.match(`/demo/${fileName}`, { ignoreVary: true })) !== undefined));
          return kept.every(Boolean);
        }),
      { timeout: 120_000 },
    )
    .toBe(true);
}

test('installable: a manifest with icons, a service worker in control, no installability errors', async ({ page }) => {
  await page.goto('/');
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  const manifest = await page.evaluate(async () => (await fetch(document.querySelector<HTMLLinkElement>('link[rel="manifest"]')!.href)).json());
  expect(manifest).toMatchObject({ name: 'FlowFate', display: 'standalone', start_url: './' });
  for (const icon of manifest.icons as { src: string }[]) expect((await page.request.get(`/${icon.src}`)).status()).toBe(200);
  const cdp = await page.context().newCDPSession(page);
  const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as { installabilityErrors: { errorId: string }[] };
  // Test browsers run incognito, where no app installs; nothing else may stand in the way.
  expect(installabilityErrors.filter((e) => e.errorId !== 'in-incognito')).toEqual([]);
});

test('the whole demo journey, offline after the first load, under the strict policy; no request leaves the origin', async ({ context, page, baseURL }) => {
  const requests = recordRequests(context);
  await page.goto('/');
  await readyOffline(page);
  await context.setOffline(true);
  await page.reload();

  // Explore: the demo experiment, a gate.
  await page.getByRole('button', { name: 'Open demo experiment' }).click();
  const manifestFiles = await page.evaluate(async () => ((await (await fetch('/demo/manifest.json')).json()) as { files: unknown[] }).files.length);
  await expect(page.getByRole('region', { name: /Samples/ }).getByText('Ready', { exact: true })).toHaveCount(manifestFiles, { timeout: 120_000 });
  const count = await drawRectangle(page);
  const drawnOn = (await page.getByRole('region', { name: /Samples/ }).getByRole('listbox').getByRole('option', { selected: true }).textContent())!.split('.fcs')[0];

  // Apoptosis: the guided run over every Annexin V / PI tube.
  await page.getByRole('tab', { name: 'Apoptosis (Annexin V / PI)' }).click();
  await page.getByRole('button', { name: 'Run analysis' }).click();
  const apoptosis = page.getByRole('table', { name: 'Apoptosis results' });
  await expect(apoptosis).toHaveAttribute('aria-busy', 'false', { timeout: 120_000 });
  await expect(apoptosis.getByRole('rowheader').first()).toBeVisible();
  const csv = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).first().click();
  expect((await csv).suggestedFilename()).toMatch(/\.csv$/);

  // Cell cycle: every PI-DNA tube fitted.
  await page.getByRole('tab', { name: 'Cell cycle (PI DNA)' }).click();
  await page.getByRole('button', { name: 'Analyse all samples' }).click();
  const cellCycle = page.getByRole('table', { name: 'Cell-cycle results' });
  await expect(cellCycle).toHaveAttribute('aria-busy', 'false', { timeout: 120_000 });
  await expect(cellCycle.getByRole('rowheader').first()).toBeVisible();

  // Experiment: both assays per condition, and the workbook.
  await page.getByRole('tab', { name: 'Experiment' }).click();
  await expect(page.getByText(`${manifestFiles} analysed tubes in`)).toBeVisible();
  const workbook = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export workbook (XLSX)' }).click();
  expect((await workbook).suggestedFilename()).toMatch(/ workbook\.xlsx$/);

  // Sample sheet, then a reload, still offline: the session comes back from this browser.
  await page.getByRole('tab', { name: 'Sample sheet' }).click();
  await expect(page.getByRole('tabpanel', { name: 'Sample sheet' })).toBeVisible();
  await page.reload();
  await page.getByRole('button', { name: 'Restore last session' }).click();
  await expect(page.getByText(`Opened the workspace with its ${manifestFiles} files.`)).toBeVisible({ timeout: 120_000 });
  await page.getByRole('tab', { name: 'Explore and gate' }).click();
  await sampleRow(page, `${drawnOn}.fcs`).click();
  await expect(rectangleRow(page).getByRole('cell').first()).toHaveText(count);

  const origin = new URL(baseURL!).origin;
  const elsewhere = requests.filter((url) => !url.startsWith(`${origin}/`) && !url.startsWith('blob:') && !url.startsWith('data:'));
  expect(elsewhere).toEqual([]);
  expect(requests.length).toBeGreaterThan(0);
  test.info().annotations.push({ type: 'requests', description: `${requests.length} requests, all to ${origin}` });
});

test('a local file opens and plots offline, and its view code loads from the cache', async ({ context, page }) => {
  await page.goto('/');
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  await context.setOffline(true);
  await page.reload();
  await page.getByLabel('Open FCS files…').setInputFiles(demoFile('AnnV-PI_24h_050nM_R1.fcs'));
  await expect(page.getByRole('img', { name: /FSC-A vs SSC-A of All events: 20,000 events/ })).toBeVisible();
  await page.getByRole('tab', { name: 'Cell cycle (PI DNA)' }).click();
  await expect(page.getByRole('tabpanel', { name: 'Cell cycle (PI DNA)' }).getByRole('alert')).toHaveCount(0);
  await expect(page.getByRole('tabpanel', { name: 'Cell cycle (PI DNA)' })).not.toContainText('Loading');
});

test('a new version waits until the user agrees to reload, and other tabs are told', async ({ context, page }) => {
  await page.goto('/');
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  const other = await context.newPage();
  await other.goto('/');
  await expect.poll(() => other.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);

  // A new deployment: the same files under another version (the build writes the version into sw.js).
  const worker = 'dist/sw.js';
  const deployed = readFileSync(worker, 'utf8');
  try {
    writeFileSync(worker, deployed.replace(/"version":"([0-9a-f]+)"/, (_, version: string) => `"version":"${[...version].toReversed().join('')}"`));
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.update());
    const ready = page.getByRole('status').filter({ hasText: 'A new version of FlowFate is ready. Reload to use it; your work is saved.' });
    await expect(ready).toBeVisible();
    // Until then this page keeps its version: its views still load.
    await page.getByLabel('Open FCS files…').setInputFiles(demoFile('AnnV-PI_24h_050nM_R1.fcs'));
    await page.getByRole('tab', { name: 'Apoptosis (Annexin V / PI)' }).click();
    await expect(page.getByLabel('Annexin V channel')).toBeVisible();

    await ready.getByRole('button', { name: 'Reload' }).click();
    await expect(page.getByRole('button', { name: 'Restore last session' })).toBeVisible();
    await expect(ready).toHaveCount(0);
    await expect(other.getByRole('status').filter({ hasText: 'FlowFate was updated in another tab. Reload this page to go on with the new version; your work is saved.' })).toBeVisible();
    expect(await page.evaluate(async () => (await caches.keys()).filter((name) => name.startsWith('flowfate-')).length)).toBe(1);
  } finally {
    writeFileSync(worker, deployed);
  }
});
