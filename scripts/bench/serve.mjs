// Serving built pages for the browser benchmarks, on ports that can be moved (BENCH_*_PORT) so two people can
// benchmark side by side on one machine.
import { spawn } from 'node:child_process';

export const PORTS = {
  app: Number(process.env.BENCH_APP_PORT ?? 4173),
  page: Number(process.env.BENCH_PAGE_PORT ?? 4174),
  peer: Number(process.env.BENCH_PEER_PORT ?? 4175),
};

/** `vite preview` with `args` in `cwd`; returns a function that stops it (and its children). */
export function serve(args, cwd = process.cwd()) {
  const server = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--strictPort', ...args], { cwd, stdio: 'ignore', detached: true });
  return () => process.kill(-server.pid);
}

export async function waitFor(url) {
  for (let i = 0; i < 150; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {}
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${url} did not start`);
}

export const median = (values) => values.toSorted((a, b) => a - b)[Math.floor(values.length / 2)];
export const percentile95 = (values) => values.toSorted((a, b) => a - b)[Math.min(values.length - 1, Math.floor(0.95 * values.length))];

/** The machine's 1-minute load average, said with every figure (other work shares this machine). */
export async function loadAverage() {
  const { loadavg } = await import('node:os');
  return loadavg()[0];
}
