import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './fixtures.ts';

/** The shared real-file corpus (never copied into the project); the test reports a skip without it. */
const corpus = process.env.FLOWFATE_CORPUS ?? join(import.meta.dirname, '..', '..', 'shared', 'corpus');
const FILE = '222.LMD';
const path = join(corpus, 'dna', FILE);

test('a Beckman Gallios plant-nuclei file (singular $SPILLOVER, internal standard, top-channel pile-up) is analysed in the app and said as it is', async ({ page }) => {
  test.skip(!existsSync(path), `the shared corpus is not at ${corpus}`);
  await page.goto('/');
  await page.getByLabel('Open FCS files…').setInputFiles([path]);
  const samples = page.getByRole('region', { name: /Samples \(1\)/ });
  await expect(samples.getByRole('option', { name: new RegExp(`^${FILE.replace('.', '\\.')} Ready`) })).toBeVisible();
  // No channel names a dye here: the user says what the tube is.
  await page.getByLabel(`Assay of ${FILE}`).selectOption({ label: 'Cell cycle (PI DNA)' });
  await page.getByRole('tab', { name: 'Cell cycle (PI DNA)' }).click();

  // FL3, the PI detector of a Gallios, with its pulse height for the singlet gate; DNA read uncompensated.
  await expect(page.getByLabel('DNA content (area)')).toHaveValue('FL3-A');
  await expect(page.getByLabel('Singlet gate on')).toHaveValue('FL3-H');
  await expect(page.getByText(/DNA content is read uncompensated/)).toBeVisible();
  await page.getByRole('button', { name: 'Analyse all samples' }).click();

  const fit = page.getByRole('region', { name: `Fit of ${FILE}` });
  await expect(fit).toBeVisible();
  await expect(fit.getByRole('term').filter({ hasText: 'Second G0/G1-like population' })).toBeVisible();
  await expect(fit).toContainText(/DNA index 1\.3[5-8]\d/);
  await expect(fit).toContainText(/8\.\d+% of all events \([\d,]+ in the top channel, [\d,]+ at or below zero\), left out of the fit/);
  const flags = fit.getByRole('list', { name: 'Quality flags' });
  await expect(flags).toContainText('A second G0/G1-like peak sits at 1.3');
  await expect(flags).toContainText('of the events are off the DNA axis');
  await expect(page.getByRole('alert')).toHaveCount(0);

  // Debris: modelled automatically on this file; never, when asked.
  await expect(fit.getByRole('row', { name: /^Debris/ })).toContainText(/\d+\.\d\d%/);
  await page.getByLabel('Single-cut debris').selectOption('Never modelled');
  await expect(fit.getByRole('row', { name: /^Debris/ })).toContainText('not modelled');
});
