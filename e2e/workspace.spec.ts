import { readFileSync, writeFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { demoFile, expect, test } from './fixtures.ts';

const FILE = 'AnnV-PI_24h_050nM_R1.fcs';

/** Waits until the session has been autosaved after `since` (an ISO time, or null for the first save). */
async function autosavedAfter(page: Page, since: string | null): Promise<string> {
  const saved = page.getByText(/Saved in this browser at/);
  await expect.poll(async () => ((await saved.count()) > 0 ? await saved.getAttribute('data-saved-at') : null)).not.toBe(since);
  return (await saved.getAttribute('data-saved-at'))!;
}

/** Draws a rectangle on the FSC-A vs SSC-A plot and returns the count the population tree shows for it. */
async function drawRectangle(page: Page): Promise<string> {
  const gates = page.getByRole('group', { name: /Gates on FSC-A vs SSC-A/ });
  await page.getByRole('radio', { name: /Rectangle/ }).click();
  await gates.scrollIntoViewIfNeeded();
  const box = (await gates.boundingBox())!;
  await page.mouse.move(box.x + 140, box.y + 300);
  await page.mouse.down();
  await page.mouse.move(box.x + 320, box.y + 130, { steps: 5 });
  await page.mouse.up();
  const row = page.getByRole('region', { name: 'Populations' }).getByRole('row', { name: /Rectangle/ });
  await expect(row).toBeVisible();
  return (await row.getByRole('cell').first().textContent())!;
}

test('after a reload the last session comes back: files, gates and counts', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('Open FCS files…').setInputFiles(demoFile(FILE));
  const opened = await autosavedAfter(page, null);
  const count = await drawRectangle(page);
  await autosavedAfter(page, opened);

  await page.reload();
  await page.getByRole('button', { name: 'Restore last session' }).click();
  await expect(page.getByRole('status')).toContainText('Opened the workspace with its 1 file.');
  const samples = page.getByRole('region', { name: /Samples/ });
  await expect(samples.getByRole('option', { name: new RegExp(FILE) })).toContainText('Ready');
  await expect(page.getByRole('region', { name: 'Populations' }).getByRole('row', { name: /Rectangle/ }).getByRole('cell').first()).toHaveText(count);
});

test('a saved workspace file reopens on the files, and a damaged one is refused with a reason', async ({ page }, testInfo) => {
  await page.goto('/');
  await page.getByLabel('Open FCS files…').setInputFiles(demoFile(FILE));
  const opened = await autosavedAfter(page, null);
  const count = await drawRectangle(page);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save workspace' }).click();
  const saved = (await (await download).path())!;
  const text = readFileSync(saved, 'utf8');
  expect(JSON.parse(text)).toMatchObject({ format: 'flowfate-workspace', version: 1, samples: [{ fileName: FILE }] });
  expect(text).not.toContain('flowfate-sample-');
  await autosavedAfter(page, opened);

  await page.reload();
  await page.getByRole('button', { name: 'Discard it' }).click();
  await expect(page.getByRole('button', { name: 'Restore last session' })).toHaveCount(0);
  await page.getByLabel('Open FCS files…').setInputFiles(demoFile(FILE));
  await page.getByLabel('Open workspace…').setInputFiles(saved);
  await expect(page.getByRole('status')).toContainText('Opened the workspace with its 1 file.');
  await expect(page.getByRole('region', { name: 'Populations' }).getByRole('row', { name: /Rectangle/ }).getByRole('cell').first()).toHaveText(count);
  await expect(page.getByRole('region', { name: /Samples \(1\)/ })).toBeVisible();

  const damaged = testInfo.outputPath('damaged.flowfate.json');
  writeFileSync(damaged, text.slice(0, 40));
  await page.getByLabel('Open workspace…').setInputFiles(damaged);
  await expect(page.getByRole('alert')).toContainText('Cannot open "damaged.flowfate.json": this is not a FlowFate workspace: it is not JSON');
});
