import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import type { Locator } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { cellOf, escaped, showDetails } from './resultsTables.ts';

/** Plot area of the 400 × 300 DNA histogram (src/plots/frame.ts margins). */
const AREA = { left: 62, top: 12, width: 400 - 62 - 14, height: 300 - 12 - 48 };
const CONTROL = 'PI-DNA_24h_000nM_R1.fcs';
/** Samples whose rows are compared with the CLI: the control, a middle and the highest dose. */
const CHECKED = [CONTROL, 'PI-DNA_24h_050nM_R1.fcs', 'PI-DNA_48h_100nM_R1.fcs'];

interface CliEntry {
  file: string;
  G1: number;
  S: number;
  G2M: number;
  singlets: number;
}

/** `flowfate cellcycle` on the same demo files with the product defaults, by file name. */
function cliResults(): Map<string, CliEntry> {
  const files = readdirSync('public/demo').filter((f) => f.startsWith('PI-DNA_')).map((f) => `public/demo/${f}`);
  const json = execFileSync('node', ['bin/flowfate.js', 'cellcycle', ...files, '--dna', 'PI-A', '--width', 'PI-W', '--json'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  const entries = JSON.parse(json) as CliEntry[];
  return new Map(entries.map((e) => [e.file.replace('public/demo/', ''), e]));
}

const percent = (value: number) => `${value.toFixed(2)}%`;

/** The percentage a range gate's label shows, from its accessible name "<range>: 12.34% of parent". */
async function shownPercent(layer: Locator, range: string): Promise<number> {
  const label = await layer.getByRole('img', { name: new RegExp(`^${escaped(range)}: `) }).getAttribute('aria-label');
  const match = /: ([\d.]+)% of parent$/.exec(label ?? '');
  return match ? Number(match[1]) : Number.NaN;
}

const FIT = { g1: 'G0/G1 % of cycling cells (fit)', s: 'S % of cycling cells (fit)', g2m: 'G2/M % of cycling cells (fit)' };

test('analyses the demo PI-DNA samples like the CLI, shows band, fit and table, follows band edits and a dragged G2/M boundary, exports CSV, refits on options', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Open demo experiment' }).click();
  await expect(page.getByRole('region', { name: /Samples \(63\)/ }).getByText('Ready', { exact: true })).toHaveCount(63);
  await page.getByRole('tab', { name: 'Cell cycle (PI DNA)' }).click();

  // Channels are prefilled from the files' names; one click analyses every sample.
  await expect(page.getByLabel('DNA content (area)')).toHaveValue('PI-A');
  await expect(page.getByLabel('Singlet gate on')).toHaveValue('PI-W');
  await page.getByRole('button', { name: 'Analyse all samples' }).click();
  await page.getByLabel('Sample', { exact: true }).selectOption({ label: CONTROL });

  // The control on screen: its singlet band, its fitted histogram, its numbers with their denominators.
  const sample = page.getByRole('region', { name: `Cell cycle of ${CONTROL}` });
  const band = sample.getByRole('group', { name: `Gates on PI-A vs PI-W of ${CONTROL}` });
  await expect(band.getByRole('img', { name: /^DNA singlets: [\d.]+% of parent$/ })).toBeVisible();
  await expect(sample.getByRole('img', { name: `PI-A vs PI-W of ${CONTROL}: 30,000 events` })).toBeVisible();
  await expect(sample.getByRole('img', { name: `Dean-Jett-Fox fit over DNA histogram of singlets of ${CONTROL}` })).toBeVisible();
  await expect(sample.getByRole('list', { name: 'Fitted components' })).toContainText('G0/G1');
  await expect(sample.getByRole('list', { name: 'Fitted components' })).toContainText('Model total');
  await expect(sample.getByRole('table', { name: 'Cell-cycle phases of the modelled cycling cells' })).toContainText('G0/G1 + S + G2/M = 100%');

  // Every sample's row, with the CLI's numbers for the same files and options.
  const table = page.getByRole('table', { name: 'Cell-cycle results' });
  await expect(table.getByRole('rowheader')).toHaveCount(30);
  await expect(table).toHaveAttribute('aria-busy', 'false');
  await showDetails(table);
  const cli = cliResults();
  for (const file of CHECKED) {
    const expected = cli.get(file);
    if (!expected) throw new Error(`the CLI did not analyse ${file}`);
    await expect(await cellOf(table, file, 'Singlets')).toHaveText(expected.singlets.toLocaleString('en-US'));
    await expect(await cellOf(table, file, FIT.g1)).toHaveText(percent(expected.G1));
    await expect(await cellOf(table, file, FIT.s)).toHaveText(percent(expected.S));
    await expect(await cellOf(table, file, FIT.g2m)).toHaveText(percent(expected.G2M));
  }

  // Lower the top edge of the control's singlet band by typing its corners: the control is refitted on fewer singlets;
  // Undo brings back the band and the CLI's fit.
  await sample.getByLabel('Gate to edit').selectOption({ label: 'DNA singlets' });
  const bandForm = sample.getByRole('form', { name: 'Edit DNA singlets' });
  for (const corner of ['Vertex 3 PI-W', 'Vertex 4 PI-W']) {
    const field = bandForm.getByLabel(corner);
    await field.fill(String(Math.round(0.97 * Number(await field.inputValue()))));
  }
  await bandForm.getByRole('button', { name: 'Apply' }).click();
  const controlSinglets = await cellOf(table, CONTROL, 'Singlets');
  const cliControl = cli.get(CONTROL);
  if (!cliControl) throw new Error('the CLI did not analyse the control');
  await expect.poll(async () => Number((await controlSinglets.textContent())?.replaceAll(',', ''))).toBeLessThan(cliControl.singlets);
  await expect(table).toHaveAttribute('aria-busy', 'false');
  await sample.getByRole('button', { name: 'Undo' }).click();
  await expect(controlSinglets).toHaveText(cliControl.singlets.toLocaleString('en-US'));
  await expect(await cellOf(table, CONTROL, FIT.g1)).toHaveText(percent(cliControl.G1));

  // Drag the S | G2/M boundary left with the mouse: G2/M grows, S shrinks, live; the typed boundary follows.
  const histogram = sample.getByRole('group', { name: `Gates on DNA histogram of singlets of ${CONTROL}` });
  const g2mBefore = await shownPercent(histogram, 'G2/M');
  const sBefore = await shownPercent(histogram, 'S');
  await sample.getByLabel('Gate to edit').selectOption({ label: 'Cell cycle phases' });
  const boundary = sample.getByRole('form', { name: 'Edit Cell cycle phases' }).getByLabel('Boundary 4 PI-A');
  const value = Number(await boundary.inputValue());
  const axisMax = Number(await sample.getByLabel('DNA axis maximum').inputValue());
  await histogram.scrollIntoViewIfNeeded();
  const box = await histogram.boundingBox();
  if (!box) throw new Error('the histogram is not on screen');
  const x = box.x + AREA.left + (value / axisMax) * AREA.width;
  const y = box.y + AREA.top + AREA.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  for (let step = 1; step <= 6; step++) await page.mouse.move(x - 3 * step, y);
  await page.mouse.up();
  await expect.poll(() => shownPercent(histogram, 'G2/M')).toBeGreaterThan(g2mBefore);
  await expect.poll(() => shownPercent(histogram, 'S')).toBeLessThan(sBefore);
  await expect(sample.getByRole('form', { name: 'Edit Cell cycle phases' }).getByLabel('Boundary 4 PI-A')).not.toHaveValue(String(value));
  const g2mAfter = await shownPercent(histogram, 'G2/M');
  await expect(sample.getByRole('table', { name: 'Range gates, live' }).getByRole('row', { name: /^G2\/M / })).toContainText(percent(g2mAfter));
  // Ranges are gates, not the model: the fitted G2/M % stays the CLI's.
  await expect(await cellOf(table, CONTROL, FIT.g2m)).toHaveText(percent(cli.get(CONTROL)?.G2M ?? Number.NaN));
  // The table's range-gate column has the label's number, under the same name as in the export below.
  await expect(await cellOf(table, CONTROL, 'G2/M % of singlets (range gate)')).toHaveText(percent(g2mAfter));

  // Export CSV: one row per sample, the fit's numbers and the dragged range gate.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const csv = readFileSync(await (await download).path(), 'utf8').trim().split('\r\n').map((line) => line.split(','));
  const [header, ...rows] = csv;
  expect(rows).toHaveLength(30);
  const column = (name: string) => header.indexOf(name);
  const control = rows.find((r) => r[0] === CONTROL);
  if (!control) throw new Error('the control is not in the CSV');
  expect(Number(control[column(FIT.g1)])).toBeCloseTo(cli.get(CONTROL)?.G1 ?? Number.NaN, 3);
  expect(Number(control[column('G2/M % of singlets (range gate)')])).toBeCloseTo(g2mAfter, 2);
  // Debris was not modelled: empty, not 0.
  expect(control[column('Debris % of singlets (model)')]).toBe('');
  expect(control.slice(1, 3)).toEqual(['0', '24']);

  // Options apply to every sample: with single-cut debris always modelled every row is refitted and reports its debris.
  await page.getByLabel('Single-cut debris').selectOption('Always modelled');
  await expect(table).toHaveAttribute('aria-busy', 'false');
  for (const file of CHECKED) await expect(await cellOf(table, file, 'Debris % of singlets (model)')).toHaveText(/^\d+\.\d\d%$/);
  // The control's model and positions copied to all: every sample is fitted with G0/G1 held at the control's mean.
  await sample.getByRole('button', { name: `Copy model and constraints from ${CONTROL} to all samples` }).click();
  const controlMean = (await sample.getByRole('region', { name: `Fit of ${CONTROL}` }).getByRole('definition').first().textContent())?.split(' ')[0] ?? '';
  await expect(page.getByText(/^Held from a control: G0\/G1 mean at /)).toContainText(controlMean.slice(0, 4));
  await expect(table).toHaveAttribute('aria-busy', 'false');
  await page.getByLabel('Sample', { exact: true }).selectOption({ label: 'PI-DNA_48h_100nM_R1.fcs' });
  await expect(page.getByRole('region', { name: 'Fit of PI-DNA_48h_100nM_R1.fcs' }).getByRole('definition').first()).toHaveText(new RegExp(`^${escaped(controlMean)} `));

  // The cell-cycle gates are the experiment's gates: Explore shows the selected sample's band on PI-A vs PI-W.
  await page.getByRole('tab', { name: 'Explore and gate' }).click();
  await page.getByLabel('X axis', { exact: true }).selectOption('PI-A');
  await page.getByLabel('Y axis', { exact: true }).selectOption('PI-W');
  await expect(page.getByRole('group', { name: /^Gates on PI-A vs PI-W of All events/ }).getByRole('img', { name: /^DNA singlets: [\d.]+% of parent$/ })).toBeVisible();
});

test('an optional FSC/SSC cells gate comes before the singlet band, and the chosen model fits every sample', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Open demo experiment' }).click();
  await expect(page.getByRole('region', { name: /Samples \(63\)/ }).getByText('Ready', { exact: true })).toHaveCount(63);
  await page.getByRole('tab', { name: 'Cell cycle (PI DNA)' }).click();
  await page.getByLabel(/^Cells gate on FSC-A vs SSC-A first/).check();
  await page.getByLabel('Model', { exact: true }).selectOption({ label: 'Watson pragmatic' });
  await page.getByRole('button', { name: 'Analyse all samples' }).click();
  await page.getByLabel('Sample', { exact: true }).selectOption({ label: CONTROL });

  const sample = page.getByRole('region', { name: `Cell cycle of ${CONTROL}` });
  await expect(sample.getByRole('group', { name: `Gates on FSC-A vs SSC-A of ${CONTROL}` }).getByRole('img', { name: /^DNA cells: [\d.]+% of parent$/ })).toBeVisible();
  await expect(sample.getByRole('group', { name: `Gates on PI-A vs PI-W of cells of ${CONTROL}` }).getByRole('img', { name: /^DNA singlets: [\d.]+% of parent$/ })).toBeVisible();
  await expect(sample.getByRole('img', { name: `Watson pragmatic fit over DNA histogram of singlets of ${CONTROL}` })).toBeVisible();
  const table = page.getByRole('table', { name: 'Cell-cycle results' });
  await expect(table).toHaveAttribute('aria-busy', 'false');
  await showDetails(table);
  const singlets = Number((await (await cellOf(table, CONTROL, 'Singlets')).textContent())?.replaceAll(',', ''));
  expect(singlets).toBeLessThan(cliResults().get(CONTROL)?.singlets ?? 0);
  expect(singlets).toBeGreaterThan(20_000);
});
