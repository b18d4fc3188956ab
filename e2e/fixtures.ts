import { expect, type Page, test as base } from '@playwright/test';

interface FaultOptions {
  /** Console errors a test provokes on purpose (a 404 it routes, a fault it injects); any other error still fails it. */
  expectedErrors: RegExp | null;
}

/**
 * Every test fails on any uncaught page error or console error, in any of its pages (a test may open several tabs
 * with context.newPage()) or their workers, and on any breach of the Content-Security-Policy the preview server
 * sends (vite-plugins/securityHeaders.ts).
 */
export const test = base.extend<FaultOptions & { failOnPageErrors: void }>({
  expectedErrors: [null, { option: true }],
  failOnPageErrors: [
    async ({ context, page, expectedErrors }, use) => {
      const problems: string[] = [];
      const report = (problem: string) => {
        if (!expectedErrors?.test(problem)) problems.push(problem);
      };
      const watch = (tab: Page) => {
        tab.on('pageerror', (error) => report(`page error: ${error.message}`));
        tab.on('console', (message) => {
          if (message.type() === 'error') report(`console error: ${message.text()}`);
        });
        tab.on('worker', (worker) => worker.on('console', (message) => {
          if (message.type() === 'error') report(`worker console error: ${message.text()}`);
        }));
      };
      watch(page);
      context.on('page', watch);
      await context.exposeFunction('reportCspViolation', (text: string) => report(`Content-Security-Policy violation: ${text}`));
      await context.addInitScript(() => {
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
