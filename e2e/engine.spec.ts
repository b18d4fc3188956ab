/**
 * The engine behind the page: a pool of watched workers. A worker made to hang or to close without a word (Playwright
 * evaluates the fault inside it) is found, replaced, and its files reopened with their gates; the user is told in one
 * sentence, and files opened afterwards load as usual.
 */
import { closeSync, ftruncateSync, mkdtempSync, openSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { demoFile, expect, test } from './fixtures.ts';

const FILE = 'AnnV-PI_24h_050nM_R1.fcs';
const AREA = { left: 62, top: 12 };
const MINUS = '\u2212';
const QUADRANT = `FITC-A+ PE-A${MINUS}`;
const RESTARTED = /The analysis engine stopped responding, so it was restarted.*; nothing was lost\./;

/** Opens FILE, draws a quadrant at a typed centre on FITC-A × PE-A; resolves to its FITC-A+ PE-A− count as shown. */
async function gatedFile(page: Page): Promise<string> {
  await page.goto('/');
  await page.getByLabel('Open FCS files…').setInputFiles(demoFile(FILE));
  await page.getByLabel('X axis', { exact: true }).selectOption('FITC-A');
  await page.getByLabel('Y axis', { exact: true }).selectOption('PE-A');
  const density = page.getByRole('group', { name: /^Gates on FITC-A \(Annexin V\) vs PE-A \(PI\)/ });
  await page.getByRole('radiogroup', { name: 'Gate tools of the density plot' }).getByRole('radio', { name: 'Quadrant', exact: true }).click();
  const box = await density.boundingBox();
  if (!box) throw new Error('the gate layer is not on screen');
  await page.mouse.click(box.x + AREA.left + 150, box.y + AREA.top + 200);
  const count = quadrantCount(page);
  await expect(count).toHaveText(/^[1-9][\d,]*$/);
  // The count where the click placed the gate, so that the typed centre's own count is the one returned.
  const placed = (await count.textContent()) ?? '';
  await setCentre(page, '1000', '2000');
  await expect(count).not.toHaveText(placed);
  await expect(count).toHaveText(/^[1-9][\d,]*$/);
  return (await count.textContent()) ?? '';
}

async function setCentre(page: Page, annexin: string, pi: string): Promise<void> {
  const editor = page.getByRole('form', { name: 'Edit FITC-A × PE-A' });
  await editor.getByLabel('Centre FITC-A').fill(annexin);
  await editor.getByLabel('Centre PE-A').fill(pi);
  await editor.getByRole('button', { name: 'Apply' }).click();
}

const quadrantCount = (page: Page) => page.getByRole('region', { name: 'Populations' }).getByRole('row', { name: new RegExp(`^${QUADRANT.replace('+', '\\+')} `) }).getByRole('cell').first();

/** Makes every worker of the page hang (an endless loop) or close itself; neither raises an error event. */
async function breakWorkers(page: Page, how: 'hang' | 'close'): Promise<void> {
  const workers = page.workers();
  expect(workers.length).toBeGreaterThan(0);
  for (const worker of workers) {
    // The evaluation never returns from a hung worker; it fails once the worker is terminated.
    void worker.evaluate(how === 'hang' ? 'for (;;) {}' : 'self.close()').catch(() => undefined);
  }
}

for (const how of ['hang', 'close'] as const) {
  test(`a worker that ${how === 'hang' ? 'hangs' : 'closes itself'} is restarted with its file and gates, and the user is told`, async ({ page }) => {
    const before = await gatedFile(page);
    await breakWorkers(page, how);
    await expect(page.getByRole('status').filter({ hasText: RESTARTED })).toBeVisible({ timeout: 60_000 });

    // The reopened file still has its gates: a new centre recounts, and undo gives back the same count.
    await setCentre(page, '3000', '6000');
    await expect(quadrantCount(page)).not.toHaveText(before);
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect(quadrantCount(page)).toHaveText(before);

    // A file opened afterwards is read as usual.
    await page.getByLabel('Open FCS files…').setInputFiles(demoFile('AnnV-PI_24h_000nM_R1.fcs'));
    await expect(page.getByRole('region', { name: /Samples/ }).getByRole('option', { name: /AnnV-PI_24h_000nM_R1\.fcs/ })).toContainText('Ready');
  });
}

test('a file being opened when its worker hangs is read again by the new worker, not left "Reading…"', async ({ page }) => {
  await page.goto('/');
  await expect.poll(() => page.workers().length).toBeGreaterThan(0);
  await breakWorkers(page, 'hang');
  await page.getByLabel('Open FCS files…').setInputFiles(demoFile(FILE));
  const option = page.getByRole('region', { name: /Samples/ }).getByRole('option', { name: new RegExp(FILE.replaceAll('.', '\\.')) });
  await expect(option).toContainText('Ready', { timeout: 60_000 });
  await expect(page.getByRole('img', { name: /FSC-A vs SSC-A of All events: 20,000 events/ })).toBeVisible();
});

/** A sparse file of `size` bytes starting with `head` (nothing stored after it). */
function sparseFile(path: string, size: number, head: string): void {
  const fd = openSync(path, 'w');
  try {
    writeSync(fd, head);
    ftruncateSync(fd, size);
  } finally {
    closeSync(fd);
  }
}

const field = (n: number) => String(n).padStart(8, ' ');

/** An FCS 3.1 HEADER and TEXT announcing `events` float32 events of 9 parameters stored after them. */
function fcsHead(events: number): string {
  const parameters = Array.from({ length: 9 }, (_, i) => `$P${i + 1}N/P${i + 1}/$P${i + 1}B/32/$P${i + 1}E/0,0/$P${i + 1}R/262144`).join('/');
  const text = (dataStart: number) =>
    `/$BEGINANALYSIS/0/$ENDANALYSIS/0/$BEGINSTEXT/0/$ENDSTEXT/0/$BEGINDATA/${String(dataStart).padStart(12, '0')}/$ENDDATA/${String(dataStart + events * 36 - 1).padStart(12, '0')}/$BYTEORD/1,2,3,4/$DATATYPE/F/$MODE/L/$NEXTDATA/0/$PAR/9/$TOT/${events}/${parameters}/`;
  const length = text(0).length;
  return `FCS3.1    ${field(58)}${field(57 + length)}${field(0)}${field(0)}${field(0)}${field(0)}${text(58 + length)}`;
}

test('a file too large for the memory, or not an FCS file, is refused from its first bytes; the other files open', async ({ page }) => {
  const directory = mkdtempSync(join(tmpdir(), 'flowfate-large-'));
  const huge = join(directory, 'huge-1e9-events.fcs');
  sparseFile(huge, 58 + 2000 + 36e9, fcsHead(1e9));
  const archive = join(directory, 'archive.fcs');
  sparseFile(archive, 2 ** 31, 'PK\u0003\u0004 not an FCS file');
  await page.goto('/');
  await page.getByLabel('Open FCS files…').setInputFiles([huge, archive, demoFile(FILE)]);
  const samples = page.getByRole('region', { name: /Samples/ });
  await expect(samples.getByRole('option', { name: /AnnV-PI_24h_050nM_R1\.fcs/ })).toContainText('Ready');
  for (const name of ['huge-1e9-events.fcs', 'archive.fcs']) {
    await expect(samples.getByRole('option', { name: new RegExp(name.replaceAll('.', '\\.')) })).toContainText('Could not be read');
  }
  await samples.getByRole('option', { name: /huge-1e9-events\.fcs/ }).click();
  await expect(samples.getByRole('region', { name: 'Selected file huge-1e9-events.fcs' }).getByRole('alert')).toContainText(
    /Cannot read "huge-1e9-events\.fcs": it holds 1,000,000,000 events of 9 parameters, which need 36,000 MB of memory once read, more than the [\d,]+ MB available; close other files, or analyse it with the flowfate command line\./,
  );
  await samples.getByRole('option', { name: /archive\.fcs/ }).click();
  await expect(samples.getByRole('region', { name: 'Selected file archive.fcs' }).getByRole('alert')).toContainText('Cannot read "archive.fcs": it is not an FCS file');
  await samples.getByRole('option', { name: /AnnV-PI_24h_050nM_R1\.fcs/ }).click();
  await expect(page.getByRole('img', { name: /FSC-A vs SSC-A of All events: 20,000 events/ })).toBeVisible();
});
