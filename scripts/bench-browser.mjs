// Browser benchmarks in Debian's Chromium (see BENCHMARKS.md for the method):
//  - the real app (dist/, vite preview): load-to-first-plot for 1M and 5M events, against reading the same file's
//    bytes in the same page (the floor any app must pay);
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
