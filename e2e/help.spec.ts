/** The first screen's ways in, the one-minute tour and the help panel, as a new user meets them (no files needed). */
import { expect, test } from './fixtures.ts';

test('the first screen offers three ways in and a tour that can be skipped; Help explains each assay with its references, from the top', async ({ page }) => {
  await page.goto('/');
  const start = page.getByRole('region', { name: /from your FCS files/ });
  for (const way of ['Open FCS files…', 'Open a folder…', 'Open demo experiment']) await expect(start.getByRole('button', { name: way })).toBeVisible();

  await start.getByRole('button', { name: 'Take the one-minute tour' }).click();
  const tour = page.getByRole('dialog', { name: 'A one-minute tour of FlowFate' });
  await expect(tour.getByRole('heading', { name: 'A one-minute tour of FlowFate' })).toBeFocused();
  await expect(tour.getByRole('heading', { name: /^Step 1 of 6: Open your experiment/ })).toBeVisible();
  for (let step = 2; step <= 6; step++) {
    await tour.getByRole('button', { name: 'Next' }).click();
    await expect(tour.getByRole('heading', { name: new RegExp(`^Step ${step} of 6`) })).toBeVisible();
  }
  await expect(tour.getByRole('button', { name: 'Next' })).toBeDisabled();
  await tour.getByRole('button', { name: 'Close the tour' }).click();
  await expect(tour).toBeHidden();
  // Opened again, it starts from the first step; Esc skips it.
  await start.getByRole('button', { name: 'Take the one-minute tour' }).click();
  await expect(tour.getByRole('heading', { name: /^Step 1 of 6/ })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(tour).toBeHidden();

  await page.getByRole('button', { name: 'Help', exact: true }).click();
  const help = page.getByRole('dialog', { name: 'Help: what FlowFate does and how' });
  const title = help.getByRole('heading', { name: 'Help: what FlowFate does and how' });
  await expect(title).toBeFocused();
  // Opened at its beginning (not scrolled to the buttons at the end of a long text).
  await expect(title).toBeInViewport();
  for (const section of ['Apoptosis (Annexin V / PI)', 'Cell cycle (PI DNA content)', 'Gates and sample groups', 'References']) {
    await expect(help.getByRole('heading', { name: section, exact: true })).toBeAttached();
  }
  await expect(help.getByRole('listitem').filter({ hasText: /^Vermes I/ })).toBeAttached();
  await expect(help.getByRole('listitem').filter({ hasText: /^Dean PN, Jett JH/ })).toBeAttached();
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();
  await expect(page.getByRole('button', { name: 'Help', exact: true })).toBeFocused();
});
