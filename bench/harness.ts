/** One measured row of `npm run bench`; `ratio` compares against a baseline timed in the same run. */
export interface BenchRow {
  suite: string;
  name: string;
  medianMs: number;
  minMs: number;
  runs: number;
  /** Median of the baseline measured in the same run, when this row has one. */
  baselineMs?: number;
  /** baselineMs / medianMs: how many times faster than the baseline. */
  speedup?: number;
  /** Throughput, e.g. "1.2 GB/s", when meaningful. */
  throughput?: string;
  note?: string;
}

export type Report = (row: BenchRow) => void;

/** A bench file's default export: measures and reports rows. */
export type BenchSuite = (report: Report) => Promise<void>;

export interface Timing {
  medianMs: number;
  minMs: number;
  runs: number;
}

/** Times `fn` after `warmup` untimed calls; returns median and minimum over `runs` calls. */
export async function time(fn: () => unknown, runs = 7, warmup = 1): Promise<Timing> {
  for (let i = 0; i < warmup; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return { medianMs: samples[Math.floor(samples.length / 2)], minMs: samples[0], runs };
}

export function bytesPerSecond(bytes: number, ms: number): string {
  const perSecond = bytes / (ms / 1000);
  return perSecond >= 1e9 ? `${(perSecond / 1e9).toFixed(2)} GB/s` : `${(perSecond / 1e6).toFixed(0)} MB/s`;
}
