/**
 * A real-sized experiment as a lab names it: 63 FCS files (3 Annexin V/PI controls, then 5 doses × 2 times ×
 * 3 replicates of both assays) with long instrument-export names, written by the project's own CLI at test time
 * (never committed).
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export const LAB_EXPERIMENT_DIR = 'fixtures/lab-63';
const DOSES_NM = [0, 10, 20, 50, 100];
const TIMES_H = [24, 48];
const REPLICATES = [1, 2, 3];
const PREFIX = '2025-03-14_MM1S_ixazomib';

const dose = (nM: number) => `${String(nM).padStart(3, '0')}nM`;

/** The treated tubes: file name, assay and condition, in acquisition order. */
export function labTubes(): { fileName: string; assay: 'apoptosis' | 'cellcycle'; doseNm: number; timeH: number; replicate: number }[] {
  const tubes = [];
  let tube = 4;
  for (const assay of ['apoptosis', 'cellcycle'] as const) {
    for (const timeH of TIMES_H) {
      for (const doseNm of DOSES_NM) {
        for (const replicate of REPLICATES) {
          const stain = assay === 'apoptosis' ? 'AnnexinV-FITC_PI' : 'PI-DNA_RNase';
          const fileName = `${PREFIX}_${timeH}h_${dose(doseNm)}_rep${replicate}_${stain}_Tube_${String(tube++).padStart(3, '0')}.fcs`;
          tubes.push({ fileName, assay, doseNm, timeH, replicate });
        }
      }
    }
  }
  return tubes;
}

/** The three controls, copied from the demo experiment under lab names. */
export const LAB_CONTROLS: readonly { demo: string; fileName: string }[] = [
  { demo: 'AnnV-PI_unstained.fcs', fileName: `${PREFIX}_24h_unstained_AnnexinV-FITC_PI_Tube_001.fcs` },
  { demo: 'AnnV-PI_AnnV-only.fcs', fileName: `${PREFIX}_24h_AnnexinV-FITC only_Tube_002.fcs` },
  { demo: 'AnnV-PI_PI-only.fcs', fileName: `${PREFIX}_24h_PI only_Tube_003.fcs` },
];

/** Every file of the experiment, paths relative to the project. */
export function labExperimentFiles(): string[] {
  return readdirSync(LAB_EXPERIMENT_DIR).filter((f) => f.endsWith('.fcs')).toSorted().map((f) => join(LAB_EXPERIMENT_DIR, f));
}

/** Writes the experiment once (about 20 s); later runs reuse it. */
export function writeLabExperiment(): void {
  const tubes = labTubes();
  mkdirSync(LAB_EXPERIMENT_DIR, { recursive: true });
  for (const control of LAB_CONTROLS) {
    const target = join(LAB_EXPERIMENT_DIR, control.fileName);
    if (!existsSync(target)) copyFileSync(join('public/demo', control.demo), target);
  }
  tubes.forEach((t, k) => {
    const out = join(LAB_EXPERIMENT_DIR, t.fileName);
    if (existsSync(out)) return;
    execFileSync('node', ['bin/flowfate.js', 'simulate', '--assay', t.assay, '--dose', String(t.doseNm), '--time', String(t.timeH), '--seed', String(1000 + k), '--out', out], { stdio: 'ignore' });
  });
}
