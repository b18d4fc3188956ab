// GateLab (github david-priest/GateLab, MIT), the open browser peer, measured in the same runs as FlowFate. It is
// built outside this repository (none of its code is ours); point GATELAB_DIR at a checkout with a built dist/, or
// keep one at /work/peers/gatelab. Without it, the peer's rows are skipped with a note.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { serve, waitFor } from './serve.mjs';

export function peerDir() {
  const dir = process.env.GATELAB_DIR ?? '/work/peers/gatelab';
  return existsSync(join(dir, 'dist', 'index.html')) ? dir : null;
}

/** Serves the peer's built app on `port`; returns its URL and how to stop it. */
export async function servePeer(dir, port) {
  const stop = serve(['--port', String(port)], dir);
  const url = `http://127.0.0.1:${port}/`;
  await waitFor(url);
  return { url, stop };
}

/** Opens a file in GateLab and waits for its gating plot, titled with the file's event count. */
export async function openInPeer(page, url, path, events) {
  await page.goto(url);
  await page.locator('input[type=file][accept=".fcs"]').first().setInputFiles(path);
  await page.waitForFunction((title) => document.querySelector('#cytof-plot-container .cytof-title')?.textContent === title, `${events.toLocaleString('en-US')} events`, { timeout: 300_000 });
}
