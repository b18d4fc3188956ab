import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { demoFile, expect, test } from './fixtures.ts';
import { readResultsTable as readTable } from './resultsTables.ts';

const MINUS = '\u2212';
const CONTROLS = { unstained: 'AnnV-PI_unstained.fcs', annexinOnly: 'AnnV-PI_AnnV-only.fcs', piOnly: 'AnnV-PI_PI-only.fcs' };
/** The five reported populations: the column names of the table and of its exports, and the CLI's JSON keys. */
const POPULATIONS = [
  { column: 'Viable (AnnV-/PI-) % of singlets', key: 'viable' },
  { column: 'Early apoptotic (AnnV+/PI-) % of singlets', key: 'earlyApoptotic' },
  { column: 'Late apoptotic (AnnV+/PI+) % of singlets', key: 'lateApoptotic' },
  { column: 'Necrotic (AnnV-/PI+) % of singlets', key: 'necrotic' },
  { column: 'Total apoptotic (early + late) % of singlets', key: 'totalApoptotic' },
] as const;
const ADJUSTED = 'Thresholds adjusted for this sample';
const PI_THRESHOLD = 'PI threshold (compensated)';

type PopulationKey = (typeof POPULATIONS)[number]['key'];

interface CliEntry {
  file: string;
  events: number;
  cells: number;
  singlets: number;
  thresholds: { annexin: number; pi: number };
  percent: Record<PopulationKey, number>;
}

interface DemoManifestFile {
  fileName: string;
  assay: string;
}

const apoptosisFiles = (JSON.parse(readFileSync(demoFile('manifest.json'), 'utf8')) as { files: DemoManifestFile[] }).files
  .filter((f) => f.assay === 'apoptosis')
  .map((f) => f.fileName);

/** The built CLI's answer for the same files and choices (the product defaults), by file name. */
function cliResults(): Map<string, CliEntry> {
  const out = execFileSync('node', [
    'bin/flowfate.js', 'apoptosis', ...apoptosisFiles.map(demoFile), '--annexin', 'FITC-A', '--pi', 'PE-A',
    '--unstained', demoFile(CONTROLS.unstained), '--annexin-only', demoFile(CONTROLS.annexinOnly), '--pi-only', demoFile(CONTROLS.piOnly), '--json',
  ], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  return new Map((JSON.parse(out) as CliEntry[]).map((entry) => [basename(entry.file), entry]));
}

/** Thresholds as the exports write them (6 significant digits) and as the screen shows them (4). */
const significant = (value: number) => String(Number(value.toPrecision(6)));
const shownValue = (value: number) => String(Number(value.toPrecision(4)));

async function openDemoAndRun(page: Page): Promise<Locator> {
  await page.goto('/');
  await page.getByRole('tab', { name: 'Apoptosis (Annexin V / PI)' }).click();
  await page.getByRole('button', { name: 'Open demo experiment' }).click();
  await expect(page.getByRole('region', { name: /Samples \(63\)/ }).getByText('Ready', { exact: true })).toHaveCount(63);

  // The setup comes prefilled: roles from the sample sheet, channels from $PnS with the reason, the file's matrix.
  await expect(page.getByLabel(`Role of ${CONTROLS.piOnly}`)).toHaveValue('piOnly');
  await expect(page.getByLabel(`Role of ${CONTROLS.annexinOnly}`)).toHaveValue('annexinOnly');
  await expect(page.getByLabel(`Role of ${CONTROLS.unstained}`)).toHaveValue('unstained');
  await expect(page.getByLabel('Role of AnnV-PI_48h_000nM_R1.fcs')).toHaveValue('untreated');
  await expect(page.getByLabel('Annexin V channel')).toHaveValue('FITC-A');
  await expect(page.getByLabel('PI channel')).toHaveValue('PE-A');
  await expect(page.getByText(/^FITC-A \(Annexin V\): stain name \(\$PnS\) mentions Annexin V/)).toBeVisible();
  await expect(page.getByRole('radio', { name: /^Automatic: each file's own matrix/ })).toBeChecked();
  await expect(page.getByRole('table', { name: 'Spillover matrix' })).toContainText('FITC-A');
  await expect(page.getByText(/^All \d+ files carry a spillover matrix for FITC-A and PE-A/)).toBeVisible();
  await expect(page.getByLabel('Percentile of the negative controls')).toHaveValue('99');

  await page.getByRole('button', { name: 'Run analysis' }).click();
  const table = page.getByRole('table', { name: 'Apoptosis results' });
  await expect(table.getByRole('rowheader')).toHaveCount(apoptosisFiles.length);
  await expect(table).toHaveAttribute('aria-busy', 'false');
  return table;
}

test('the guided Annexin V / PI analysis of the demo experiment gives the CLI’s numbers, and exports them', async ({ page }) => {
  const table = await openDemoAndRun(page);
  const cli = cliResults();
  const shown = await readTable(table);
  expect([...shown.keys()].toSorted()).toEqual([...cli.keys()].toSorted());
  for (const [file, expected] of cli) {
    const row = shown.get(file);
    if (!row) throw new Error(`no row for ${file}`);
    expect(row.Singlets, file).toBe(expected.singlets.toLocaleString('en-US'));
    for (const { column, key } of POPULATIONS) expect(row[column], `${file} ${column}`).toBe(`${expected.percent[key].toFixed(2)}%`);
    expect(row['Annexin V threshold (compensated)'], file).toBe(shownValue(expected.thresholds.annexin));
    expect(row[PI_THRESHOLD], file).toBe(shownValue(expected.thresholds.pi));
    expect(row[ADJUSTED], file).toBe('no');
  }
  expect(shown.get('AnnV-PI_48h_050nM_R1.fcs')).toMatchObject({ Role: 'sample', 'Dose (nM)': '50', 'Time (h)': '48' });

  // The review shows the selected sample's three plots with its gates.
  await expect(page.getByRole('img', { name: /^FSC-A vs SSC-A of All events: 20,000 events/ })).toBeVisible();
  await expect(page.getByRole('img', { name: /^FSC-A vs FSC-H of Cells: [\d,]+ events/ })).toBeVisible();
  await expect(page.getByRole('img', { name: /^FITC-A \(Annexin V\) vs PE-A \(PI\) of Singlets: [\d,]+ events/ })).toBeVisible();
  const quadrantGates = page.getByRole('group', { name: /^Gates on FITC-A \(Annexin V\) vs PE-A \(PI\) of Singlets/ });
  await expect(quadrantGates.getByRole('img', { name: new RegExp(`^Viable \\(AnnV${MINUS}/PI${MINUS}\\): [\\d.]+% of parent$`) })).toBeVisible();

  // The CSV download holds the same numbers (3 decimals), with dose and time from the sample sheet.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const saved = await download;
  expect(saved.suggestedFilename()).toBe('apoptosis-results.csv');
  const [header, ...lines] = readFileSync(await saved.path(), 'utf8').trimEnd().split('\r\n');
  const columns = header.split(',');
  expect(columns.slice(0, 7)).toEqual(['File', 'Role', 'Dose (nM)', 'Time (h)', 'Events', 'Cells', 'Singlets']);
  expect(lines).toHaveLength(apoptosisFiles.length);
  for (const line of lines) {
    const cells = Object.fromEntries(line.split(',').slice(0, columns.length).map((cell, i) => [columns[i], cell]));
    const expected = cli.get(cells.File);
    if (!expected) throw new Error(`unexpected CSV row ${line}`);
    expect(Number(cells.Singlets)).toBe(expected.singlets);
    for (const { column, key } of POPULATIONS) expect(cells[column], `${cells.File} ${column}`).toBe(expected.percent[key].toFixed(3));
    expect(cells['Annexin V threshold (compensated)']).toBe(significant(expected.thresholds.annexin));
    expect(cells['PI threshold (compensated)']).toBe(significant(expected.thresholds.pi));
  }

  // The same table as a workbook (a zip, as every XLSX is).
  const workbook = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export XLSX' }).click();
  const xlsx = await workbook;
  expect(xlsx.suggestedFilename()).toBe('apoptosis-results.xlsx');
  expect(readFileSync(await xlsx.path()).subarray(0, 2).toString('latin1')).toBe('PK');
});

/** Grabs a divider of the quadrant by trying drags across the plot until the "apply to" question appears. */
async function moveQuadrant(page: Page, gates: Locator): Promise<Locator> {
  const question = page.getByRole('dialog', { name: /^Quadrant moved on / });
  await gates.scrollIntoViewIfNeeded();
  const box = await gates.boundingBox();
  if (!box) throw new Error('the quadrant plot is not on screen');
  // Plot area of the review's 360 × 340 plots (src/plots/frame.ts margins); the PI divider spans the whole width and
  // is grabbed within 7 px (HANDLE_RADIUS_PX), so steps of 12 px cannot miss it. PI thresholds sit low on the axis.
  const x = box.x + 62 + 270;
  for (let y = box.y + 12 + 276; y > box.y + 12; y -= 12) {
    await page.mouse.move(x, y);
    await page.mouse.down();
    for (let step = 1; step <= 4; step++) await page.mouse.move(x, y - 5 * step);
    await page.mouse.up();
    if (await question.waitFor({ state: 'visible', timeout: 400 }).then(() => true, () => false)) return question;
  }
  throw new Error('no quadrant divider could be grabbed');
}

test('compensation computed from the single-stain controls gives the CLI’s numbers; a quadrant moved on one sample is flagged there only', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('tab', { name: 'Apoptosis (Annexin V / PI)' }).click();
  await page.getByRole('button', { name: 'Open demo experiment' }).click();
  await expect(page.getByRole('region', { name: /Samples \(63\)/ }).getByText('Ready', { exact: true })).toHaveCount(63);
  await page.getByRole('radio', { name: 'Compute from the Annexin V-only and PI-only controls' }).check();
  await expect(page.getByText(`Measured on ${CONTROLS.annexinOnly} and ${CONTROLS.piOnly} when you run the analysis.`)).toBeVisible();
  await page.getByRole('button', { name: 'Run analysis' }).click();
  const table = page.getByRole('table', { name: 'Apoptosis results' });
  await expect(table.getByRole('rowheader')).toHaveCount(apoptosisFiles.length);
  await expect(table).toHaveAttribute('aria-busy', 'false');
  await expect(page.getByRole('table', { name: 'Spillover matrix' })).toBeVisible();

  const out = execFileSync('node', [
    'bin/flowfate.js', 'apoptosis', ...apoptosisFiles.map(demoFile), '--annexin', 'FITC-A', '--pi', 'PE-A', '--compensation', 'controls',
    '--unstained', demoFile(CONTROLS.unstained), '--annexin-only', demoFile(CONTROLS.annexinOnly), '--pi-only', demoFile(CONTROLS.piOnly), '--json',
  ], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const cli = new Map((JSON.parse(out) as CliEntry[]).map((entry) => [basename(entry.file), entry]));
  const before = await readTable(table);
  for (const [file, expected] of cli) {
    for (const { column, key } of POPULATIONS) expect(before.get(file)?.[column], `${file} ${column}`).toBe(`${expected.percent[key].toFixed(2)}%`);
    expect(before.get(file)?.[PI_THRESHOLD], file).toBe(shownValue(expected.thresholds.pi));
  }

  // Move the quadrant on one sample and keep it there only: that row is flagged and changes, the others do not.
  const file = 'AnnV-PI_48h_050nM_R1.fcs';
  await page.getByLabel('Sample to review').selectOption({ label: file });
  const gates = page.getByRole('group', { name: /^Gates on FITC-A \(Annexin V\) vs PE-A \(PI\) of Singlets/ });
  await expect(gates.getByRole('img', { name: /^Viable .*% of parent$/ })).toBeVisible();
  const question = await moveQuadrant(page, gates);
  // Until the question is answered the row says so (neither adjusted nor not), and the exports wait.
  await expect.poll(async () => (await readTable(table)).get(file)?.[ADJUSTED]).toBe('moved: all samples or only this one?');
  await expect(page.getByRole('button', { name: 'Export CSV' })).toBeDisabled();
  await question.getByRole('button', { name: 'Only this sample' }).click();
  await expect(question).toHaveCount(0);
  await expect.poll(async () => (await readTable(table)).get(file)?.[ADJUSTED]).toBe('yes');
  await expect(table).toHaveAttribute('aria-busy', 'false');
  const after = await readTable(table);
  expect(after.get(file)?.[ADJUSTED]).toBe('yes');
  expect(after.get(file)?.[PI_THRESHOLD]).not.toBe(before.get(file)?.[PI_THRESHOLD]);
  for (const [other, row] of after) if (other !== file) expect(row, other).toEqual(before.get(other));

  // One undo step puts it back.
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(table).toHaveAttribute('aria-busy', 'false');
  await expect.poll(async () => (await readTable(table)).get(file)).toEqual(before.get(file));
});
