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
