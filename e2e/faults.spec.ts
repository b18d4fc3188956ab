import { readFileSync, writeFileSync } from 'node:fs';
import { readFcs } from '../src/fcs/read.ts';
import { writeFcs } from '../src/fcs/write.ts';
import { stringifyGatingStrategy } from '../src/gating/strategyJson.ts';
import { drawRectangle, rectangleRow } from './sessionSteps.ts';
import { demoFile, expect, test } from './fixtures.ts';

const FILES = ['AnnV-PI_24h_050nM_R1.fcs', 'AnnV-PI_24h_000nM_R1.fcs', 'AnnV-PI_48h_100nM_R1.fcs'];

test('ticking several samples to overlay on the histogram draws them all', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('Open FCS files…').setInputFiles(FILES.map(demoFile));
  await expect(page.getByRole('region', { name: /Samples \(3\)/ }).getByText('Ready', { exact: true })).toHaveCount(3);
  await page.getByText(/Overlay samples/).click();
  await page.getByRole('checkbox', { name: FILES[1] }).check();
  await page.getByRole('checkbox', { name: FILES[2] }).check();
  await expect(page.getByRole('img', { name: new RegExp(`in 3 overlaid series: ${FILES.map((f) => f.replaceAll('.', '\\.')).join(', ')}`) })).toBeVisible();
  await page.getByRole('checkbox', { name: FILES[1] }).uncheck();
  await expect(page.getByRole('img', { name: /in 2 overlaid series/ })).toBeVisible();
});

test.describe('a view whose code cannot be loaded', () => {
  test.use({ expectedErrors: /Failed to load resource: the server responded with a status of 404|ChunkLoadError|could not be loaded/ });

  test('is tried again, then explained in a sentence while the rest keeps working; "Try again" loads it', async ({ page }) => {
    let requests = 0;
    await page.route(/\/assets\/ApoptosisView-[\w-]+\.js$/, (route) => {
      requests++;
      return route.fulfill({ status: 404, body: 'Not found' });
    });
    await page.goto('/');
    await page.getByLabel('Open FCS files…').setInputFiles(demoFile(FILES[0]));
    await page.getByRole('tab', { name: 'Apoptosis (Annexin V / PI)' }).click();
    const notice = page.getByRole('tabpanel').getByRole('alert');
    await expect(notice).toHaveText(/^The Apoptosis \(Annexin V \/ PI\) view could not be loaded: the connection may be offline, or FlowFate was updated since this page was opened\. Everything else still works and your work is saved\./);
    // Three attempts (Vite may also preload the file once).
    expect(requests).toBeGreaterThanOrEqual(3);

    // The rest of the app still works: another view, the sample list.
    await page.getByRole('tab', { name: 'Explore and gate' }).click();
    await expect(page.getByRole('img', { name: /FSC-A vs SSC-A of All events: 20,000 events/ })).toBeVisible();
    await page.getByRole('tab', { name: 'Apoptosis (Annexin V / PI)' }).click();
    await expect(notice).toBeVisible();

    await page.unroute(/\/assets\/ApoptosisView-[\w-]+\.js$/);
    await notice.getByRole('button', { name: 'Try again' }).click();
    await expect(page.getByLabel('Annexin V channel')).toBeVisible();
  });

  test('that fails once is loaded on the next attempt, with no notice', async ({ page }) => {
    let failures = 1;
    await page.route(/\/assets\/ApoptosisView-[\w-]+\.js$/, (route) => (failures-- > 0 ? route.fulfill({ status: 404, body: 'Not found' }) : route.continue()));
    await page.goto('/');
    await page.getByLabel('Open FCS files…').setInputFiles(demoFile(FILES[0]));
    await page.getByRole('tab', { name: 'Apoptosis (Annexin V / PI)' }).click();
    await expect(page.getByLabel('Annexin V channel')).toBeVisible();
    await expect(page.getByRole('alert')).toHaveCount(0);
  });
});

test.describe('a plot that fails to draw', () => {
  test.use({ expectedErrors: /canvas is broken for this test/ });

  test('says so in its place; the other plots and the view keep working', async ({ page }) => {
    // A fault inside the density plot's drawing: its canvas cannot give a 2-D context.
    await page.addInitScript(() => {
      HTMLCanvasElement.prototype.getContext = () => {
        throw new Error('canvas is broken for this test');
      };
    });
    await page.goto('/');
    await page.getByLabel('Open FCS files…').setInputFiles(demoFile(FILES[0]));
    const plots = page.getByRole('region', { name: `Plots of ${FILES[0]}` });
    await expect(plots.getByRole('alert')).toHaveText(/^The plot FSC-A vs SSC-A of All events stopped because of a fault in FlowFate\. Everything else still works and your work is saved\./);
    await expect(page.getByRole('img', { name: /^Histogram of .* of All events/ })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Populations' })).toBeVisible();
  });
});

/** A copy of a demo tube whose $SPILLOVER cannot be inverted (PE-A written as an exact copy of FITC-A). */
function writeSingularSpillover(path: string): void {
  const [dataset] = readFcs(readFileSync(demoFile('AnnV-PI_24h_050nM_R1.fcs'))).datasets;
  const channels = dataset.channels.map((c) => ({ name: c.name, label: c.label, range: c.range }));
  writeFileSync(path, writeFcs({ channels, columns: dataset.columns, spillover: { channels: ['FITC-A', 'PE-A'], matrix: [[1, 1], [1, 1]], source: '$SPILLOVER' } }));
}

test('a file whose $SPILLOVER cannot be inverted is marked with a note, and every other sample still plots', async ({ page }, testInfo) => {
  const singular = testInfo.outputPath('Singular_spillover.fcs');
  writeSingularSpillover(singular);
  await page.goto('/');
  await page.getByLabel('Open FCS files…').setInputFiles([demoFile(FILES[1]), singular]);
  const samples = page.getByRole('region', { name: /Samples/ });
  await expect(samples.getByRole('option', { name: /Singular_spillover\.fcs/ })).toContainText('Ready, 1 note');
  await expect(samples.getByRole('option', { name: new RegExp(FILES[1].replaceAll('.', '\\.')) })).toContainText('Ready');

  // The compensated channels of the good sample: their shared axes leave the singular file out.
  await page.getByLabel('X axis', { exact: true }).selectOption('FITC-A');
  await page.getByLabel('Y axis', { exact: true }).selectOption('PE-A');
  await expect(page.getByRole('img', { name: /^FITC-A.* vs PE-A.* of All events: 20,000 events$/ })).toBeVisible();

  // The singular file itself is drawn uncompensated, and says why.
  await samples.getByRole('option', { name: /Singular_spillover\.fcs/ }).click();
  await expect(page.getByRole('img', { name: /^FITC-A.* vs PE-A.* of All events: 20,000 events$/ })).toBeVisible();
  await page.getByText('Ready, 1 note').last().click();
  await expect(page.getByText(/The file's spillover matrix \(\$SPILLOVER\) cannot be inverted \(it is singular\), so it cannot compensate/)).toBeVisible();
});

test('gates that fail on a sample show the reason and no earlier counts beside it', async ({ page }, testInfo) => {
  await page.goto('/');
  await page.getByLabel('Open FCS files…').setInputFiles(demoFile(FILES[0]));
  await drawRectangle(page);
  const missing = testInfo.outputPath('other-panel.flowfate-template.json');
  const dimension = { source: { kind: 'channel' as const, name: 'BV421-A' }, compensation: 'uncompensated' as const, transform: null };
  writeFileSync(missing, stringifyGatingStrategy({ version: 1, transforms: {}, ratios: {}, compensations: {}, gates: [{ kind: 'rectangle', id: 'live', name: 'Live', parentId: null, bounds: [{ dimension, min: 100, max: null }] }] }));
  await page.getByLabel('Import gates…').setInputFiles(missing);
  const populations = page.getByRole('region', { name: 'Populations' });
  await expect(populations.getByRole('alert')).toContainText('BV421-A');
  await expect(rectangleRow(page)).toHaveCount(0);
  await expect(populations.getByRole('row', { name: /Live/ })).toHaveCount(0);
});
