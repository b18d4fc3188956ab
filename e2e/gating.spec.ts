import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { demoFile, expect, test } from './fixtures.ts';

const FILE = 'AnnV-PI_24h_050nM_R1.fcs';
/** Plot area inside the 440 × 420 density plot and the 440 × 300 histogram (src/plots/frame.ts margins). */
const AREA = { left: 62, top: 12 };
const CENTRE = { annexin: 1000, pi: 2000 };
const MINUS = '\u2212';
const QUADRANTS = [
  { name: `FITC-A${MINUS} PE-A+`, annexin: 0, pi: 1 },
  { name: 'FITC-A+ PE-A+', annexin: 1, pi: 1 },
  { name: `FITC-A+ PE-A${MINUS}`, annexin: 1, pi: 0 },
  { name: `FITC-A${MINUS} PE-A${MINUS}`, annexin: 0, pi: 0 },
];

const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A FlowFate strategy dimension: the channel compensated with the file's own $SPILLOVER, in data units. */
const dimension = (name: string) => ({ source: { kind: 'channel', name }, compensation: 'FCS', transform: null });

/** The engine's answer for the same quadrant on the same file, from the built CLI (FlowFate strategy JSON). */
function cliQuadrantPercents(): Map<string, { count: number; percent: number }> {
  const strategy = {
    version: 1,
    transforms: {},
    ratios: {},
    compensations: {},
    gates: [
      {
        kind: 'quadrant',
        id: 'quadrant',
        name: 'Annexin V × PI',
        parentId: null,
        dividers: [
          { id: 'annexin', dimension: dimension('FITC-A'), values: [CENTRE.annexin] },
          { id: 'pi', dimension: dimension('PE-A'), values: [CENTRE.pi] },
        ],
        quadrants: QUADRANTS.map((q, k) => ({ id: `q${k}`, name: q.name, positions: [{ dividerId: 'annexin', interval: q.annexin }, { dividerId: 'pi', interval: q.pi }] })),
      },
    ],
  };
  const directory = mkdtempSync(join(tmpdir(), 'flowfate-gating-'));
  writeFileSync(join(directory, 'quadrant.json'), JSON.stringify(strategy));
  execFileSync('node', ['bin/flowfate.js', 'analyze', demoFile(FILE), '--gating', join(directory, 'quadrant.json'), '--out', join(directory, 'summary.csv')]);
  const rows = readFileSync(join(directory, 'summary.csv'), 'utf8').trim().split('\n').slice(1).map((line) => line.split(','));
  return new Map(rows.map(([, population, , count, percent]) => [QUADRANTS[Number(population.slice(1))].name, { count: Number(count), percent: Number(percent) }]));
}

async function openAnnexinVsPi(page: Page): Promise<Locator> {
  await page.goto('/');
  await page.getByLabel('Open FCS files…').setInputFiles(demoFile(FILE));
  await page.getByLabel('X axis', { exact: true }).selectOption('FITC-A');
  await page.getByLabel('Y axis', { exact: true }).selectOption('PE-A');
  await expect(page.getByRole('img', { name: /^FITC-A \(Annexin V\) vs PE-A \(PI\) of All events: 20,000 events/ })).toBeVisible();
  return page.getByRole('group', { name: /^Gates on FITC-A \(Annexin V\) vs PE-A \(PI\)/ });
}

/** Page coordinates of a point of a plot's area. */
async function at(layer: Locator, x: number, y: number): Promise<[number, number]> {
  const box = await layer.boundingBox();
  if (!box) throw new Error('the gate layer is not on screen');
  return [box.x + AREA.left + x, box.y + AREA.top + y];
}

/** The percentage a gate label shows, from its accessible name "<population>: 12.34% of parent". */
async function shownPercent(layer: Locator, population: string): Promise<number> {
  const label = await layer.getByRole('img', { name: new RegExp(`^${escaped(population)}: `) }).getAttribute('aria-label');
  const match = /: ([\d.]+)% of parent$/.exec(label ?? '');
  return match ? Number(match[1]) : Number.NaN;
}

function populationRow(page: Page, name: string): Locator {
  return page.getByRole('region', { name: 'Populations' }).getByRole('row', { name: new RegExp(`^${escaped(name)} `) });
}

test('a quadrant drawn with the mouse and typed exactly shows the engine’s percentages; polygon and range gates count; undo and redo', async ({ page }) => {
  const density = await openAnnexinVsPi(page);
  const densityTools = page.getByRole('radiogroup', { name: 'Gate tools of the density plot' });

  // Draw: a click places the quadrant's centre; the new gate is selected with the Select tool back on.
  await densityTools.getByRole('radio', { name: 'Quadrant', exact: true }).click();
  await page.mouse.click(...(await at(density, 150, 200)));
  await expect(densityTools.getByRole('radio', { name: 'Select', exact: true })).toBeChecked();
  const editor = page.getByRole('form', { name: 'Edit FITC-A × PE-A' });
  await expect(editor.getByLabel('Centre FITC-A')).toBeVisible();
  for (const { name } of QUADRANTS) await expect(density.getByRole('img', { name: new RegExp(`^${escaped(name)}: [\\d.]+% of parent$`) })).toBeVisible();

  // Drag the centre with the mouse: one undo step, the typed fields follow.
  const drawnX = await editor.getByLabel('Centre FITC-A').inputValue();
  await page.mouse.move(...(await at(density, 150, 200)));
  await page.mouse.down();
  for (let step = 1; step <= 6; step++) await page.mouse.move(...(await at(density, 150 + 5 * step, 200 - 5 * step)));
  await page.mouse.up();
  await expect(editor.getByLabel('Centre FITC-A')).not.toHaveValue(drawnX);

  // Type the exact centre, in data units.
  await editor.getByLabel('Centre FITC-A').fill(String(CENTRE.annexin));
  await editor.getByLabel('Centre PE-A').fill(String(CENTRE.pi));
  await editor.getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByRole('form', { name: 'Edit FITC-A × PE-A' }).getByLabel('Centre FITC-A')).toHaveValue('1000');

  const engine = cliQuadrantPercents();
  expect([...engine.values()].reduce((sum, q) => sum + q.count, 0)).toBe(20000);
  for (const { name } of QUADRANTS) {
    const expected = engine.get(name);
    if (!expected) throw new Error(`the CLI did not report ${name}`);
    await expect.poll(() => shownPercent(density, name)).toBeCloseTo(expected.percent, 2);
    await expect(populationRow(page, name).getByRole('cell').first()).toHaveText(expected.count.toLocaleString('en-US'));
  }

  // Undo goes back to the dragged centre, redo to the typed one.
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('form', { name: 'Edit FITC-A × PE-A' }).getByLabel('Centre FITC-A')).not.toHaveValue('1000');
  await page.getByRole('button', { name: 'Redo' }).click();
  await expect(page.getByRole('form', { name: 'Edit FITC-A × PE-A' }).getByLabel('Centre FITC-A')).toHaveValue('1000');

  // A polygon: click four vertices, then the first again to close it.
  await densityTools.getByRole('radio', { name: 'Polygon', exact: true }).click();
  for (const [x, y] of [[200, 40], [330, 60], [320, 170], [210, 150]] as const) await page.mouse.click(...(await at(density, x, y)));
  await page.mouse.click(...(await at(density, 201, 41)));
  await expect(density.getByRole('img', { name: /^Polygon 1: [\d.]+% of parent$/ })).toBeVisible();
  await expect(populationRow(page, 'Polygon 1').getByRole('cell').first()).toHaveText(/^[1-9][\d,]*$/);

  // Rename and recolour the selected polygon (one undo step), then undo the rename.
  const polygonForm = page.getByRole('form', { name: 'Edit Polygon 1' });
  await polygonForm.getByLabel('Name').fill('Late apoptotic cluster');
  await polygonForm.getByLabel('Colour').fill('#d81b60');
  await polygonForm.getByRole('button', { name: 'Apply' }).click();
  await expect(density.getByRole('img', { name: /^Late apoptotic cluster: [\d.]+% of parent$/ })).toBeVisible();
  await expect(page.getByRole('form', { name: 'Edit Late apoptotic cluster' }).getByLabel('Colour')).toHaveValue('#d81b60');
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(density.getByRole('img', { name: /^Polygon 1: / })).toBeVisible();

  // Esc drops a polygon being drawn: after it, one more vertex and Enter cannot close a polygon.
  await densityTools.getByRole('radio', { name: 'Polygon', exact: true }).click();
  await page.mouse.click(...(await at(density, 20, 300)));
  await page.mouse.click(...(await at(density, 60, 330)));
  await page.keyboard.press('Escape');
  await page.mouse.click(...(await at(density, 30, 340)));
  await page.keyboard.press('Enter');
  await densityTools.getByRole('radio', { name: 'Select', exact: true }).click();
  await expect(page.getByLabel('Gate to edit').getByRole('option', { name: 'Polygon 1' })).toHaveCount(1);
  await expect(page.getByLabel('Gate to edit').getByRole('option', { name: 'Polygon 2' })).toHaveCount(0);

  // A range on the histogram, dragged along its axis.
  const histogram = page.getByRole('group', { name: /^Gates on Histogram of FITC-A/ });
  await page.getByRole('radiogroup', { name: 'Gate tools of the histogram' }).getByRole('radio', { name: 'Range', exact: true }).click();
  await histogram.scrollIntoViewIfNeeded();
  await page.mouse.move(...(await at(histogram, 180, 150)));
  await page.mouse.down();
  for (let step = 1; step <= 8; step++) await page.mouse.move(...(await at(histogram, 180 + 20 * step, 150)));
  await page.mouse.up();
  const range = histogram.getByRole('img', { name: /^FITC-A range 1: [\d.]+% of parent$/ });
  await expect(range).toBeVisible();
  await expect(populationRow(page, 'FITC-A range 1').getByRole('cell').first()).toHaveText(/^[1-9][\d,]*$/);

  // Undo and redo, by button and by keyboard.
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(range).toHaveCount(0);
  await expect(populationRow(page, 'FITC-A range 1')).toHaveCount(0);
  await page.getByRole('button', { name: 'Redo' }).click();
  await expect(range).toBeVisible();
  await page.keyboard.press('Control+z');
  await expect(range).toHaveCount(0);
  await page.keyboard.press('Control+Shift+z');
  await expect(range).toBeVisible();
  await page.keyboard.press('Control+z');
  await expect(range).toHaveCount(0);
  await page.keyboard.press('Control+y');
  await expect(range).toBeVisible();

  // Delete removes the selected gate (the range, selected when drawn).
  await page.keyboard.press('Delete');
  await expect(range).toHaveCount(0);
  await expect(density.getByRole('img', { name: /^Polygon 1: / })).toBeVisible();
});
