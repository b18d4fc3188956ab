import { readFileSync, writeFileSync } from 'node:fs';
import { demoFile, expect, test } from './fixtures.ts';
import { autosavedAfter, drawRectangle } from './sessionSteps.ts';

const FILE = 'AnnV-PI_24h_050nM_R1.fcs';

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
