// Browser benchmarks in Debian's Chromium (see BENCHMARKS.md for the method):
//  - the real app (dist/, vite preview): load-to-first-plot for 1M and 5M events, against reading the same file's
//    bytes in the same page (the floor any app must pay); quadrant drag steps to updated percentages;
//  - the worker through the app's own client (dist-bench/, bench/browser/page.ts): gating re-evaluation.
import { spawn, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { chromium } from '@playwright/test';

const APP = 'http://127.0.0.1:4173';
const BENCH = 'http://127.0.0.1:4174';
const FILES = [
  { events: 1_000_000, path: 'fixtures/apoptosis-1e6.fcs' },
  { events: 5_000_000, path: 'fixtures/apoptosis-5e6.fcs' },
];
const LOAD_RUNS = 3;

function serve(args) {
  const server = spawn('npx', ['vite', 'preview', ...args], { stdio: 'ignore', detached: true });
  return () => process.kill(-server.pid);
}

async function waitFor(url) {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {}
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${url} did not start`);
}

const median = (values) => values.toSorted((a, b) => a - b)[Math.floor(values.length / 2)];

/** ms from the file input's change event to the density plot drawn with all events, and to the bytes merely read. */
async function loadToFirstPlot(browser, { events, path }) {
  const page = await browser.newPage();
  await page.goto(APP);
  await page.evaluate((expected) => {
    const input = document.querySelector('input[type=file]');
    const timing = (window.flowfateTiming = {});
    input.addEventListener('change', () => {
      timing.start = performance.now();
      timing.file = input.files[0];
    });
    new MutationObserver(() => {
      const plot = document.querySelector(`figure[data-drawn][data-events="${expected}"]`);
      if (plot && plot.dataset.drawn !== '0' && timing.drawn === undefined) timing.drawn = performance.now();
    }).observe(document.body, { subtree: true, attributes: true, childList: true });
  }, events);
  await page.getByLabel('Open FCS files…').setInputFiles(path);
  await page.waitForFunction(() => window.flowfateTiming.drawn !== undefined, null, { timeout: 120_000 });
  const result = await page.evaluate(async () => {
    const { start, drawn, file } = window.flowfateTiming;
    const t0 = performance.now();
    await file.arrayBuffer();
    return { total: drawn - start, read: performance.now() - t0, bytes: file.size };
  });
  await page.close();
  return result;
}

const DRAG_STEPS = 40;
const STEP_PX = 3;

/**
 * A quadrant's centre dragged across FITC-A vs PE-A of the whole file, one pointer move at a time: for each move, ms
 * from the pointer event to the first change of a percentage label, and to the animation frame after it (the
 * redrawn gate layer). The worker's share is measured separately (worker rows).
 */
async function quadrantDragSteps(browser, { events, path }) {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  await page.goto(APP);
  await page.getByLabel('Open FCS files…').setInputFiles(path);
  await page.waitForSelector(`figure[data-drawn][data-events="${events}"]`, { timeout: 120_000 });
  await page.getByLabel('X axis', { exact: true }).selectOption('FITC-A');
  await page.getByLabel('Y axis', { exact: true }).selectOption('PE-A');
  const gates = page.getByRole('group', { name: /Gates on FITC-A .* vs PE-A/ });
  await gates.waitFor();
  await page.waitForTimeout(1000);
  await page.getByRole('radiogroup', { name: 'Gate tools of the density plot' }).getByRole('radio', { name: /Quadrant/ }).click();
  await gates.scrollIntoViewIfNeeded();
  const box = await gates.boundingBox();
  const start = { x: box.x + 175, y: box.y + 290 };
  await page.mouse.click(start.x, start.y);
  await page.getByRole('img', { name: /% of parent/ }).first().waitFor({ timeout: 60_000 });
  await page.evaluate(() => {
    const layer = document.querySelector('svg.plot-overlay');
    const timing = (window.flowfateDrag = { moves: [], labels: [], frames: [] });
    layer.addEventListener('pointermove', () => timing.moves.push(performance.now()), { capture: true });
    new MutationObserver(() => {
      const now = performance.now();
      timing.labels.push(now);
      requestAnimationFrame(() => timing.frames.push(performance.now()));
    }).observe(layer, { subtree: true, characterData: true });
  });
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  const latencies = [];
  const frames = [];
  for (let step = 1; step <= DRAG_STEPS; step++) {
    const before = await page.evaluate(() => window.flowfateDrag.labels.length);
    await page.mouse.move(start.x + step * STEP_PX, start.y - step * STEP_PX);
    await page.waitForFunction((count) => window.flowfateDrag.labels.length > count && window.flowfateDrag.frames.length >= window.flowfateDrag.labels.length, before, { timeout: 10_000 });
    const { moves, labels, frames: painted } = await page.evaluate(() => window.flowfateDrag);
    const moved = moves[moves.length - 1];
    latencies.push(labels.find((t) => t >= moved) - moved);
    frames.push(painted.find((t) => t >= moved) - moved);
  }
  await page.mouse.up();
  await page.close();
  return { latencies, frames };
}

mkdirSync('fixtures', { recursive: true });
for (const { events, path } of FILES) {
  if (!existsSync(path)) {
    execFileSync('node', ['bin/flowfate.js', 'simulate', '--assay', 'apoptosis', '--events', String(events), '--dose', '50', '--time', '24', '--byte-order', 'little', '--out', path], { stdio: 'inherit' });
  }
}
execFileSync('npx', ['vite', 'build', '--config', 'bench/browser/vite.config.ts', '--logLevel', 'error'], { stdio: 'inherit' });

const stopApp = serve(['--port', '4173']);
const stopBench = serve(['--config', 'bench/browser/vite.config.ts']);
const rows = [];
try {
  await Promise.all([waitFor(APP), waitFor(BENCH)]);
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' });
  for (const file of FILES) {
    const runs = [];
    for (let i = 0; i < LOAD_RUNS; i++) runs.push(await loadToFirstPlot(browser, file));
    const totals = runs.map((r) => r.total);
    const read = median(runs.map((r) => r.read));
    const total = median(totals);
    rows.push({
      suite: 'app (Chromium)',
      name: `load-to-first-plot, ${file.events.toLocaleString('en')} events (${(runs[0].bytes / 1e6).toFixed(0)} MB)`,
      medianMs: total,
      minMs: Math.min(...totals),
      runs: LOAD_RUNS,
      baselineMs: read,
      speedup: read / total,
      note: 'baseline: File.arrayBuffer() of the same file in the same page',
    });
    console.error(`load ${file.events}: ${total.toFixed(0)} ms (read ${read.toFixed(0)} ms)`);
  }
  for (const file of FILES) {
    const { latencies, frames } = await quadrantDragSteps(browser, file);
    rows.push({
      suite: 'app (Chromium)',
      name: `quadrant drag step, ${file.events.toLocaleString('en')} events: pointer move to updated percentages`,
      medianMs: median(latencies),
      minMs: Math.min(...latencies),
      runs: latencies.length,
      note: `95th percentile ${latencies.toSorted((a, b) => a - b)[Math.floor(0.95 * latencies.length)].toFixed(1)} ms`,
    });
    rows.push({
      suite: 'app (Chromium)',
      name: `quadrant drag step, ${file.events.toLocaleString('en')} events: pointer move to the frame after`,
      medianMs: median(frames),
      minMs: Math.min(...frames),
      runs: frames.length,
      note: `target ≤ ${file.events > 1e6 ? 100 : 33} ms; 95th percentile ${frames.toSorted((a, b) => a - b)[Math.floor(0.95 * frames.length)].toFixed(1)} ms`,
    });
    console.error(`drag ${file.events}: ${median(latencies).toFixed(1)} ms to labels, ${median(frames).toFixed(1)} ms to frame`);
  }
  const page = await browser.newPage();
  await page.goto(BENCH);
  rows.push(...(await page.evaluate(() => window.runWorkerBenchmarks())));
  await browser.close();
} finally {
  stopApp();
  stopBench();
}

const fmt = (v, digits = 1) => (v === undefined ? '' : Number(v).toFixed(digits));
console.log([
  `Chromium (Debian), ${new Date().toISOString()}`,
  '',
  '| suite | case | median ms | min ms | runs | baseline ms | baseline / case | note |',
  '|---|---|---:|---:|---:|---:|---:|---|',
  ...rows.map((r) => `| ${r.suite} | ${r.name} | ${fmt(r.medianMs)} | ${fmt(r.minMs)} | ${r.runs} | ${fmt(r.baselineMs)} | ${r.speedup ? fmt(r.speedup, 2) : ''} | ${r.note ?? ''} |`),
].join('\n'));
mkdirSync('bench-results', { recursive: true });
writeFileSync('bench-results/browser.json', JSON.stringify({ date: new Date().toISOString(), rows }, null, 2));
