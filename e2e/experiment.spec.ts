import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { Download, Page } from '@playwright/test';
import { demoFile, expect, test } from './fixtures.ts';

const DAY = /\d{4}-\d\d-\d\d/.source;

async function saved(page: Page, click: () => Promise<void>): Promise<{ download: Download; path: string; text: () => string; bytes: () => Buffer }> {
  const waiting = page.waitForEvent('download');
  await click();
  const download = await waiting;
  const path = await download.path();
  return { download, path, text: () => readFileSync(path, 'utf8'), bytes: () => readFileSync(path) };
}

/** A sheet's rows from its header to the first empty row, as header → value. */
function rowsOf(sheet: ExcelJS.Worksheet, headerRow = 1): Record<string, unknown>[] {
  const header = (sheet.getRow(headerRow).values as unknown[]).slice(1) as string[];
  const rows: Record<string, unknown>[] = [];
  for (let r = headerRow + 1; r <= sheet.rowCount; r++) {
    const values = (sheet.getRow(r).values as unknown[]).slice(1);
    if (values.every((v) => v === null || v === undefined)) break;
    rows.push(Object.fromEntries(header.map((h, i) => [h, values[i] ?? null])));
  }
  return rows;
}

test('the demo experiment from opening to the dose-response figure and the workbook', async ({ page }, testInfo) => {
  test.setTimeout(300_000);
  await page.goto('/');
  await page.getByRole('button', { name: 'Open demo experiment' }).click();
  await expect(page.getByRole('region', { name: /Samples \(63\)/ }).getByText('Ready', { exact: true })).toHaveCount(63);

  // Both assays, as a user runs them.
  await page.getByRole('tab', { name: 'Apoptosis (Annexin V / PI)' }).click();
  await page.getByRole('button', { name: 'Run analysis' }).click();
  await expect(page.getByRole('table', { name: 'Apoptosis results' })).toHaveAttribute('aria-busy', 'false');
  // The assay view groups its replicates too.
  await expect(page.getByRole('table', { name: 'Apoptosis by condition' }).getByRole('rowheader')).toHaveCount(10);
  await page.getByRole('tab', { name: 'Cell cycle (PI DNA)' }).click();
  await page.getByRole('button', { name: 'Analyse all samples' }).click();
  await expect(page.getByRole('table', { name: 'Cell-cycle results' }).getByRole('rowheader')).toHaveCount(30);
  await expect(page.getByRole('table', { name: 'Cell-cycle results' })).toHaveAttribute('aria-busy', 'false');
  // The DNA histogram with its fitted components, as a figure named after its tube.
  const dna = await saved(page, () => page.getByRole('button', { name: 'Export DNA histogram of singlets with the Dean-Jett-Fox fit as SVG' }).click());
  expect(dna.download.suggestedFilename()).toMatch(/DNA histogram of singlets with the Dean-Jett-Fox fit PI-DNA_\d+h_\d+nM_R\d\.fcs\.svg$/);
  expect(dna.text()).toMatch(/>DNA histogram of singlets with the Dean-Jett-Fox fit — PI-DNA_\d+h_\d+nM_R\d\.fcs<\/text>/);

  await page.getByRole('tab', { name: 'Experiment' }).click();
  await expect(page.getByText('63 analysed tubes in 10 conditions.')).toBeVisible();
  const figureName = 'Viable (AnnV-/PI-) % of singlets against concentration, MM1S-like · ixazomib-like';
  const chart = page.getByRole('figure', { name: figureName, exact: true });
  await expect(chart.getByRole('button', { name: /_R\d\.fcs: [\d.]+ % at / })).toHaveCount(30);
  const ec50Table = page.getByRole('table', { name: 'EC50 of Viable (AnnV-/PI-) % of singlets' });
  const shownEc50 = Number(await ec50Table.getByRole('row').filter({ has: page.getByRole('cell', { name: '48', exact: true }) }).getByRole('cell').nth(6).innerText());
  expect(shownEc50).toBeGreaterThan(15);
  expect(shownEc50).toBeLessThan(30);
  await page.screenshot({ path: testInfo.outputPath('experiment.png'), fullPage: true });

  // The dose-response figure as SVG and PNG, named after the experiment, the day and the figure.
  const svg = await saved(page, () => page.getByRole('button', { name: `Export ${figureName} as SVG` }).click());
  expect(svg.download.suggestedFilename()).toMatch(new RegExp(`^Ixazomib-like dose and time series \\(simulated\\) ${DAY} Viable \\(AnnV- PI-\\) % of singlets against concentration, MM1S-like · ixazomib-like\\.svg$`));
  const svgText = svg.text();
  expect(svgText).toMatch(/^<\?xml[^>]*\?>\n<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  expect(svgText).toContain(`>${figureName}</text>`);
  expect(svgText).toContain('>Concentration (nM, log scale)</text>');
  expect(svgText.match(/<circle /g)).toHaveLength(30);
  const png = await saved(page, () => page.getByRole('button', { name: `Export ${figureName} as PNG` }).click());
  expect(png.download.suggestedFilename()).toMatch(/\.png$/);
  expect(png.bytes().subarray(1, 4).toString('latin1')).toBe('PNG');

  // The composition bars and the dose series (one figure of ten Annexin V × PI plots).
  const composition = await saved(page, () => page.getByRole('button', { name: 'Export Composition per condition as SVG' }).click());
  expect(composition.text()).toContain('>Cell cycle, % of cycling cells (fit)</text>');
  const series = await saved(page, () => page.getByRole('button', { name: 'Export Annexin V × PI dose series of MM1S-like · ixazomib-like, replicate 1 as SVG' }).click());
  expect(series.download.suggestedFilename()).toMatch(new RegExp(`${DAY} Annexin V × PI dose series of MM1S-like · ixazomib-like, replicate 1\\.svg$`));
  expect(series.text().match(/<image /g)).toHaveLength(10);
  expect(series.text()).toContain('>untreated</text>');

  // The workbook: every number on screen is in it, every file with its SHA-256.
  const workbookFile = await saved(page, () => page.getByRole('button', { name: 'Export workbook (XLSX)' }).click());
  expect(workbookFile.download.suggestedFilename()).toMatch(new RegExp(`^Ixazomib-like dose and time series \\(simulated\\) ${DAY} workbook\\.xlsx$`));
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(workbookFile.path);
  expect(workbook.worksheets.map((s) => s.name)).toEqual(['Summary', 'Tidy', 'Apoptosis', 'Cell cycle', 'Provenance']);
  const summarySheet = workbook.getWorksheet('Summary') as ExcelJS.Worksheet;
  const summary = rowsOf(summarySheet);
  const onScreen = page.getByRole('table', { name: 'Experiment by condition' }).getByRole('row', { name: /ixazomib-like 50 nM · 48 h/ });
  const condition = summary.find((r) => r.Condition === 'MM1S-like · ixazomib-like 50 nM · 48 h');
  const viableMean = Number(condition?.['Viable (AnnV-/PI-) % of singlets mean']);
  await expect(onScreen.getByRole('cell').nth(5)).toHaveText(`${viableMean.toFixed(2)}%`);
  const g2m = Number(condition?.['G2/M % of cycling cells (fit) mean']);
  await expect(onScreen).toContainText(`${g2m.toFixed(2)}%`);
  const titleRow = summary.length + 3;
  expect(summarySheet.getRow(titleRow).getCell(1).value).toBe('EC50 of each dose-response curve (4-parameter logistic)');
  const ec50 = rowsOf(summarySheet, titleRow + 1).find((r) => r.Measure === 'Viable (AnnV-/PI-) % of singlets' && r['Time (h)'] === 48);
  expect(Number(Number(ec50?.['EC50 (nM)']).toPrecision(4))).toBe(shownEc50);
  for (const row of rowsOf(workbook.getWorksheet('Provenance') as ExcelJS.Worksheet).filter((r) => r['Gate type'] === 'quadrant')) {
    expect(row['SHA-256']).toBe(createHash('sha256').update(readFileSync(demoFile(String(row.File)))).digest('hex'));
  }

  // Each table as CSV, named after the experiment.
  await page.getByLabel('Table', { exact: true }).selectOption('Tidy');
  const tidy = await saved(page, () => page.getByRole('button', { name: 'Table as CSV' }).click());
  expect(tidy.download.suggestedFilename()).toMatch(new RegExp(`${DAY} tidy\\.csv$`));
  expect(tidy.text().split('\r\n')[0]).toBe('File,Assay,Role,Cell line,Compound,Concentration (nM),Time (h),Replicate,Condition label,Condition,Population,Parent,Count,% of parent,Reported as');

  // A replicate point opens its tube in its assay view.
  await chart.getByRole('button', { name: /^AnnV-PI_48h_050nM_R2\.fcs: / }).click();
  await expect(page.getByRole('tab', { name: 'Apoptosis (Annexin V / PI)' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByLabel('Sample to review')).toHaveValue(/.+/);
  await expect(page.getByLabel('Sample to review').locator('option:checked')).toHaveText('AnnV-PI_48h_050nM_R2.fcs');
  // Its quadrant plot as a figure named after it, so ten tubes' figures never overwrite each other.
  const quadrant = await saved(page, () => page.getByRole('button', { name: /^Export FITC-A .* vs PE-A .* of Singlets as SVG$/ }).click());
  expect(quadrant.download.suggestedFilename()).toMatch(/of Singlets AnnV-PI_48h_050nM_R2\.fcs\.svg$/);
  expect(quadrant.text()).toContain('AnnV-PI_48h_050nM_R2.fcs</text>');
});
