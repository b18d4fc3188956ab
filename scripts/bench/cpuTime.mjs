// CPU time the benchmark's Chromium spends, per thread, read from Linux's /proc (utime + stime, in clock ticks of
// 10 ms). On a machine other sessions load, wall times stretch with the load; the CPU a step costs does not, and
// bounds what the step takes on an idle machine of the same cores: at least max(busiest thread, total / cores).
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';

const TICK_MS = 10;

const read = (path) => {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null; // the process or thread ended meanwhile
  }
};

/** Fields of a /proc stat line after the command name: [state, ppid, …, utime (11), stime (12), …]. */
const statFields = (text) => text.slice(text.lastIndexOf(')') + 2).split(' ');

function isChromium(pid) {
  try {
    return readlinkSync(`/proc/${pid}/exe`).includes('chromium');
  } catch {
    return false;
  }
}

/** Processes descending from this Node process that run Chromium. */
function chromiumProcesses() {
  const parentOf = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = read(`/proc/${entry}/stat`);
    if (stat) parentOf.set(Number(entry), Number(statFields(stat)[1]));
  }
  const descends = (pid) => {
    for (let p = pid; p > 1; p = parentOf.get(p) ?? 0) if (p === process.pid) return true;
    return false;
  };
  return [...parentOf.keys()].filter((pid) => pid !== process.pid && descends(pid) && isChromium(pid));
}

/** Every Chromium thread's CPU time so far: key "pid/tid" → { name, ms }. */
export function chromiumCpu() {
  const threads = new Map();
  for (const pid of chromiumProcesses()) {
    let tids = [];
    try {
      tids = readdirSync(`/proc/${pid}/task`);
    } catch {
      continue;
    }
    for (const tid of tids) {
      const stat = read(`/proc/${pid}/task/${tid}/stat`);
      if (!stat) continue;
      const fields = statFields(stat);
      const name = (read(`/proc/${pid}/task/${tid}/comm`) ?? '').trim();
      threads.set(`${pid}/${tid}`, { name, ms: (Number(fields[11]) + Number(fields[12])) * TICK_MS });
    }
  }
  return threads;
}

/** CPU time spent since `before` (a chromiumCpu() snapshot): the total and the busiest thread. */
export function cpuSince(before) {
  let totalMs = 0;
  let busiest = { name: '', ms: 0 };
  for (const [key, thread] of chromiumCpu()) {
    const ms = thread.ms - (before.get(key)?.ms ?? 0);
    totalMs += ms;
    if (ms > busiest.ms) busiest = { name: thread.name, ms };
  }
  return { totalMs, busiestMs: busiest.ms, busiestThread: busiest.name };
}
