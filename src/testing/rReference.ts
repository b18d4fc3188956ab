/**
 * R's nls as an independent reference for the 4PL fit (doseResponseFit.reference.R, Debian r-base-core): the points
 * of each named set go to R as CSV, and R's estimates, standard errors and EC50 interval come back.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DoseResponsePoint } from '../experiment/doseResponseFit.ts';

export interface ReferenceRow {
  name: string;
  converged: boolean;
  bottom: number;
  top: number;
  logEC50: number;
  hill: number;
  ec50: number;
  ec50Low: number;
  ec50High: number;
  df: number;
}

export function rscriptAvailable(): boolean {
  try {
    execFileSync('Rscript', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    if (process.env.CI) throw new Error('CI must have Rscript (r-base-core) for the dose-response reference test');
    return false;
  }
}

export function referenceFits(sets: readonly { name: string; points: readonly DoseResponsePoint[] }[]): Map<string, ReferenceRow> {
  const dir = mkdtempSync(join(tmpdir(), 'flowfate-4pl-'));
  for (const set of sets) writeFileSync(join(dir, `${set.name}.csv`), `x,y\n${set.points.map((p) => `${p.concentration},${p.response}`).join('\n')}\n`);
  const out = join(dir, 'reference.out');
  execFileSync('Rscript', [join(import.meta.dirname, '../experiment/doseResponseFit.reference.R'), dir, out], { stdio: ['ignore', 'ignore', 'pipe'] });
  const [header, ...lines] = readFileSync(out, 'utf8').trim().split('\n');
  const columns = header.split(',').map((c) => JSON.parse(c) as string);
  return new Map(lines.map((line) => {
    const cells = line.split(',');
    const row = Object.fromEntries(columns.map((c, i) => [c, c === 'name' ? JSON.parse(cells[i]) : cells[i] === 'TRUE' ? true : cells[i] === 'FALSE' ? false : Number(cells[i])]));
    return [row.name as string, row as unknown as ReferenceRow];
  }));
}
