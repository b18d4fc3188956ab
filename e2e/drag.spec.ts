import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { demoFile, expect, test } from './fixtures.ts';

const FILE = 'AnnV-PI_24h_050nM_R1.fcs';
/** Plot area inside the density plot (src/plots/frame.ts margins). */
const AREA = { left: 62, top: 12 };

async function at(layer: Locator, x: number, y: number): Promise<[number, number]> {
  const box = await layer.boundingBox();
  if (!box) throw new Error('the gate layer is not on screen');
  return [box.x + AREA.left + x, box.y + AREA.top + y];
}

/** Each quadrant's label as shown: population name → "12.34" (its % of parent). */
async function shownPercents(layer: Locator): Promise<Map<string, string>> {
  const labels = await layer.getByRole('img', { name: /% of parent$/ }).evaluateAll((nodes) => nodes.map((n) => n.getAttribute('aria-label') ?? ''));
  return new Map(labels.map((label) => /^(.*): ([\d.]+)% of parent$/.exec(label)?.slice(1, 3) as [string, string]));
}

/** Counts every DOM change inside the histogram figure from now on. */
async function watchHistogram(page: Page): Promise<() => Promise<number>> {
  await page.evaluate(() => {
    const figure = document.querySelector('figure[aria-label^="Histogram of"]');
    if (!figure) throw new Error('no histogram on the page');
    const counter = { changes: 0 };
    Object.assign(window, { histogramChanges: counter });
    new MutationObserver((records) => (counter.changes += records.length)).observe(figure, { subtree: true, childList: true, attributes: true, characterData: true });
  });
  return () => page.evaluate(() => (window as unknown as { histogramChanges: { changes: number } }).histogramChanges.changes);
}

test('a quadrant dragged step by step shows the full evaluation’s percentages, and the histogram’s DOM is not touched', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('Open FCS files…').setInputFiles(demoFile(FILE));
  await page.getByLabel('X axis', { exact: true }).selectOption('FITC-A');
  await page.getByLabel('Y axis', { exact: true }).selectOption('PE-A');
  await expect(page.getByRole('img', { name: /^FITC-A \(Annexin V\) vs PE-A \(PI\) of All events: 20,000 events/ })).toBeVisible();
  await expect(page.getByRole('img', { name: /^Histogram of .*: 20,000 events/ })).toBeVisible();
  await expect(page.getByRole('region', { name: /^Statistics of/ }).getByRole('table')).toBeVisible();
  const density = page.getByRole('group', { name: /^Gates on FITC-A \(Annexin V\) vs PE-A \(PI\)/ });

  await page.getByRole('radiogroup', { name: 'Gate tools of the density plot' }).getByRole('radio', { name: 'Quadrant', exact: true }).click();
  await page.mouse.click(...(await at(density, 150, 200)));
  await expect(density.getByRole('img', { name: /% of parent$/ })).toHaveCount(4);
  const histogramChanges = await watchHistogram(page);

  // Held down and moved: after every step the labels settle on counts of where the centre is now.
  await page.mouse.move(...(await at(density, 150, 200)));
  await page.mouse.down();
  let previous = await shownPercents(density);
  for (let step = 1; step <= 12; step++) {
    await page.mouse.move(...(await at(density, 150 + 6 * step, 200 - 4 * step)));
    await expect.poll(async () => JSON.stringify([...(await shownPercents(density))]), { timeout: 10_000 }).not.toBe(JSON.stringify([...previous]));
    previous = await shownPercents(density);
  }
  await page.waitForTimeout(500);
  const whileHeld = await shownPercents(density);
  await page.mouse.up();
  expect(await histogramChanges()).toBe(0);

  // The released gate, exported and counted from scratch by the CLI, gives the numbers shown while it was held.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export template' }).click();
  const template = (await (await download).path())!;
  const directory = mkdtempSync(join(tmpdir(), 'flowfate-drag-'));
  const strategy = join(directory, 'gates.json');
  copyFileSync(template, strategy);
  const names = new Map<string, string>(
    (JSON.parse(readFileSync(strategy, 'utf8')) as { gates: { quadrants?: { id: string; name: string }[] }[] }).gates.flatMap((g) => (g.quadrants ?? []).map((q) => [q.id, q.name] as const)),
  );
  execFileSync('node', ['bin/flowfate.js', 'analyze', demoFile(FILE), '--gating', strategy, '--out', join(directory, 'summary.csv')]);
  const rows = readFileSync(join(directory, 'summary.csv'), 'utf8').trim().split('\n').slice(1).map((line) => line.split(','));
  const counted = new Map(rows.filter(([, id]) => names.has(id)).map(([, id, , , percent]) => [names.get(id) as string, Number(percent)]));
  expect(counted.size).toBe(4);
  expect(whileHeld.size).toBe(4);
  for (const [name, percent] of counted) expect(Number(whileHeld.get(name))).toBeCloseTo(percent, 2);
});
