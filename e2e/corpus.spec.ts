import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './fixtures.ts';

/** The shared real-file corpus (never copied into the project); the test reports a skip without it. */
const corpus = process.env.FLOWFATE_CORPUS ?? join(import.meta.dirname, '..', '..', 'shared', 'corpus');
const fcsDir = join(corpus, 'fcs');
const files = existsSync(fcsDir) ? readdirSync(fcsDir).filter((f) => !f.endsWith('.ref.json')).toSorted() : [];
const NEGATIVE = ['fcsparser--corrupted--corrupted.fcs', 'fcsparser--Cytek-Aurora--sample_header_truncated.fcs'];
const TWO_DATA_SETS = 'cytoflow--Beckman-Cytomics-FC500--Cytomics-FC500.LMD';

test('every real cytometer file of the corpus opens in the app; broken ones say why; data sets can be switched', async ({ page }) => {
  test.skip(files.length === 0, `the shared corpus is not at ${corpus}`);
  await page.goto('/');
  await page.getByLabel('Open FCS files…').setInputFiles(files.map((f) => join(fcsDir, f)));
  const samples = page.getByRole('region', { name: new RegExp(`Samples \\(${files.length}\\)`) });
  await expect(samples.getByText('Reading…')).toHaveCount(0, { timeout: 60_000 });
  const option = (file: string) => samples.getByRole('option', { name: new RegExp(file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) });
  for (const file of files) await expect(option(file)).toContainText(NEGATIVE.includes(file) ? 'Could not be read' : 'Ready');
  for (const file of NEGATIVE) {
    await option(file).click();
    await expect(samples.getByRole('region', { name: `Selected file ${file}` }).getByRole('alert')).toContainText(`Cannot read "${file}"`);
  }

  await expect(option(TWO_DATA_SETS)).toContainText(/notes?/);
  await option(TWO_DATA_SETS).click();
  const lmd = samples.getByRole('region', { name: `Selected file ${TWO_DATA_SETS}` });
  const picker = lmd.getByLabel('Data set');
  await expect(picker.getByRole('option')).toHaveText([/^1 of 2: FCS 2\.0, 27,072 events, 4 parameters/, /^2 of 2: FCS 3\.0, 27,072 events, 8 parameters/]);
  await expect(lmd).toContainText('8 parameters');
  await picker.selectOption({ index: 0 });
  await expect(lmd).toContainText('4 parameters');
  await expect(page.getByRole('img', { name: / vs .* of All events: 27,072 events/ })).toBeVisible();
});
