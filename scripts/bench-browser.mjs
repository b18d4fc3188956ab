// Browser benchmarks in Debian's Chromium (see BENCHMARKS.md for the method):
//  - the real app (dist/, vite preview): load-to-first-plot for 1M and 5M events, against reading the same file's
//    bytes in the same page (the floor any app must pay); quadrant drag steps (pointer → crosshair frame, pointer → new
//    percentages) and an axis change right after load, FlowFate and the GateLab peer interleaved, a fresh browser per
//    run (scripts/bench/drag.mjs; the peer only when built, scripts/bench/peer.mjs);
//  - the whole experiment: a 96-tube plate of both assays from "Run analysis" to the Experiment view's filled summary
//    (scripts/bench/experiment.mjs, on the 96-tube harness of scripts/bench/manyFiles.mjs);
//  - the worker through the app's own client (dist-bench/, bench/browser/page.ts): gating re-evaluation.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { flowfateAxisChange, flowfateDrag, gatelabDrag } from './bench/drag.mjs';
import { experimentRun, plateFiles } from './bench/experiment.mjs';
import { peerDir, servePeer } from './bench/peer.mjs';
import { loadAverage, median, PORTS, percentile95, serve, waitFor } from './bench/serve.mjs';

const APP = `http://127.0.0.1:${PORTS.app}`;
const BENCH = `http://127.0.0.1:${PORTS.page}`;
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** BENCH_ONLY=load,drag,axis,experiment,worker runs only those parts (all by default). */
const only = (part) => !process.env.BENCH_ONLY || process.env.BENCH_ONLY.split(',').includes(part);
const FILES = [
  { events: 1_000_000, path: 'fixtures/apoptosis-1e6.fcs' },
  { events: 5_000_000, path: 'fixtures/apoptosis-5e6.fcs' },
];
const LOAD_RUNS = 3;

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

/** Runs of each drag and axis-change measurement, alternating FlowFate and the peer, a fresh browser each. */
const DRAG_RUNS = Number(process.env.BENCH_DRAG_RUNS ?? 3);
/** How long "later" is for the axis change: the app has long finished what the first plot set going. */
const IDLE_MS = 15_000;

async function inFreshBrowser(work) {
  const browser = await chromium.launch({ executablePath: CHROMIUM });
  try {
    return await work(browser);
  } finally {
    await browser.close();
  }
}

const stepRow = (name, values, note) => ({
  suite: 'app (Chromium)',
  name,
  medianMs: median(values),
  minMs: Math.min(...values),
  runs: values.length,
  p95Ms: percentile95(values),
  note: `95th percentile ${percentile95(values).toFixed(1)} ms${note ? `; ${note}` : ''}`,
});

/** Σ value(step) over a run's steps. */
const sum = (steps, value) => steps.reduce((total, step) => total + value(step), 0);

mkdirSync('fixtures', { recursive: true });
for (const { events, path } of FILES) {
  if (!existsSync(path)) {
    execFileSync('node', ['bin/flowfate.js', 'simulate', '--assay', 'apoptosis', '--events', String(events), '--dose', '50', '--time', '24', '--byte-order', 'little', '--out', path], { stdio: 'inherit' });
  }
}
execFileSync('npx', ['vite', 'build', '--config', 'bench/browser/vite.config.ts', '--logLevel', 'error'], { stdio: 'inherit' });

const stopApp = serve(['--port', String(PORTS.app)]);
const stopBench = serve(['--config', 'bench/browser/vite.config.ts', '--port', String(PORTS.page)]);
const gatelab = peerDir();
const peer = gatelab && only('drag') ? await servePeer(gatelab, PORTS.peer) : null;
if (!gatelab && only('drag')) console.error('GateLab peer not found (GATELAB_DIR or /work/peers/gatelab with a built dist/): its rows are skipped.');
const rows = [];
try {
  await Promise.all([waitFor(APP), waitFor(BENCH)]);
  const browser = await chromium.launch({ executablePath: CHROMIUM });
  for (const file of only('load') ? FILES : []) {
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
  for (const file of only('drag') ? FILES : []) {
    const ours = { crosshair: [], percentages: [], first: [] };
    const theirs = { crosshair: [] };
    const loads = [];
    for (let run = 0; run < DRAG_RUNS; run++) {
      loads.push(await loadAverage());
      const measured = await inFreshBrowser((b) => flowfateDrag(b, APP, file));
      ours.crosshair.push(...measured.crosshair);
      ours.percentages.push(...measured.percentages);
      ours.first.push(measured.percentages[0]);
      if (peer) theirs.crosshair.push(...(await inFreshBrowser((b) => gatelabDrag(b, peer.url, file))).crosshair);
    }
    const events = file.events.toLocaleString('en');
    const load = `load ${median(loads).toFixed(1)}`;
    const crosshair = stepRow(`quadrant drag, ${events} events: pointer → crosshair frame (FlowFate)`, ours.crosshair, load);
    if (peer) {
      const peerRow = stepRow(`quadrant drag, ${events} events: pointer → crosshair frame (GateLab, same runs)`, theirs.crosshair, load);
      crosshair.baselineMs = peerRow.medianMs;
      crosshair.speedup = peerRow.medianMs / crosshair.medianMs;
      rows.push(crosshair, peerRow);
    } else rows.push(crosshair);
    const first = `first step after placing the gate: ${ours.first.map((t) => t.toFixed(0)).join(', ')} ms`;
    rows.push(stepRow(`quadrant drag, ${events} events: pointer → new percentages (FlowFate; GateLab recounts on release)`, ours.percentages, `target ≤ ${file.events > 1e6 ? 50 : 20} ms; ${first}; ${load}`));
    console.error(`drag ${file.events}: crosshair ${median(ours.crosshair).toFixed(1)} ms${peer ? ` (GateLab ${median(theirs.crosshair).toFixed(1)})` : ''}, percentages ${median(ours.percentages).toFixed(1)} ms`);
  }
  if (only('axis')) {
    const file = FILES[FILES.length - 1];
    const soon = [];
    const later = [];
    const loads = [];
    for (let run = 0; run < DRAG_RUNS; run++) {
      loads.push(await loadAverage());
      soon.push(await inFreshBrowser((b) => flowfateAxisChange(b, APP, file, 0)));
      later.push(await inFreshBrowser((b) => flowfateAxisChange(b, APP, file, IDLE_MS)));
    }
    rows.push({
      suite: 'app (Chromium)',
      name: `axis change (X to PE-A) the moment the first plot of ${file.events.toLocaleString('en')} events is drawn, to the new plot drawn`,
      medianMs: median(soon),
      minMs: Math.min(...soon),
      runs: soon.length,
      baselineMs: median(later),
      speedup: median(later) / median(soon),
      note: `baseline: the same change ${IDLE_MS / 1000} s after the first plot, in the same runs; load ${median(loads).toFixed(1)}`,
    });
    console.error(`axis change: ${median(soon).toFixed(0)} ms right after load, ${median(later).toFixed(0)} ms later`);
  }
  if (only('experiment')) {
    const files = await plateFiles();
    const runs = [];
    const loads = [];
    for (let run = 0; run < 3; run++) {
      loads.push(await loadAverage());
      runs.push(await inFreshBrowser((b) => experimentRun(b, APP, files)));
    }
    const load = `load ${median(loads).toFixed(1)}`;
    const totals = runs.map((steps) => sum(steps, (s) => s.ms));
    const cpu = (value) => `${(median(runs.map(value)) / 1000).toFixed(2)} s`;
    rows.push(stepRow(
      `experiment of ${files.length} tubes × 50,000 events (both assays): Run → per-condition summary and dose-response fits shown`,
      totals,
      `target ≤ 3000 ms; the sum of the three steps below; Chromium CPU ${cpu((steps) => sum(steps, (s) => s.cpu.totalMs))} (busiest thread ${cpu((steps) => sum(steps, (s) => s.cpu.busiestMs))}); ${load}`,
    ));
    runs[0].forEach((step, i) => {
      const longest = Math.max(...runs.map((steps) => steps[i].longestTaskMs));
      const cpuNote = `Chromium CPU ${cpu((steps) => steps[i].cpu.totalMs)}, busiest thread (${step.cpu.busiestThread}) ${cpu((steps) => steps[i].cpu.busiestMs)}`;
      rows.push(stepRow(`  ${step.name}`, runs.map((steps) => steps[i].ms), `${cpuNote}; longest main-thread task ${longest.toFixed(0)} ms; ${load}`));
    });
    console.error(`experiment: ${median(totals).toFixed(0)} ms (${runs[0].map((s, i) => `${median(runs.map((r) => r[i].ms)).toFixed(0)}`).join(' + ')})`);
  }
  if (only('worker')) {
    const page = await browser.newPage();
    await page.goto(BENCH);
    rows.push(...(await page.evaluate(() => window.runWorkerBenchmarks())));
  }
  await browser.close();
} finally {
  stopApp();
  stopBench();
  peer?.stop();
}

const fmt = (v, digits = 1) => (v === undefined ? '' : Number(v).toFixed(digits));
console.log([
  `Chromium (Debian), ${new Date().toISOString()}, load average ${(await loadAverage()).toFixed(1)} at the end`,
  '',
  '| suite | case | median ms | min ms | runs | baseline ms | baseline / case | note |',
  '|---|---|---:|---:|---:|---:|---:|---|',
  ...rows.map((r) => `| ${r.suite} | ${r.name} | ${fmt(r.medianMs)} | ${fmt(r.minMs)} | ${r.runs} | ${fmt(r.baselineMs)} | ${r.speedup ? fmt(r.speedup, 2) : ''} | ${r.note ?? ''} |`),
].join('\n'));
mkdirSync('bench-results', { recursive: true });
writeFileSync('bench-results/browser.json', JSON.stringify({ date: new Date().toISOString(), rows }, null, 2));
