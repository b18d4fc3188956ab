// The whole experiment in the real app (issue 11), on the engine's 96-tube harness (manyFiles.mjs): a plate of
// 50,000-event files, Annexin V/PI and PI-DNA tubes of the demo's doses and times in replicate, opened as a user
// opens them; then each step a user takes from "Run analysis" to the Experiment view's filled summary, timed in the
// page: the apoptosis run, "Analyse all samples" of the cell cycle, and the Experiment tab (grouping, mean ± SD and
// the dose-response fits of every percentage, drawn). Each step also says the CPU time Chromium spent on it (all
// threads, and the busiest one), which the machine's load does not stretch.
import { chromiumCpu, cpuSince } from './cpuTime.mjs';
import { measurePlate, openStep, platePaths } from './manyFiles.mjs';

/** The plate's files (written once, then reused). */
export const plateFiles = () => platePaths('fixtures/plate-96x50k-both-assays', ['apoptosis', 'cellCycle']);

/** Resolves once the results table `label` lists `rows` tubes and is no longer updating. */
function tableComplete(page, label, rows) {
  return page.waitForFunction(
    ([name, count]) => {
      const table = document.querySelector(`table[aria-label="${name}"]`);
      return table?.getAttribute('aria-busy') === 'false' && table.querySelectorAll('tbody th[scope=row]').length === count;
    },
    [label, rows],
    { timeout: 600_000, polling: 'raf' },
  );
}

const apoptosisTubes = (paths) => paths.filter((p) => p.includes('AnnV-PI')).length;

export const EXPERIMENT_STEPS = [
  {
    name: 'apoptosis: Run analysis → results table complete',
    async run(page, paths) {
      await page.getByRole('tab', { name: 'Apoptosis (Annexin V / PI)' }).click();
      await page.getByRole('button', { name: 'Run analysis' }).click();
      await tableComplete(page, 'Apoptosis results', apoptosisTubes(paths));
    },
  },
  {
    name: 'cell cycle: Analyse all samples → results table complete',
    async run(page, paths) {
      await page.getByRole('tab', { name: 'Cell cycle (PI DNA)' }).click();
      await page.getByRole('button', { name: 'Analyse all samples' }).click();
      await tableComplete(page, 'Cell-cycle results', paths.length - apoptosisTubes(paths));
    },
  },
  {
    name: 'Experiment tab: conditions grouped, mean ± SD, 4PL fits of every percentage, drawn',
    async run(page) {
      await page.getByRole('tab', { name: 'Experiment' }).click();
      await page.waitForFunction(
        () => {
          const table = document.querySelector('table[aria-label="Experiment by condition"]');
          return table?.getAttribute('aria-busy') === 'false' && table.querySelectorAll('tbody th[scope=row]').length > 0 && document.querySelector('figure.dose-response') !== null;
        },
        null,
        { timeout: 600_000, polling: 'raf' },
      );
    },
  },
];

/** `step`, recording the CPU time it cost into `into` under its name. */
const withCpu = (step, into) => ({
  name: step.name,
  async run(page, paths) {
    const before = chromiumCpu();
    await step.run(page, paths);
    into.set(step.name, cpuSince(before));
  },
});

/**
 * After opening, the workers keep each file in the browser (OPFS) in their quiet time. The steps are timed from an
 * idle page, as after a user has checked the sample sheet: this waits until Chromium spends under 5 % of a core for
 * a second (at most 2 minutes) and records what it spent meanwhile.
 */
const settleStep = (into) => ({
  name: 'opened files kept in the browser (Chromium idle)',
  async run(page) {
    const start = chromiumCpu();
    for (let waited = 0; waited < 120_000; waited += 1000) {
      const before = chromiumCpu();
      await page.waitForTimeout(1000);
      if (cpuSince(before).totalMs < 50) break;
    }
    into.set('settle', cpuSince(start));
  },
});

/**
 * One run in a fresh page: the plate opened and settled, then the experiment's steps; per step its time in ms
 * (opening and settling not counted), the longest main-thread task, and its CPU time (`cpu`: totalMs, busiestMs,
 * busiestThread); `settleCpu` is what keeping the opened files cost.
 */
export async function experimentRun(browser, app, paths) {
  const cpu = new Map();
  const [, , ...steps] = await measurePlate(browser, app, paths, [openStep, settleStep(cpu), ...EXPERIMENT_STEPS.map((step) => withCpu(step, cpu))]);
  return steps.map((step) => ({ ...step, cpu: cpu.get(step.name), settleCpu: cpu.get('settle') }));
}
