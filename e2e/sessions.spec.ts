/**
 * Sessions kept in the browser under the faults an unlucky user meets: two tabs, answering the restore offer late or
 * not at all, closing or reloading right after an edit or a restore, a file that never finishes opening, and kept
 * records this version cannot read. Several tabs are pages of one browser context, so they share storage.
 */
import type { Page } from '@playwright/test';
import { demoFile, expect, test } from './fixtures.ts';
import { autosavedAfter, drawRectangle, openAndSave, rectangleRow, sampleRow } from './sessionSteps.ts';

const A = 'AnnV-PI_24h_050nM_R1.fcs';
const B = 'AnnV-PI_24h_000nM_R1.fcs';
const C = 'AnnV-PI_48h_100nM_R1.fcs';

async function restoreLast(page: Page, files: number): Promise<void> {
  await page.getByRole('button', { name: 'Restore last session' }).click();
  await expect(page.getByRole('status')).toContainText(`Opened the workspace with its ${files} ${files === 1 ? 'file' : 'files'}.`);
}

async function restoreEarlier(page: Page): Promise<void> {
  await page.getByText(/^Earlier sessions/).click();
  await page.getByRole('button', { name: /^Restore the session saved/ }).first().click();
}

test('two tabs keep a session each: neither overwrites the other, and both can be restored', async ({ context, page }) => {
  await openAndSave(page, A);
  const second = await context.newPage();
  await second.goto('/');
  await expect(second.getByText('FlowFate is also open in another tab; each tab saves its own session')).toBeVisible();
  await openAndSave(second, B);
  // The first tab saves last: with one shared slot, the last save used to win.
  const before = await autosavedAfter(page, null);
  const count = await drawRectangle(page);
  await autosavedAfter(page, before);
  await second.close();
  await page.close();

  const third = await context.newPage();
  await third.goto('/');
  await expect(third.getByText(/^Earlier sessions \(1\)/)).toBeVisible();
  await restoreLast(third, 1);
  await expect(sampleRow(third, A)).toContainText('Ready');
  await expect(rectangleRow(third).getByRole('cell').first()).toHaveText(count);
  // The other tab's session is now the one on offer.
  await third.getByRole('button', { name: 'Restore last session' }).click();
  await expect(sampleRow(third, B)).toContainText('Ready');
});

test("discarding a session in one tab keeps the files another tab works on", async ({ context, page }) => {
  await openAndSave(page, C);
  await page.close();
  const first = await context.newPage();
  await openAndSave(first, A);
  const second = await context.newPage();
  await second.goto('/');
  await second.getByRole('button', { name: 'Discard it' }).click();
  await expect(second.getByRole('button', { name: 'Restore last session' })).toHaveCount(0);

  await first.reload();
  await restoreLast(first, 1);
  await expect(sampleRow(first, A)).toContainText('Ready');
});

test('the session offered after a reload survives new work done before answering', async ({ page }) => {
  await openAndSave(page, A);
  const count = await drawRectangle(page);
  await autosavedAfter(page, (await page.getByText(/Saved in this browser at/).getAttribute('data-saved-at'))!);
  await page.reload();
  await expect(page.getByRole('button', { name: 'Restore last session' })).toBeVisible();
  await page.getByLabel('Open FCS files…').setInputFiles(demoFile(B));
  await autosavedAfter(page, null);
  await page.reload();

  // The newest session is the one with B; A's, with its gate, is still there to choose.
  await expect(page.getByText(/^Your last session \(1 file,/)).toBeVisible();
  await restoreEarlier(page);
  await expect(sampleRow(page, A)).toContainText('Ready');
  await expect(rectangleRow(page).getByRole('cell').first()).toHaveText(count);
});

test('a session restored and closed two seconds later can be restored again', async ({ context, page }) => {
  await openAndSave(page, A);
  const count = await drawRectangle(page);
  await autosavedAfter(page, (await page.getByText(/Saved in this browser at/).getAttribute('data-saved-at'))!);
  await page.reload();
  await page.getByRole('button', { name: 'Restore last session' }).click();
  await page.waitForTimeout(2000);
  await page.close();

  const next = await context.newPage();
  await next.goto('/');
  await restoreLast(next, 1);
  await expect(rectangleRow(next).getByRole('cell').first()).toHaveText(count);
});

for (const delay of [0, 100, 400]) {
  test(`an edit made ${delay} ms before a reload is kept`, async ({ page }) => {
    const opened = await openAndSave(page, A);
    await expect(page.getByText(/Saved in this browser at/)).toHaveAttribute('data-saved-at', opened);
    const count = await drawRectangle(page);
    await page.waitForTimeout(delay);
    await page.reload();
    await restoreLast(page, 1);
    await expect(rectangleRow(page).getByRole('cell').first()).toHaveText(count);
  });
}

test('an edit made just before the tab is closed is kept', async ({ context, page }) => {
  await openAndSave(page, A);
  const count = await drawRectangle(page);
  await page.close({ runBeforeUnload: true });
  const next = await context.newPage();
  await next.goto('/');
  await restoreLast(next, 1);
  await expect(rectangleRow(next).getByRole('cell').first()).toHaveText(count);
});

test('a file that never finishes opening does not stop autosave; a tab closed during a restore leaves the session whole', async ({ context, page }) => {
  // The unstained control's bytes never arrive.
  const unstained = /\/demo\/AnnV-PI_unstained\.fcs$/;
  await context.route(unstained, () => undefined);
  await page.goto('/');
  await page.getByRole('button', { name: 'Open demo experiment' }).click();
  await expect(sampleRow(page, 'AnnV-PI_unstained.fcs')).toContainText('Reading');
  await sampleRow(page, A).click();
  const saved = await autosavedAfter(page, null);
  const count = await drawRectangle(page);
  await autosavedAfter(page, saved);
  await expect(sampleRow(page, 'AnnV-PI_unstained.fcs')).toContainText('Reading');

  // The restore is cut short: this time A's bytes never arrive, and the tab is closed. A half-restored session
  // (files without their gates) used to become the newest one offered.
  await context.unroute(unstained);
  const tube = new RegExp(`/demo/${A.replaceAll('.', '\\.')}$`);
  await context.route(tube, () => undefined);
  await page.reload();
  await page.getByRole('button', { name: 'Restore last session' }).click();
  await expect(sampleRow(page, A)).toContainText('Reading');
  await context.unroute(tube);
  await page.close({ runBeforeUnload: true });

  const next = await context.newPage();
  await next.goto('/');
  await next.getByRole('button', { name: 'Restore last session' }).click();
  await expect(next.getByRole('status')).toContainText('Opened the workspace with its');
  await sampleRow(next, A).click();
  await expect(rectangleRow(next).getByRole('cell').first()).toHaveText(count);
});

/** Puts records into the app's IndexedDB store as another version, or damage, would leave them. */
async function storeRecords(page: Page, records: Record<string, unknown>): Promise<void> {
  await page.evaluate(async (entries) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('flowfate');
      request.addEventListener('success', () => resolve(request.result));
      request.addEventListener('error', () => reject(request.error));
    });
    const store = db.transaction('workspaces', 'readwrite').objectStore('workspaces');
    for (const [key, value] of Object.entries(entries)) store.put(value, key);
    await new Promise((resolve) => store.transaction.addEventListener('complete', resolve));
    db.close();
  }, records);
}

async function storedKeys(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve) => {
      const request = indexedDB.open('flowfate');
      request.addEventListener('success', () => resolve(request.result));
    });
    const keys = await new Promise<IDBValidKey[]>((resolve) => {
      const request = db.transaction('workspaces').objectStore('workspaces').getAllKeys();
      request.addEventListener('success', () => resolve(request.result));
    });
    db.close();
    return keys.map(String).toSorted();
  });
}

test.describe('in UTC', () => {
  test.use({ timezoneId: 'UTC' });

  test('kept sessions this version cannot read are kept and explained, until the user removes them', async ({ page }) => {
    await page.goto('/');
    await expect.poll(() => storedKeys(page).catch(() => null)).toEqual([]);
    await storeRecords(page, {
      'session:from-the-future': JSON.stringify({ format: 'flowfate-workspace', version: 99, savedAt: '2031-05-01T09:30:00.000Z', samples: [{ key: 'abc:1:x.fcs' }], state: {} }),
      'session:cut-short': '{"format":"flowfate-workspace","version":1,"sav',
      'previous-session': 42,
    });
    for (let visit = 0; visit < 2; visit++) {
      await page.reload();
      const notes = page.getByRole('region', { name: 'Saved sessions' });
      await expect(notes).toContainText('A session kept in this browser (saved 1 May 2031, 09:30:00) is not offered: it was saved by a newer FlowFate (workspace version 99; this one reads version 1): open it there. It is kept until you remove it.');
      await expect(notes).toContainText('A session kept in this browser is not offered: it cannot be read (it is not JSON (it may have been cut short)). It is kept until you remove it.');
      await expect(notes).toContainText('A session kept in this browser is not offered: it cannot be read (it is not text). It is kept until you remove it.');
      expect(await storedKeys(page)).toEqual(['previous-session', 'session:cut-short', 'session:from-the-future']);
    }
    await page.getByRole('button', { name: 'Remove it' }).nth(1).click();
    await expect(page.getByRole('button', { name: 'Remove it' })).toHaveCount(2);
    await expect.poll(() => storedKeys(page)).toHaveLength(2);
  });
});

test('the last five sessions are kept to choose from', async ({ context, page }) => {
  await page.goto('/');
  const files = [A, B, C, 'AnnV-PI_24h_010nM_R1.fcs', 'AnnV-PI_24h_020nM_R1.fcs', 'AnnV-PI_48h_000nM_R1.fcs'];
  for (const file of files) {
    const tab = await context.newPage();
    await openAndSave(tab, file);
    await tab.close();
  }
  await page.reload();
  await expect(page.getByText(/^Your last session \(1 file,/)).toBeVisible();
  await expect(page.getByText('Earlier sessions (4)')).toBeVisible();
  await page.getByText('Earlier sessions (4)').click();
  await expect(page.getByText('This browser keeps your last 5 sessions; an older one is removed when a newer one takes its place.')).toBeVisible();
  await page.getByRole('button', { name: 'Restore last session' }).click();
  await expect(sampleRow(page, files[5])).toContainText('Ready');
});
