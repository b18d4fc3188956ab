/** Steps shared by the workspace and session specs. */
import type { Page } from '@playwright/test';
import { demoFile, expect } from './fixtures.ts';

/** Waits until the session has been autosaved after `since` (an ISO time, or null for the first save). */
export async function autosavedAfter(page: Page, since: string | null): Promise<string> {
  const saved = page.getByText(/Saved in this browser at/);
  await expect.poll(async () => ((await saved.count()) > 0 ? await saved.getAttribute('data-saved-at') : null)).not.toBe(since);
  return (await saved.getAttribute('data-saved-at'))!;
}

/** Draws a rectangle on the FSC-A vs SSC-A plot and returns the count the population tree shows for it. */
export async function drawRectangle(page: Page): Promise<string> {
  const gates = page.getByRole('group', { name: /Gates on FSC-A vs SSC-A/ });
  await page.getByRole('radio', { name: /Rectangle/ }).click();
  await gates.scrollIntoViewIfNeeded();
  const box = (await gates.boundingBox())!;
  await page.mouse.move(box.x + 140, box.y + 300);
  await page.mouse.down();
  await page.mouse.move(box.x + 320, box.y + 130, { steps: 5 });
  await page.mouse.up();
  const row = rectangleRow(page);
  await expect(row).toBeVisible();
  return (await row.getByRole('cell').first().textContent())!;
}

/** The drawn rectangle's row in the population tree. */
export function rectangleRow(page: Page) {
  return page.getByRole('region', { name: 'Populations' }).getByRole('row', { name: /Rectangle/ });
}

/** Opens a demo file in a fresh page and waits for its first autosave; returns the save time. */
export async function openAndSave(page: Page, fileName: string): Promise<string> {
  await page.goto('/');
  await page.getByLabel('Open FCS files…').setInputFiles(demoFile(fileName));
  // The histogram's axis is fitted once the page has been left alone after the first plot, and saved like any axis:
  // wait for it, then for the saves to settle (autosave waits 0.8 s after a change).
  await expect(page.getByRole('img', { name: /^Histogram of .*: [\d,]+ events/ })).toBeVisible();
  let saved = await autosavedAfter(page, null);
  for (;;) {
    await page.waitForTimeout(1500);
    const now = await page.getByText(/Saved in this browser at/).getAttribute('data-saved-at');
    if (now === saved) return saved;
    saved = now ?? saved;
  }
}

/** A sample's row in the side panel. */
export function sampleRow(page: Page, fileName: string) {
  return page.getByRole('region', { name: /Samples/ }).getByRole('option', { name: new RegExp(fileName.replaceAll('.', '\\.')) });
}
