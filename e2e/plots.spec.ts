import { readFileSync } from 'node:fs';
import { demoFile, expect, test } from './fixtures.ts';

const plotName = /FSC-A vs SSC-A of All events: 20,000 events/;

test.beforeEach(async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('Open FCS files…').setInputFiles([demoFile('AnnV-PI_24h_050nM_R1.fcs'), demoFile('AnnV-PI_24h_000nM_R1.fcs')]);
  await expect(page.getByRole('img', { name: plotName })).toBeVisible();
});

test('exports the density plot with its gate as SVG and as a 300-dpi PNG', async ({ page }) => {
  const explore = page.getByRole('tabpanel', { name: 'Explore and gate' });
  await explore.getByRole('radio', { name: /Rectangle/ }).click();
  const area = page.getByRole('group', { name: /Gates on FSC-A vs SSC-A/ });
  await area.scrollIntoViewIfNeeded();
  const box = (await area.boundingBox())!;
  await page.mouse.move(box.x + 150, box.y + 300);
  await page.mouse.down();
  await page.mouse.move(box.x + 300, box.y + 150, { steps: 5 });
  await page.mouse.up();
  await expect(page.getByRole('region', { name: 'Populations' }).getByRole('button', { name: /Rectangle/ })).toBeVisible();

  const svgDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export FSC-A vs SSC-A of All events as SVG' }).click();
  const svgFile = await svgDownload;
  // Named after the day, the plot and the sample, so ten tubes' figures never overwrite each other.
  expect(svgFile.suggestedFilename()).toMatch(/^\d{4}-\d\d-\d\d FSC-A vs SSC-A of All events AnnV-PI_24h_050nM_R1\.fcs\.svg$/);
  const svg = readFileSync((await svgFile.path())!, 'utf8');
  expect(svg).toMatch(/^<\?xml[^>]*\?>\n<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  expect(svg).toContain('<image href="data:image/png;base64,');
  expect(svg).toContain('>FSC-A [a.u.]</text>');
  expect(svg).toContain('<title>FSC-A vs SSC-A of All events — AnnV-PI_24h_050nM_R1.fcs</title>');
  expect(svg).toMatch(/class="gate[ "]/);
  expect(svg).not.toContain('gate-handle');

  await page.getByLabel('PNG resolution for FSC-A vs SSC-A of All events').selectOption('300');
  const pngDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export FSC-A vs SSC-A of All events as PNG' }).click();
  const png = readFileSync((await (await pngDownload).path())!);
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  // 440 × 420 CSS pixels and the 26-pixel title line at 300/96: 1375 × 1394 pixels, and 300 dpi = 11,811 pixels per metre in pHYs.
  expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1375, 1394]);
  const phys = png.indexOf('pHYs');
  expect(png.readUInt32BE(phys + 4)).toBe(11811);
});

test('switches between density, dot and contour plots, edits an axis range and overlays histograms', async ({ page }) => {
  const show = page.getByLabel('Show', { exact: true });
  for (const kind of ['dot', 'contour', 'density']) {
    await show.selectOption(kind);
    await expect(page.getByRole('img', { name: plotName })).toBeVisible();
  }
  await show.selectOption('contour');
  await expect(page.locator('.contours path').first()).toBeVisible();

  await page.getByText('Range').first().click();
  await page.getByLabel('X axis maximum').fill('100000');
  await page.getByRole('button', { name: 'Apply' }).first().click();
  await expect(page.getByText(/events outside the axis ranges, piled at the edges/)).toBeVisible();

  await page.getByText(/Overlay samples/).click();
  await page.getByRole('checkbox', { name: 'AnnV-PI_24h_000nM_R1.fcs' }).check();
  await expect(page.getByRole('img', { name: /in 2 overlaid series: AnnV-PI_24h_050nM_R1\.fcs, AnnV-PI_24h_000nM_R1\.fcs/ })).toBeVisible();
  await page.getByLabel('Height').selectOption('percentOfMax');
  await expect(page.getByRole('img', { name: /Histogram of .* overlaid series/ })).toBeVisible();
});
