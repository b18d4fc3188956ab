/**
 * `flowfate inspect` of a 5M-event file as a whole process (start-up, reading, every channel's min/max/mean) against
 * npm `fcs` reading the same file as a whole process, alternating, in the same run (issue 14 deliver 6). Needs the
 * built CLI (`npm run bench` builds it first). After the first run both read the file from the page cache.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { BenchSuite } from './harness.ts';

/** The browser benchmarks' 5M-event fixture (FACSCanto-like, 9 float32 channels), written here if missing. */
const FILE = 'fixtures/apoptosis-5e6.fcs';
const RUNS = 5;
const NPM_FCS = `const FCS = require(${JSON.stringify(createRequire(import.meta.url).resolve('fcs'))});
new FCS({ dataFormat: 'asNumber', eventsToRead: -1 }, require('node:fs').readFileSync(process.argv[1]));`;
/** Linux clock ticks per second (USER_HZ), the unit of /proc's CPU times. */
const TICKS_PER_SECOND = 100;

/** CPU ms (user + system) of this process's waited-for children so far, from /proc/self/stat (cutime, cstime). */
function childrenCpuMs(): number {
  const stat = readFileSync('/proc/self/stat', 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[13]) + Number(fields[14])) * 1000) / TICKS_PER_SECOND;
}

/** Wall and CPU ms of one Node process running `args`. */
function timeProcess(args: string[]): { wallMs: number; cpuMs: number } {
  const cpuBefore = childrenCpuMs();
  const start = performance.now();
  const result = spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  const wallMs = performance.now() - start;
  if (result.status !== 0) throw new Error(`node ${args[0]} failed: ${result.stderr.toString()}`);
  return { wallMs, cpuMs: childrenCpuMs() - cpuBefore };
}

const median = (values: number[]) => values.toSorted((a, b) => a - b)[Math.floor(values.length / 2)];

const suite: BenchSuite = async (report) => {
  if (!existsSync(FILE)) {
    mkdirSync('fixtures', { recursive: true });
    execFileSync('node', ['bin/flowfate.js', 'simulate', '--assay', 'apoptosis', '--events', '5000000', '--dose', '50', '--time', '24', '--byte-order', 'little', '--out', FILE]);
  }
  const inspect = ['bin/flowfate.js', 'inspect', FILE];
  const npmFcs = ['-e', NPM_FCS, FILE];
  timeProcess(inspect);
  const ours: { wallMs: number; cpuMs: number }[] = [];
  const theirs: { wallMs: number; cpuMs: number }[] = [];
  for (let run = 0; run < RUNS; run++) {
    ours.push(timeProcess(inspect));
    theirs.push(timeProcess(npmFcs));
  }
  const wall = (runs: typeof ours) => median(runs.map((r) => r.wallMs));
  const cpu = (runs: typeof ours) => median(runs.map((r) => r.cpuMs));
  report({
    suite: 'cli',
    name: 'flowfate inspect, 5M events × 9 float32 (180 MB), whole process',
    medianMs: wall(ours),
    minMs: Math.min(...ours.map((r) => r.wallMs)),
    runs: RUNS,
    baselineMs: wall(theirs),
    speedup: wall(theirs) / wall(ours),
    note: `baseline: node reading the file with npm fcs 0.0.7 (asNumber, every event), whole processes alternating; CPU time ${cpu(ours).toFixed(0)} vs ${cpu(theirs).toFixed(0)} ms (${(cpu(theirs) / cpu(ours)).toFixed(1)}×)`,
  });
};

export default suite;
