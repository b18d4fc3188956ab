import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { demoFile, expect, test } from './fixtures.ts';

const FILE = 'AnnV-PI_24h_050nM_R1.fcs';

test('gates exported as Gating-ML give the CLI the same counts, and import back into a fresh session', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('Open FCS files…').setInputFiles(demoFile(FILE));
  const gates = page.getByRole('group', { name: /Gates on FSC-A vs SSC-A/ });
  await expect(gates).toBeVisible();
  await page.getByRole('radio', { name: /Rectangle/ }).click();
  await gates.scrollIntoViewIfNeeded();
  const box = (await gates.boundingBox())!;
  await page.mouse.move(box.x + 120, box.y + 320);
  await page.mouse.down();
  await page.mouse.move(box.x + 330, box.y + 120, { steps: 5 });
  await page.mouse.up();
  const populations = page.getByRole('region', { name: 'Populations' });
  const row = populations.getByRole('row', { name: /Rectangle/ });
  await expect(row).toBeVisible();
  const appCount = Number((await row.getByRole('cell').first().textContent())!.replaceAll(',', ''));

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export Gating-ML' }).click();
  const xmlPath = (await (await download).path())!;
  const xml = readFileSync(xmlPath, 'utf8');
  expect(xml).toContain('http://www.isac-net.org/std/Gating-ML/v2.0/gating');
  expect(xml).toMatch(/<gating:RectangleGate[^>]*gating:id="/);

  const out = join(mkdtempSync(join(tmpdir(), 'flowfate-')), 'summary.csv');
  execFileSync('node', ['bin/flowfate.js', 'analyze', demoFile(FILE), '--gating', xmlPath, '--out', out]);
  const [, line] = readFileSync(out, 'utf8').trim().split('\r\n');
  expect(Number(line.split(',')[3])).toBe(appCount);

  await page.reload();
  await page.getByLabel('Open FCS files…').setInputFiles(demoFile(FILE));
  await expect(gates).toBeVisible();
  await page.getByLabel('Import gates…').setInputFiles(xmlPath);
  await expect(page.getByRole('status')).toContainText('Imported 1 gate from');
  await expect(populations.getByRole('row', { name: /Rectangle/ }).getByRole('cell').first()).toHaveText(appCount.toLocaleString('en-US'));
});
