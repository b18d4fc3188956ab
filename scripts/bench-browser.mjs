// Browser benchmarks in Debian's Chromium (see BENCHMARKS.md for the method):
//  - the real app (dist/, vite preview): load-to-first-plot for 1M and 5M events and whole-browser memory after it,
//    FlowFate and the GateLab peer interleaved, a fresh browser per run, with the worker buffers per event measured
//    in runs of their own (scripts/bench/load.mjs); a 96-tube plate opened and analysed, with the main thread's long
//    tasks (scripts/bench/manyFiles.mjs); quadrant drag steps (pointer → crosshair frame, pointer → new
//    percentages) and an axis change right after load, FlowFate and the GateLab peer interleaved, a fresh browser per
//    run (scripts/bench/drag.mjs; the peer only when built, scripts/bench/peer.mjs);
//  - the whole experiment: a 96-tube plate of both assays from "Run analysis" to the Experiment view's filled summary
//    (scripts/bench/experiment.mjs, on the 96-tube harness of scripts/bench/manyFiles.mjs);
//  - the worker through the app's own client (dist-bench/, bench/browser/page.ts): gating re-evaluation.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { flowfateAxisChange, flowfateDrag, gatelabDrag } from './bench/drag.mjs';
import { experimentRun, plateFiles } from './bench/experiment.mjs';
import { flowfateBuffers, flowfateLoad, gatelabLoad } from './bench/load.mjs';
import { measurePlate, platePaths } from './bench/manyFiles.mjs';
import { peerDir, servePeer } from './bench/peer.mjs';
import { loadAverage, median, PORTS, percentile95, serve, waitFor } from './bench/serve.mjs';

const APP = `http://127.0.0.1:${PORTS.app}`;
const BENCH = `http://127.0.0.1:${PORTS.page}`;
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** BENCH_ONLY=load,plate,drag,axis,experiment,worker runs only those parts (all by default). */
const only = (part) => !process.env.BENCH_ONLY || process.env.BENCH_ONLY.split(',').includes(part);
const FILES = [
  { events: 1_000_000, path: 'fixtures/apoptosis-1e6.fcs' },
  { events: 5_000_000, path: 'fixtures/apoptosis-5e6.fcs' },
];
const LOAD_RUNS = Number(process.env.BENCH_LOAD_RUNS ?? 3);
const PLATE_RUNS = Number(process.env.BENCH_PLATE_RUNS ?? 3);

/** Bytes per event of a file's raw event data (its DATA segment), from `flowfate inspect`. */
function rawBytesPerEvent(path) {
  const [{ datasets: [dataset] }] = JSON.parse(execFileSync('node', ['bin/flowfate.js', 'inspect', '--json', path], { encoding: 'utf8' }));
  return dataset.channels.reduce((sum, channel) => sum + channel.bits / 8, 0);
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

/** Each run's whole-browser PSS in MB. */
const megabytes = (runs) => runs.map((r) => r.pss / 1e6);

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
const peer = gatelab && (only('drag') || only('load')) ? await servePeer(gatelab, PORTS.peer) : null;
if (!gatelab && (only('drag') || only('load'))) console.error('GateLab peer not found (GATELAB_DIR or /work/peers/gatelab with a built dist/): its rows are skipped.');
const rows = [];
try {
  await Promise.all([waitFor(APP), waitFor(BENCH)]);
  for (const file of only('load') ? FILES : []) {
    const ours = [];
    const theirs = [];
    const oursOnDisk = [];
    const theirsOnDisk = [];
    const loads = [];
    for (let run = 0; run < LOAD_RUNS; run++) {
      loads.push(await loadAverage());
      ours.push(await flowfateLoad(CHROMIUM, APP, file));
      if (peer) theirs.push(await gatelabLoad(CHROMIUM, peer.url, file));
      oursOnDisk.push(await flowfateLoad(CHROMIUM, APP, file, true));
      if (peer) theirsOnDisk.push(await gatelabLoad(CHROMIUM, peer.url, file, true));
    }
    const buffers = await flowfateBuffers(CHROMIUM, APP, file);
    const events = file.events.toLocaleString('en');
    const load = `load ${median(loads).toFixed(1)}`;
    const size = `${(statSync(file.path).size / 1e6).toFixed(0)} MB`;
    const read = median(ours.map((r) => r.readMs));
    const loadRow = (app, runs, note) => ({ ...stepRow(`load → first plot, ${events} events (${size}) (${app})`, runs.map((r) => r.loadMs), note), note });
    const ourLoad = loadRow('FlowFate', ours, `reading the bytes alone (File.arrayBuffer() in the same page): ${read.toFixed(0)} ms; ${load}`);
    const memoryRow = (where, app, runs) => ({
      ...stepRow(`whole-browser memory (PSS) after load, ${events} events, ${where} (${app})`, megabytes(runs)),
      unit: 'MB',
      note: `RSS ${(median(runs.map((r) => r.rss)) / 1e6).toFixed(0)} MB; ${load}`,
    });
    const memoryRows = [
      ['off-the-record context', ours, theirs],
      ['new on-disk profile', oursOnDisk, theirsOnDisk],
    ].map(([where, flowfate, peerRuns]) => [memoryRow(where, 'FlowFate', flowfate), peer ? memoryRow(where, 'GateLab, same runs', peerRuns) : null]);
    if (peer) {
      const theirLoad = loadRow('GateLab, same runs', theirs, load);
      Object.assign(ourLoad, { baselineMs: theirLoad.medianMs, speedup: theirLoad.medianMs / ourLoad.medianMs });
      for (const [ourMemory, theirMemory] of memoryRows) Object.assign(ourMemory, { baselineMs: theirMemory.medianMs, speedup: theirMemory.medianMs / ourMemory.medianMs });
      rows.push(ourLoad, theirLoad);
    } else rows.push(ourLoad);
    rows.push(...memoryRows.flat().filter(Boolean));
    const raw = rawBytesPerEvent(file.path);
    const perEvent = (bytes) => bytes / file.events;
    rows.push({
      suite: 'app (Chromium)',
      name: `worker buffers per event after load, ${events} events (FlowFate; raw event data ${raw} bytes per event)`,
      medianMs: perEvent(buffers.bufferBytes),
      runs: 1,
      unit: 'B',
      baselineMs: raw,
      speedup: raw / perEvent(buffers.bufferBytes),
      note: `${(perEvent(buffers.bufferBytes) / raw).toFixed(2)}× the raw data after load, ${(perEvent(buffers.peakBufferBytes) / raw).toFixed(2)}× at the peak during it (${perEvent(buffers.peakBufferBytes).toFixed(1)} B per event); ${load}`,
    });
    const pss = memoryRows.map(([ourMemory, theirMemory]) => `${ourMemory.medianMs.toFixed(0)} MB${theirMemory ? ` vs ${theirMemory.medianMs.toFixed(0)} MB` : ''}`).join(' (off the record), ');
    console.error(`load ${file.events}: FlowFate ${ourLoad.medianMs.toFixed(0)} ms${peer ? `, GateLab ${median(theirs.map((r) => r.loadMs)).toFixed(0)} ms` : ''}; PSS ${pss} (on disk); buffers ${perEvent(buffers.bufferBytes).toFixed(1)} B/event (peak ${perEvent(buffers.peakBufferBytes).toFixed(1)}), raw ${raw}`);
  }
  if (only('plate')) {
    const paths = await platePaths();
    const steps = new Map();
    const loads = [];
    for (let run = 0; run < PLATE_RUNS; run++) {
      loads.push(await loadAverage());
      for (const step of await inFreshBrowser((b) => measurePlate(b, APP, paths))) steps.set(step.name, [...(steps.get(step.name) ?? []), step]);
    }
    for (const [name, runs] of steps) {
      const longest = Math.max(...runs.map((r) => r.longestTaskMs));
      const over50 = runs.map((r) => r.tasksOver50).join(', ');
      rows.push(stepRow(name, runs.map((r) => r.ms), `longest main-thread task ${longest.toFixed(0)} ms, tasks over 50 ms per run: ${over50}; load ${median(loads).toFixed(1)}`));
      console.error(`${name}: ${median(runs.map((r) => r.ms)).toFixed(0)} ms, longest task ${longest.toFixed(0)} ms`);
    }
  }
  const browser = await chromium.launch({ executablePath: CHROMIUM });
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
      `target ≤ 3000 ms; the sum of the three steps below, from an idle page (keeping the opened files in the browser took Chromium CPU ${cpu((steps) => steps[0].settleCpu.totalMs)} before); Chromium CPU ${cpu((steps) => sum(steps, (s) => s.cpu.totalMs))} (busiest thread ${cpu((steps) => sum(steps, (s) => s.cpu.busiestMs))}); ${load}`,
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
  '| suite | case | median | min | runs | baseline | baseline / case | note |',
  '|---|---|---:|---:|---:|---:|---:|---|',
  ...rows.map((r) => {
    const unit = ` ${r.unit ?? 'ms'}`;
    const value = (v) => (v === undefined ? '' : `${fmt(v)}${unit}`);
    return `| ${r.suite} | ${r.name} | ${value(r.medianMs)} | ${value(r.minMs)} | ${r.runs} | ${value(r.baselineMs)} | ${r.speedup ? fmt(r.speedup, 2) : ''} | ${r.note ?? ''} |`;
  }),
].join('\n'));
mkdirSync('bench-results', { recursive: true });
writeFileSync('bench-results/browser.json', JSON.stringify({ date: new Date().toISOString(), rows }, null, 2));
