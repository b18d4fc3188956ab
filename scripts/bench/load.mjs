// Loading a file, FlowFate against the GateLab peer (see BENCHMARKS.md), each run in a fresh browser:
//  - load → first plot: from the file input's change event to the first plot drawn with every event (FlowFate: the
//    density figure's data-drawn attribute, set in the frame after painting; GateLab: its plot titled "N events", and
//    the frame after), timed with performance.now() in the page; baseline: File.arrayBuffer() of the same file there;
//  - whole-browser memory once the plot is drawn and the page has settled: the proportional set size (PSS) of every
//    process of that browser, from /proc (Linux), in runs with no DevTools session attached (attaching one to the
//    workers keeps more memory alive: +200-500 MB measured at 5M events); in Playwright's default off-the-record
//    context, where Chromium holds the origin's storage (FlowFate's kept copy of the file, the offline cache) in the
//    browser process's memory, and in a new on-disk profile as a user's browser has, where that storage is on disk;
//  - FlowFate's worker buffers, in runs of their own: the ArrayBuffer bytes its workers hold (DevTools
//    Runtime.getHeapUsage backingStorageSize), sampled every 20 ms during the load (peak) and after a forced GC once
//    settled.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';

/** How long after the first plot memory is read: FlowFate has drawn the histogram, its statistics and kept the file. */
const SETTLE_MS = 8000;

/** PSS and RSS (bytes) of a process and all its descendants. */
function treeMemory(rootPid) {
  const children = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {}
  }
  let pss = 0;
  let rss = 0;
  const visit = (pid) => {
    try {
      const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
      pss += 1024 * Number(/^Pss:\s+(\d+)/m.exec(rollup)?.[1] ?? 0);
      rss += 1024 * Number(/^Rss:\s+(\d+)/m.exec(rollup)?.[1] ?? 0);
    } catch {}
    for (const child of children.get(pid) ?? []) visit(child);
  };
  visit(rootPid);
  return { pss, rss };
}

const VIEWPORT = { width: 1400, height: 1000 };

/** The pid of the browser process started with this profile folder. */
function browserWithProfile(profile) {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const args = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
      if (args.some((a) => a.includes(profile)) && !args.some((a) => a.startsWith('--type='))) return Number(entry);
    } catch {}
  }
  throw new Error(`no browser process uses ${profile}`);
}

/**
 * A fresh browser whose processes can be measured, given to `work` as something with newPage(): an off-the-record
 * context, or with `onDisk` a new profile in a temporary folder (deleted afterwards).
 */
export async function measuredBrowser(executablePath, work, onDisk = false) {
  if (onDisk) {
    const profile = mkdtempSync(join(tmpdir(), 'flowfate-bench-profile-'));
    const context = await chromium.launchPersistentContext(profile, { executablePath, viewport: VIEWPORT });
    try {
      const pid = browserWithProfile(profile);
      return await work(context, () => treeMemory(pid));
    } finally {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    }
  }
  const server = await chromium.launchServer({ executablePath });
  const browser = await chromium.connect(server.wsEndpoint());
  try {
    return await work(browser, () => treeMemory(server.process().pid));
  } finally {
    await browser.close();
    await server.close();
  }
}

/** DevTools access to the page's dedicated workers (non-flat sessions, the only kind a page session can reach). */
async function workerSessions(page) {
  const cdp = await page.context().newCDPSession(page);
  const replies = new Map();
  let next = 1;
  cdp.on('Target.receivedMessageFromTarget', ({ message }) => {
    const reply = JSON.parse(message);
    replies.get(reply.id)?.(reply.result);
  });
  const ask = (sessionId, method, params = {}) =>
    new Promise((resolve) => {
      const id = next++;
      replies.set(id, resolve);
      void cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) });
    });
  const { targetInfos } = await cdp.send('Target.getTargets');
  const sessions = [];
  for (const target of targetInfos.filter((t) => t.type === 'worker')) sessions.push((await cdp.send('Target.attachToTarget', { targetId: target.targetId, flatten: false })).sessionId);
  const bufferBytes = async () => (await Promise.all(sessions.map((s) => ask(s, 'Runtime.getHeapUsage')))).reduce((sum, usage) => sum + usage.backingStorageSize, 0);
  const collectGarbage = () => Promise.all(sessions.map(async (s) => {
    await ask(s, 'HeapProfiler.enable');
    await ask(s, 'HeapProfiler.collectGarbage');
  }));
  return { bufferBytes, collectGarbage };
}

/**
 * Times, in the page, from the file input's change event to the plot drawn (an element matching `plot` and, when
 * given, a `titled` element whose text is `title`), then the next frame.
 */
function watchLoad({ input, plot, titled, title }) {
  const timing = (window.benchLoad = {});
  const drawn = () => document.querySelector(plot) !== null && (!titled || [...document.querySelectorAll(titled)].some((t) => t.textContent === title));
  document.querySelector(input).addEventListener('change', (event) => {
    timing.start = performance.now();
    timing.file = event.target.files[0];
  }, { capture: true });
  new MutationObserver(() => {
    if (timing.start === undefined || timing.seen !== undefined || !drawn()) return;
    timing.seen = performance.now();
    requestAnimationFrame(() => (timing.drawn = performance.now()));
  }).observe(document.body, { subtree: true, attributes: true, childList: true, characterData: true });
}

/** Samples `measure()` every 20 ms until stopped; resolves to the largest value seen. */
function sampleMaximum(measure) {
  const state = { running: true, peak: 0 };
  const sampling = (async () => {
    while (state.running) {
      state.peak = Math.max(state.peak, await measure());
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  })();
  return async () => {
    state.running = false;
    await sampling;
    return state.peak;
  };
}

/** Loads `path` through the input of `watch` (see watchLoad): ms to the plot, and the peak of `sampleBuffers` meanwhile. */
async function timedLoad(page, path, watch, sampleBuffers) {
  await page.evaluate(watchLoad, watch);
  const stopSampling = sampleBuffers ? sampleMaximum(sampleBuffers) : async () => 0;
  await page.locator(watch.input).first().setInputFiles(path);
  await page.waitForFunction(() => window.benchLoad.drawn !== undefined, null, { timeout: 600_000, polling: 50 });
  const peakBufferBytes = await stopSampling();
  return { loadMs: await page.evaluate(() => window.benchLoad.drawn - window.benchLoad.start), peakBufferBytes };
}

/** The baseline: ms to merely read the loaded file's bytes in the same page (after memory was measured). */
function readMs(page) {
  return page.evaluate(async () => {
    const t0 = performance.now();
    await window.benchLoad.file.arrayBuffer();
    return performance.now() - t0;
  });
}

/** A load, then whole-browser memory once settled, then the read baseline. */
async function loadThenMemory(page, path, watch, memory) {
  const { loadMs } = await timedLoad(page, path, watch, null);
  await page.waitForTimeout(SETTLE_MS);
  const settled = memory();
  return { loadMs, ...settled, readMs: await readMs(page) };
}

const flowfateWatch = (events) => ({ input: 'input[type=file][aria-label="Open FCS files…"]', plot: `figure[data-drawn][data-events="${events}"]:not([data-drawn="0"])` });

async function flowfatePage(browser, url) {
  const page = await browser.newPage({ viewport: VIEWPORT });
  await page.goto(url);
  await page.locator(flowfateWatch(0).input).waitFor({ state: 'attached' });
  return page;
}

/** FlowFate: load → first plot, then whole-browser memory once settled (no DevTools session attached). */
export async function flowfateLoad(executablePath, url, { events, path }, onDisk = false) {
  return measuredBrowser(executablePath, async (browser, memory) => {
    return loadThenMemory(await flowfatePage(browser, url), path, flowfateWatch(events), memory);
  }, onDisk);
}

/** FlowFate's worker buffers: the peak during a load, and what is left once settled, after a forced GC. */
export async function flowfateBuffers(executablePath, url, { events, path }) {
  return measuredBrowser(executablePath, async (browser) => {
    const page = await flowfatePage(browser, url);
    const workers = await workerSessions(page);
    const { peakBufferBytes } = await timedLoad(page, path, flowfateWatch(events), workers.bufferBytes);
    await page.waitForTimeout(SETTLE_MS);
    await workers.collectGarbage();
    return { peakBufferBytes, bufferBytes: await workers.bufferBytes() };
  });
}

/** GateLab: load → its gating plot titled with the event count, then whole-browser memory. */
export async function gatelabLoad(executablePath, url, { events, path }, onDisk = false) {
  return measuredBrowser(executablePath, async (browser, memory) => {
    const page = await browser.newPage({ viewport: VIEWPORT });
    await page.goto(url);
    const watch = { input: 'input[type=file][accept=".fcs"]', plot: '#cytof-plot-container canvas', titled: '#cytof-plot-container text, #cytof-plot-container .cytof-title', title: `${events.toLocaleString('en-US')} events` };
    return loadThenMemory(page, path, watch, memory);
  }, onDisk);
}
