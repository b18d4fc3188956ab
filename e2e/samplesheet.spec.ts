import { readFileSync, writeFileSync } from 'node:fs';
import { demoFile, expect, test } from './fixtures.ts';

const FILES = ['AnnV-PI_24h_000nM_R1.fcs', 'AnnV-PI_24h_010nM_R2.fcs', 'AnnV-PI_24h_050nM_R3.fcs', 'PI-DNA_48h_100nM_R1.fcs'];

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

test('the sample sheet: filled in from names, a block pasted from Excel lands cell by cell, an impossible dose is flagged, fill down, CSV out and in, undo', async ({ page }, testInfo) => {
  await page.goto('/');
  await page.getByLabel('Open FCS files…').setInputFiles(FILES.map(demoFile));
  await expect(page.getByRole('region', { name: /Samples/ }).getByText('Ready', { exact: true })).toHaveCount(4);
  await page.getByRole('tab', { name: 'Sample sheet' }).click();
  const sheet = page.getByRole('table', { name: 'Sample sheet' });
  const cell = (column: string, file: string) => sheet.getByLabel(`${column} of ${file}`, { exact: true });

  // Read from the names (and $SRC): role, concentration, time, replicate, cell line.
  await expect(cell('Role', FILES[0])).toHaveValue('Untreated');
  await expect(cell('Concentration', FILES[2])).toHaveValue('50');
  await expect(cell('Replicate', FILES[1])).toHaveValue('2');
  await expect(cell('Cell line', FILES[3])).toHaveValue('MM1S-like');
  await expect(cell('Assay', FILES[3])).toHaveValue('Cell cycle (PI DNA)');

  // A column of four numbers copied from Excel (with its final line break) lands in four cells.
  await page.evaluate(() => navigator.clipboard.writeText('10\r\n20\r\n50\r\n100\r\n'));
  await cell('Concentration', FILES[0]).focus();
  await page.keyboard.press('Control+V');
  for (const [k, dose] of ['10', '20', '50', '100'].entries()) await expect(cell('Concentration', FILES[k])).toHaveValue(dose);
  await expect(page.getByRole('status').filter({ hasText: 'Paste: 4 cells of 4 tubes written.' })).toBeVisible();

  // A block across columns: compound, concentration with a decimal comma, unit, time, time unit, replicate tag.
  await page.evaluate(() => navigator.clipboard.writeText('Ixa\t0,5\tµM\t24\th\tR3\nIxa\t1\tµM\t48\th\trep1\n'));
  await cell('Compound', FILES[1]).focus();
  await page.keyboard.press('Control+V');
  await expect(cell('Concentration', FILES[1])).toHaveValue('0.5');
  await expect(cell('Unit', FILES[1])).toHaveValue('µM');
  await expect(cell('Replicate', FILES[1])).toHaveValue('3');
  await expect(cell('Compound', FILES[2])).toHaveValue('Ixa');
  await expect(cell('Time', FILES[2])).toHaveValue('48');

  // A column pasted into one cell by mistake cannot go unnoticed.
  await cell('Concentration', FILES[3]).fill('102050100');
  await cell('Concentration', FILES[3]).press('Tab');
  const flagged = page.getByRole('alert').filter({ hasText: 'value needs checking' });
  await expect(flagged).toContainText('PI-DNA_48h_100nM_R1.fcs: 102,050,100 nM is 0.102 M, far above any drug concentration used on cells');
  await expect(cell('Concentration', FILES[3])).toHaveAttribute('aria-invalid', 'true');
  await page.screenshot({ path: testInfo.outputPath('sample-sheet.png'), fullPage: true });
  await cell('Concentration', FILES[3]).fill('100');
  await cell('Concentration', FILES[3]).press('Enter');
  await expect(flagged).toHaveCount(0);

  // Select three rows (Shift+click for the range), set the cell line once, fill the compound down.
  await sheet.getByLabel(`Select ${FILES[1]}`).click();
  await sheet.getByLabel(`Select ${FILES[3]}`).click({ modifiers: ['Shift'] });
  await expect(page.getByText('3 of 4 tubes selected')).toBeVisible();
  await page.getByLabel('Column', { exact: true }).selectOption('Cell line');
  await page.getByLabel('Value', { exact: true }).fill('RPMI-8226');
  await page.getByRole('button', { name: 'Set for selected tubes' }).click();
  for (const file of FILES.slice(1)) await expect(cell('Cell line', file)).toHaveValue('RPMI-8226');
  await expect(cell('Cell line', FILES[0])).toHaveValue('MM1S-like');
  await cell('Compound', FILES[3]).fill('');
  await cell('Compound', FILES[3]).press('Control+d');
  await expect(cell('Compound', FILES[3])).toHaveValue('Ixa');

  // Export the sheet as CSV, change it as a spreadsheet would (semicolons, decimal commas), import it back.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export sheet (CSV)' }).click();
  const saved = await download;
  expect(saved.suggestedFilename()).toMatch(/^\d{4}-\d\d-\d\d sample sheet\.csv$/);
  const csv = readFileSync(await saved.path(), 'utf8').trim().split('\r\n');
  expect(csv[0]).toBe('File,Assay,Role,Cell line,Compound,Concentration,Unit,Time,Time unit,Replicate,Condition label');
  expect(csv[2]).toBe('AnnV-PI_24h_010nM_R2.fcs,Apoptosis (Annexin V/PI),Sample,RPMI-8226,Ixa,0.5,µM,24,h,3,');
  const edited = testInfo.outputPath('sheet-edited.csv');
  writeFileSync(edited, `\uFEFFFile;Concentration;Unit;Condition label\r\n${FILES[2]};2,5;µM;+ Z-VAD\r\nmissing.fcs;1;nM;\r\n`);
  await page.getByLabel('Import sheet (CSV)…').setInputFiles(edited);
  await expect(cell('Concentration', FILES[2])).toHaveValue('2.5');
  await expect(cell('Condition label', FILES[2])).toHaveValue('+ Z-VAD');
  await expect(page.getByRole('alert').filter({ hasText: /Import of sheet-edited\.csv: 3 cells of 1 tube written/ })).toContainText('"missing.fcs" is not open');

  // The last edit can be undone.
  await page.getByRole('button', { name: 'Undo: Import of sheet-edited.csv' }).click();
  await expect(cell('Concentration', FILES[2])).toHaveValue('1');
});
