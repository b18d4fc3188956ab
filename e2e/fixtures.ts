import { expect, test as base } from '@playwright/test';

interface FaultOptions {
  /** Console errors a test provokes on purpose (a 404 it routes, a fault it injects); any other error still fails it. */
  expectedErrors: RegExp | null;
}

/**
 * Every test fails on any uncaught page error or console error, in the page or in its workers, and on any breach of
 * the Content-Security-Policy the preview server sends (vite-plugins/securityHeaders.ts).
 */
export const test = base.extend<FaultOptions & { failOnPageErrors: void }>({
  expectedErrors: [null, { option: true }],
  failOnPageErrors: [
    async ({ page, expectedErrors }, use) => {
      const problems: string[] = [];
      const report = (problem: string) => {
        if (!expectedErrors?.test(problem)) problems.push(problem);
      };
      page.on('pageerror', (error) => report(`page error: ${error.message}`));
      page.on('console', (message) => {
        if (message.type() === 'error') report(`console error: ${message.text()}`);
      });
      page.on('worker', (worker) => worker.on('console', (message) => {
        if (message.type() === 'error') report(`worker console error: ${message.text()}`);
      }));
      await page.exposeFunction('reportCspViolation', (text: string) => report(`Content-Security-Policy violation: ${text}`));
      await page.addInitScript(() => {
        const reporter = window as unknown as { reportCspViolation(text: string): void };
        document.addEventListener('securitypolicyviolation', (event) =>
          reporter.reportCspViolation(`${event.violatedDirective} blocked ${event.blockedURI || 'an inline source'} (${event.sourceFile}:${event.lineNumber})`),
        );
      });
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
