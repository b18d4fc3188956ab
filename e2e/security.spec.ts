import { demoFile, expect, test } from './fixtures.ts';

test('the app is served with a strict Content-Security-Policy and the usual security headers', async ({ page }) => {
  const response = (await page.goto('/'))!;
  const headers = response.headers();
  const policy = headers['content-security-policy'];
  expect(policy).toContain("script-src 'self'");
  expect(policy).toContain("style-src 'self'");
  expect(policy).toContain("connect-src 'self'");
  expect(policy).toContain("frame-ancestors 'none'");
  expect(policy).not.toContain('unsafe-');
  expect(headers).toMatchObject({
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'no-referrer',
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
  });
  // The same policy travels in the page, for hosts that send no headers.
  await expect(page.locator('meta[http-equiv="Content-Security-Policy"]')).toHaveAttribute('content', policy.replace("; frame-ancestors 'none'", ''));
});

test('a figure exported as SVG and PNG breaks no rule of the policy', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('Open FCS files…').setInputFiles(demoFile('AnnV-PI_24h_050nM_R1.fcs'));
  await expect(page.getByRole('img', { name: /FSC-A vs SSC-A of All events: 20,000 events/ })).toBeVisible();
  for (const format of ['SVG', 'PNG']) {
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: `Export FSC-A vs SSC-A of All events as ${format}` }).click();
    expect((await download).suggestedFilename()).toMatch(new RegExp(`^\\d{4}-\\d\\d-\\d\\d FSC-A vs SSC-A of All events AnnV-PI_24h_050nM_R1\\.fcs\\.${format.toLowerCase()}$`));
  }
  // The inlined styles made it into the file.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export FSC-A vs SSC-A of All events as SVG' }).click();
  const svg = await (await (await download).createReadStream()).toArray();
  expect(Buffer.concat(svg).toString('utf8')).toMatch(/<text[^>]*style="[^"]*font-size:/);
});
