/**
 * Issue 10 in the app: Annexin V/PI files of another instrument (a FACSCalibur: heights only, log-amplified
 * fluorescence, no pulse pair) analysed from an untreated tube alone, then with thresholds typed by hand, giving the
 * CLI's numbers; a tube of the series whose $SPILLOVER cannot be inverted is named in the results with the reason,
 * and the others are analysed as the CLI analyses them (issue 12, item 8).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import type { Page } from '@playwright/test';
import { writeFcs } from '../src/fcs/write.ts';
import { simulateApoptosisSample } from '../src/simulate/apoptosisModel.ts';
import { apoptosisParamsForTreatment } from '../src/simulate/drugResponse.ts';
import { inLayout } from '../src/simulate/layouts.ts';
import { expect, test } from './fixtures.ts';
import { readResultsTable } from './resultsTables.ts';

const POPULATIONS = [
  { column: 'Viable (AnnV-/PI-) % of cells', key: 'viable' },
  { column: 'Early apoptotic (AnnV+/PI-) % of cells', key: 'earlyApoptotic' },
  { column: 'Late apoptotic (AnnV+/PI+) % of cells', key: 'lateApoptotic' },
  { column: 'Necrotic (AnnV-/PI+) % of cells', key: 'necrotic' },
] as const;

interface CliEntry {
  file: string;
  percent: Record<(typeof POPULATIONS)[number]['key'], number>;
  thresholds: { annexin: number; pi: number };
  thresholdSources: { annexin: string; pi: string };
}

const flowfate = (args: string[]) => execFileSync('node', ['bin/flowfate.js', ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

/** Three FACSCalibur tubes of a 48 h series, written by the CLI's simulator (untreated, 25 and 100 nM). */
function caliburSeries(): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'flowfate-calibur-'));
  return [0, 25, 100].map((dose, i) => {
    const out = join(dir, `Calibur_48h_${String(dose).padStart(3, '0')}nM.fcs`);
    flowfate(['simulate', '--assay', 'apoptosis', '--layout', 'facsCalibur', '--dose', String(dose), '--time', '48', '--seed', String(31 + i), '--events', '8000', '--out', out]);
    return out;
  });
}

/** A 50 nM FACSCalibur tube whose $SPILLOVER cannot be inverted (FL2-H's row a copy of FL1-H's). */
function singularTube(dir: string): string {
  const sample = inLayout(simulateApoptosisSample(apoptosisParamsForTreatment(50, 48, 8000), 34), 'facsCalibur', { stainLabels: true });
  const out = join(dir, 'Calibur_48h_050nM.fcs');
  writeFileSync(out, writeFcs({ ...sample.input, spillover: { channels: ['FL1-H', 'FL2-H'], matrix: [[1, 1], [1, 1]], source: '$SPILLOVER' } }, { datatype: sample.datatype }));
  return out;
}

/** The CLI's JSON entries with numbers, by file name; with --allow-failed, exit status 1 (a file not analysed) is expected. */
function cliByFile(args: string[], { allowFailed = false } = {}): Map<string, CliEntry> {
  let json: string;
  try {
    json = flowfate(['apoptosis', ...args, '--json']);
  } catch (error) {
    const { status, stdout } = error as { status: number; stdout: string };
    if (!allowFailed || status !== 1) throw error;
    json = stdout;
  }
  const entries = (JSON.parse(json) as (CliEntry | { file: string; error: unknown })[]).filter((e): e is CliEntry => !('error' in e));
  return new Map(entries.map((e) => [basename(e.file), e]));
}

async function openInApoptosis(page: Page, files: string[]): Promise<void> {
  await page.goto('/');
  await page.getByLabel('Open FCS files…').setInputFiles(files);
  await expect(page.getByRole('listbox', { name: 'Samples' }).getByText(/^Ready/)).toHaveCount(files.length);
  await page.getByRole('tab', { name: 'Apoptosis (Annexin V / PI)' }).click();
}

async function runAndExpectRows(page: Page, rows: number) {
  await page.getByRole('button', { name: 'Run analysis' }).click();
  const table = page.getByRole('table', { name: 'Apoptosis results' });
  await expect(table.getByRole('rowheader')).toHaveCount(rows);
  await expect(table).toHaveAttribute('aria-busy', 'false');
  return table;
}

test('FACSCalibur tubes without controls: gated on FSC-H × SSC-H, no singlet gate said plainly, quadrant from the untreated tube, then typed by hand; a singular $SPILLOVER sets only its tube aside', async ({ page }) => {
  const files = caliburSeries();
  const singular = singularTube(dirname(files[0]));
  await openInApoptosis(page, [...files, singular]);
  const untreated = basename(files[0]);
  await expect(page.getByLabel(`Role of ${untreated}`)).toHaveValue('untreated');
  await expect(page.getByLabel('Annexin V channel')).toHaveValue('FL1-H');
  await expect(page.getByLabel('PI channel')).toHaveValue('FL2-H');
  await expect(page.getByRole('radio', { name: /^Automatic: each file's own matrix/ })).toBeChecked();
  await expect(page.getByText(/no single-stain controls to measure one/)).toBeVisible();

  const table = await runAndExpectRows(page, 4);
  await expect(table.getByRole('row', { name: new RegExp(`^${basename(singular).replaceAll('.', '\\.')} `) })).toContainText(
    'cannot be compensated: its own spillover matrix ($SPILLOVER) cannot be inverted',
  );
  await expect(page.getByText(/1 sample has no results \(see why below\) and is not exported/)).toBeVisible();
  const summary = page.getByRole('definition').filter({ hasText: /^Annexin V / });
  await expect(summary).toContainText(`upper edge of the viable population, untreated tube ${untreated}`);
  await expect(page.getByRole('list', { name: 'Warnings about the gates' })).toContainText('no pulse pair for a singlet gate');
  const cli = cliByFile([...files, singular], { allowFailed: true });
  expect([...cli.keys()]).toEqual(files.map((f) => basename(f)));
  const shown = await readResultsTable(table);
  for (const [file, expected] of cli) {
    for (const { column, key } of POPULATIONS) expect(shown.get(file)?.[column], `${file} ${column}`).toBe(`${expected.percent[key].toFixed(2)}%`);
    expect(shown.get(file)?.['Annexin V threshold source']).toBe(expected.thresholdSources.annexin.replace(files[0], untreated));
  }

  // The review: the Cells gate on the heights, no Singlets plot, the quadrant on the cells.
  await expect(page.getByRole('img', { name: /^FSC-H vs SSC-H of All events: 8,000 events/ })).toBeVisible();
  await expect(page.getByRole('img', { name: /^FL1-H \(Annexin V\) vs FL2-H \(PI\) of Cells: [\d,]+ events/ })).toBeVisible();
  await expect(page.getByRole('img', { name: / of Cells: .* vs FSC/ })).toHaveCount(0);

  // Thresholds typed by hand: the results follow them and say so; the CLI gives the same numbers.
  await page.getByLabel('Annexin V threshold (typed)').fill('120');
  await page.getByLabel('PI threshold (typed)').fill('60');
  await expect(page.getByText(/The setup has changed since the last run/)).toBeVisible();
  await runAndExpectRows(page, 4);
  await expect(summary).toContainText('Annexin V 120 (typed by hand), PI 60 (typed by hand)');
  const typed = cliByFile([...files, singular, '--annexin-threshold', '120', '--pi-threshold', '60'], { allowFailed: true });
  const afterTyping = await readResultsTable(table);
  for (const [file, expected] of typed) {
    for (const { column, key } of POPULATIONS) expect(afterTyping.get(file)?.[column], `${file} ${column}`).toBe(`${expected.percent[key].toFixed(2)}%`);
  }
});
