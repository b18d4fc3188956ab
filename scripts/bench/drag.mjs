// Gate dragging and axis changes, timed inside the page with performance.now() (see BENCHMARKS.md):
//  - pointer → crosshair frame: from a pointer move (a capturing listener, the first to see it) to the animation
//    frame after the dragged quadrant's lines moved in the DOM;
//  - pointer → new percentages (FlowFate; GateLab recounts on release): to the first change of a percentage label;
//  - an axis change made as soon as the first plot is drawn, against the same change made once the app is idle.
import { openInPeer } from './peer.mjs';

const DRAG_STEPS = 40;
const STEP_PX = 3;

/** Timers on one plot's gate layer: pointer moves, crosshair frames, label changes. Runs in the page. */
function instrument({ layerSelector, crosshairAttributes, labels }) {
  const layer = document.querySelector(layerSelector);
  const timing = (window.benchDrag = { moves: [], crosshair: [], labels: [] });
  window.addEventListener('pointermove', () => timing.moves.push(performance.now()), { capture: true });
  new MutationObserver((records) => {
    const now = performance.now();
    if (records.some((r) => r.type === 'attributes')) requestAnimationFrame(() => timing.crosshair.push(performance.now()));
    if (labels && records.some((r) => r.type !== 'attributes')) timing.labels.push(now);
  }).observe(layer, { subtree: true, attributes: true, attributeFilter: crosshairAttributes, characterData: labels, childList: labels });
}

/** Drags from `start` in DRAG_STEPS moves; per move, ms to the crosshair frame and (when labels change) to new labels. */
async function timedDrag(page, start, withLabels) {
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  const crosshair = [];
  const percentages = [];
  for (let step = 1; step <= DRAG_STEPS; step++) {
    const before = await page.evaluate(() => ({ frames: window.benchDrag.crosshair.length, labels: window.benchDrag.labels.length }));
    await page.mouse.move(start.x + step * STEP_PX, start.y - step * STEP_PX);
    await page.waitForFunction((count) => window.benchDrag.crosshair.length > count, before.frames, { timeout: 20_000 });
    if (withLabels) {
      await page.waitForFunction((count) => window.benchDrag.labels.length > count, before.labels, { timeout: 5_000 }).catch(() => null);
    }
    const { moves, crosshair: frames, labels } = await page.evaluate(() => window.benchDrag);
    const moved = moves[moves.length - 1];
    crosshair.push(frames.find((t) => t >= moved) - moved);
    const label = labels.find((t) => t >= moved);
    if (withLabels && label !== undefined) percentages.push(label - moved);
  }
  await page.mouse.up();
  return { crosshair, percentages };
}

/** FlowFate: a quadrant gate placed on Annexin V (FITC-A) vs PI (PE-A) of the whole file, its centre dragged. */
export async function flowfateDrag(browser, appUrl, { events, path }) {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  page.setDefaultTimeout(120_000);
  await page.goto(appUrl);
  await page.getByLabel('Open FCS files…').setInputFiles(path);
  await page.waitForSelector(`figure[data-drawn][data-events="${events}"]`, { timeout: 300_000 });
  await page.getByLabel('X axis', { exact: true }).selectOption('FITC-A');
  await page.getByLabel('Y axis', { exact: true }).selectOption('PE-A');
  const gates = page.getByRole('group', { name: /Gates on FITC-A .* vs PE-A/ });
  await gates.waitFor({ timeout: 300_000 });
  await page.waitForTimeout(2000);
  await page.getByRole('radiogroup', { name: 'Gate tools of the density plot' }).getByRole('radio', { name: /Quadrant/ }).click();
  await gates.scrollIntoViewIfNeeded();
  const box = await gates.boundingBox();
  const start = { x: box.x + 175, y: box.y + 290 };
  await page.mouse.click(start.x, start.y);
  await page.getByRole('img', { name: /% of parent/ }).first().waitFor({ timeout: 120_000 });
  await page.evaluate(instrument, { layerSelector: 'figure.plot svg.plot-overlay', crosshairAttributes: ['d'], labels: true });
  const result = await timedDrag(page, start, true);
  await page.close();
  return result;
}

/** GateLab: its quadrant gate on Annexin V vs PI of the same file, its centre handle dragged the same way. */
export async function gatelabDrag(browser, peerUrl, { events, path }) {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  page.setDefaultTimeout(120_000);
  await openInPeer(page, peerUrl, path, events);
  const selects = page.locator('select');
  // Its X and Y pickers list channels by $PnS when there is one ("Annexin V", "PI").
  await selects.nth(3).selectOption({ label: 'Annexin V' });
  await selects.nth(4).selectOption({ label: 'PI' });
  await page.waitForTimeout(2000);
  await page.locator('button[title^="Quadrant gate"]').click();
  const box = await page.locator('#cytof-plot-container svg').boundingBox();
  await page.mouse.click(box.x + 55 + 150, box.y + 20 + 250);
  await page.getByRole('button', { name: 'Create 4 populations' }).click();
  const handle = page.locator('.quadrant-gate circle.vh');
  await handle.waitFor({ timeout: 60_000 });
  await page.waitForTimeout(2000);
  const at = await handle.boundingBox();
  await page.evaluate(instrument, { layerSelector: '#cytof-plot-container svg', crosshairAttributes: ['x1'], labels: false });
  const result = await timedDrag(page, { x: at.x + at.width / 2, y: at.y + at.height / 2 }, false);
  await page.close();
  return result;
}

/**
 * FlowFate: ms from changing the X axis to PE-A until the density plot is drawn again, the change made the moment the
 * first plot is drawn (`waitMs` 0), or `waitMs` after it.
 */
export async function flowfateAxisChange(browser, appUrl, { events, path }, waitMs) {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  await page.goto(appUrl);
  await page.evaluate(
    ({ expected, wait }) => {
      const timing = (window.benchAxis = {});
      const change = () => {
        const select = [...document.querySelectorAll('select')].find((s) => s.labels?.[0]?.textContent === 'X axis');
        const plot = document.querySelector(`figure[data-drawn][data-events="${expected}"]`);
        timing.drawnBefore = Number(plot.dataset.drawn);
        timing.start = performance.now();
        select.value = 'PE-A';
        select.dispatchEvent(new Event('change', { bubbles: true }));
      };
      new MutationObserver(() => {
        const plot = document.querySelector(`figure[data-drawn][data-events="${expected}"]`);
        if (!plot || plot.dataset.drawn === '0') return;
        if (timing.firstPlot === undefined) {
          timing.firstPlot = performance.now();
          setTimeout(change, wait);
        } else if (timing.start !== undefined && timing.end === undefined && plot.getAttribute('aria-label').startsWith('PE-A') && Number(plot.dataset.drawn) > timing.drawnBefore) {
          timing.end = performance.now();
        }
      }).observe(document.body, { subtree: true, attributes: true, childList: true });
    },
    { expected: events, wait: waitMs },
  );
  await page.getByLabel('Open FCS files…').setInputFiles(path);
  await page.waitForFunction(() => window.benchAxis.end !== undefined, null, { timeout: 300_000 });
  const { start, end } = await page.evaluate(() => window.benchAxis);
  await page.close();
  return end - start;
}
