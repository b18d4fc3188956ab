/**
 * Writes docs/screenshots/*.png: each main view of the built app with the demo experiment, at 1440 × 900, for the
 * README. Run with `npm run screenshots` after the views change.
 */
import { expect, type Page, test } from '@playwright/test';

const OUT = 'docs/screenshots';

async function shoot(page: Page, name: string): Promise<void> {
  await page.mouse.move(0, 0);
  await page.screenshot({ path: `${OUT}/${name}.png` });
}

test('every main view of the demo experiment', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('/');
  await shoot(page, 'start');

  await page.getByRole('button', { name: 'Open demo experiment' }).click();
  const samples = page.getByRole('region', { name: /^Samples \(\d+\)$/ });
  await expect(samples.getByText(/^Reading/)).toHaveCount(0, { timeout: 120_000 });

  await page.getByRole('tab', { name: 'Apoptosis (Annexin V / PI)' }).click();
  await page.getByRole('button', { name: 'Run analysis' }).click();
  const apoptosis = page.getByRole('table', { name: 'Apoptosis results' });
  await expect(apoptosis).toHaveAttribute('aria-busy', 'false', { timeout: 120_000 });
  // A treated tube, so that every quadrant holds cells.
  await page.getByLabel('Sample to review').selectOption({ label: 'AnnV-PI_48h_050nM_R1.fcs' });
  await expect(page.getByRole('img', { name: /vs .* of Singlets: [\d,]+ events/ })).toBeVisible();
  await page.waitForTimeout(1500);
  await page.getByRole('heading', { name: '2. Review each sample' }).evaluate((heading) => heading.scrollIntoView({ block: 'start' }));
  await shoot(page, 'apoptosis-review');
  await page.getByRole('heading', { name: '3. Results' }).evaluate((heading) => heading.scrollIntoView({ block: 'start' }));
  await shoot(page, 'apoptosis-results');

  await page.getByRole('tab', { name: 'Cell cycle (PI DNA)' }).click();
  await page.getByRole('button', { name: 'Analyse all samples' }).click();
  const cellCycle = page.getByRole('table', { name: 'Cell-cycle results' });
  await expect(cellCycle).toHaveAttribute('aria-busy', 'false', { timeout: 120_000 });
  // The singlet band above and the DNA histogram with its legend, whole.
  await page.getByRole('img', { name: /^DNA histogram of singlets/ }).evaluate((plot) => {
    plot.scrollIntoView({ block: 'end' });
    window.scrollBy(0, 100);
  });
  await shoot(page, 'cell-cycle');
  await page.getByRole('heading', { name: 'Results', exact: true }).evaluate((heading) => heading.scrollIntoView({ block: 'start' }));
  await shoot(page, 'cell-cycle-results');

  await page.getByRole('tab', { name: 'Explore and gate' }).click();
  await expect(page.getByRole('img', { name: /vs .* of All events: [\d,]+ events/ })).toBeVisible();
  await expect(page.getByRole('img', { name: /^Histogram of .*: [\d,]+ events/ })).toBeVisible();
  await page.evaluate(() => window.scrollTo(0, 0));
  await shoot(page, 'explore');

  // The other views (sample sheet, experiment…), whatever they are now.
  const done = new Set(['Explore and gate', 'Apoptosis (Annexin V / PI)', 'Cell cycle (PI DNA)']);
  for (const tab of await page.getByRole('tab').all()) {
    const name = (await tab.textContent())?.trim() ?? '';
    if (done.has(name)) continue;
    await tab.click();
    await page.waitForTimeout(1500);
    await page.evaluate(() => window.scrollTo(0, 0));
    await shoot(page, name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, ''));
  }

  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  await shoot(page, 'shortcuts');
});
