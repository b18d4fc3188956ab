import { demoFile, expect, fixtureFiles, test } from './fixtures.ts';

test('opens a demo file through the file picker and draws its density plot and histogram', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('Open FCS files…').setInputFiles(demoFile('AnnV-PI_24h_050nM_R1.fcs'));
  const samples = page.getByRole('region', { name: /Samples/ });
  await expect(samples.getByRole('option', { name: /AnnV-PI_24h_050nM_R1\.fcs/ })).toContainText('20,000');
  await expect(samples.getByRole('option', { name: /AnnV-PI_24h_050nM_R1\.fcs/ })).toContainText('Ready');
  const density = page.getByRole('img', { name: /FSC-A vs SSC-A of All events: 20,000 events/ });
  await expect(density).toBeVisible();
  await expect(page.getByRole('img', { name: /Histogram of FSC-H|Histogram of FITC-A/ })).toBeVisible();
});

test('a broken file shows its error and does not disturb the good one', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('Open FCS files…').setInputFiles([demoFile('AnnV-PI_24h_000nM_R1.fcs'), fixtureFiles.broken, fixtureFiles.notFcs]);
  const samples = page.getByRole('region', { name: /Samples/ });
  for (const broken of ['broken-truncated.fcs', 'not-an-fcs.fcs']) {
    await expect(samples.getByRole('option', { name: new RegExp(broken.replaceAll('.', '\\.')) })).toContainText('Could not be read');
    await samples.getByRole('option', { name: new RegExp(broken.replaceAll('.', '\\.')) }).click();
    await expect(samples.getByRole('region', { name: `Selected file ${broken}` }).getByRole('alert')).toContainText(broken);
  }
  await expect(samples.getByRole('option', { name: /AnnV-PI_24h_000nM_R1\.fcs/ })).toContainText('Ready');
  await samples.getByRole('option', { name: /AnnV-PI_24h_000nM_R1\.fcs/ }).click();
  await expect(page.getByRole('img', { name: /FSC-A vs SSC-A of All events: 20,000 events/ })).toBeVisible();
  await page.getByLabel('X axis', { exact: true }).selectOption('FITC-A');
  await expect(page.getByRole('img', { name: /FITC-A \(Annexin V\) vs SSC-A of All events: 20,000 events/ })).toBeVisible();
});

test('opens a 1,000,000-event file and draws its plot', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('Open FCS files…').setInputFiles(fixtureFiles.million);
  await expect(page.getByRole('img', { name: /FSC-A vs SSC-A of All events: 1,000,000 events/ })).toBeVisible({ timeout: 60_000 });
});

test('opens the whole demo experiment with one click', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Open demo experiment' }).click();
  const samples = page.getByRole('region', { name: /Samples \(63\)/ });
  await expect(samples.getByText('Ready', { exact: true })).toHaveCount(63);
});

test('opens a file dropped onto the page', async ({ page }) => {
  await page.goto('/');
  const dataTransfer = await page.evaluateHandle(async () => {
    const bytes = await (await fetch('/demo/PI-DNA_24h_000nM_R1.fcs')).arrayBuffer();
    const transfer = new DataTransfer();
    transfer.items.add(new File([bytes], 'PI-DNA_24h_000nM_R1.fcs'));
    return transfer;
  });
  const target = page.getByRole('banner');
  await target.dispatchEvent('dragover', { dataTransfer });
  await target.dispatchEvent('drop', { dataTransfer });
  const samples = page.getByRole('region', { name: /Samples/ });
  await expect(samples.getByRole('option', { name: /PI-DNA_24h_000nM_R1\.fcs/ })).toContainText('30,000');
  await expect(page.getByRole('img', { name: /FSC-A vs SSC-A of All events: 30,000 events/ })).toBeVisible();
});
