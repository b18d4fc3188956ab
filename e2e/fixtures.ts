import { expect, test as base } from '@playwright/test';

/** Every test fails on any uncaught page error or console error, in the page or in its workers. */
export const test = base.extend<{ failOnPageErrors: void }>({
  failOnPageErrors: [
    async ({ page }, use) => {
      const problems: string[] = [];
      page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
      page.on('console', (message) => {
        if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
      });
      page.on('worker', (worker) => worker.on('console', (message) => {
        if (message.type() === 'error') problems.push(`worker console error: ${message.text()}`);
      }));
      await use();
      expect(problems, 'the page reported errors').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** Files generated at test time by e2e/global-setup.ts (never committed). */
export const fixtureFiles = {
  million: 'fixtures/apoptosis-1e6.fcs',
  broken: 'fixtures/broken-truncated.fcs',
  notFcs: 'fixtures/not-an-fcs.fcs',
};

/** A demo file written by `npm run build` into public/demo. */
export function demoFile(name: string): string {
  return `public/demo/${name}`;
}
