// A 96-tube plate in the real app (see BENCHMARKS.md): each step timed in the page with performance.now(), with
// every main-thread task over 50 ms it caused (PerformanceObserver 'longtask'). The plate (3 controls + 93 tubes of
// 50,000 events, bench/manyTubes.ts) is written into fixtures/ once.
//
// Steps run in order on one page; add one by appending to PLATE_STEPS (or pass your own list to measurePlate):
//   { name, run(page, paths) }   run resolves when the step's result is on screen.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { runnerImport } from 'vite';

export const PLATE_DIR = 'fixtures/plate-96x50k';
const TUBES = 96;

/**
 * The plate's files, written once (by the simulator, through Vite's module runner as for the Node benchmarks); by
 * default Annexin V/PI tubes only, or each condition in every assay of `assays` (in its own directory).
 */
export async function platePaths(directory = PLATE_DIR, assays = ['apoptosis']) {
  if (!existsSync(directory) || readdirSync(directory).length < TUBES) {
    const { module } = await runnerImport('/bench/manyTubes.ts', { configFile: false, logLevel: 'error' });
    module.writePlate(directory, TUBES, 50_000, assays);
  }
  return readdirSync(directory).filter((f) => f.endsWith('.fcs')).toSorted().map((f) => join(directory, f));
}

/** Opening every file at once, until each is listed as ready. */
export const openStep = {
  name: 'open 96 files (3 controls + 93 tubes × 50,000 events) → every one ready in the sample list',
  async run(page, paths) {
    await page.getByLabel('Open FCS files…').setInputFiles(paths);
    await page.waitForFunction(
      (count) => [...document.querySelectorAll('[role=option]')].filter((o) => /Ready/.test(o.textContent)).length >= count,
      paths.length,
      { timeout: 600_000, polling: 20 },
    );
  },
};

/** The guided Annexin V/PI analysis of every tube, until its results table is shown. */
export const apoptosisStep = {
  name: 'guided Annexin V/PI analysis of the 96 tubes → results table shown',
  async run(page) {
    await page.getByRole('tab', { name: /Apoptosis/ }).click();
    const run = page.getByRole('button', { name: 'Run analysis' });
    await run.waitFor();
    await run.click();
    await page.waitForFunction(
      () => {
        const button = [...document.querySelectorAll('button')].find((b) => b.textContent === 'Run analysis');
        return button?.getAttribute('aria-busy') !== 'true' && document.getElementById('apoptosis-results-heading') !== null;
      },
      null,
      { timeout: 600_000, polling: 20 },
    );
  },
};

export const PLATE_STEPS = [openStep, apoptosisStep];

/** Runs the steps on a fresh page; per step, its time and the main-thread tasks over 50 ms. */
export async function measurePlate(browser, url, paths, steps = PLATE_STEPS) {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  await page.goto(url);
  await page.evaluate(() => {
    window.benchTasks = [];
    new PerformanceObserver((list) => window.benchTasks.push(...list.getEntries().map((e) => e.duration))).observe({ type: 'longtask' });
  });
  const results = [];
  for (const step of steps) {
    await page.waitForTimeout(1000);
    const start = await page.evaluate(() => {
      window.benchTasks = [];
      return performance.now();
    });
    await step.run(page, paths);
    const { end, tasks } = await page.evaluate(() => ({ end: performance.now(), tasks: window.benchTasks }));
    results.push({ name: step.name, ms: end - start, longestTaskMs: Math.max(0, ...tasks), tasksOver50: tasks.length });
  }
  await page.close();
  return results;
}
