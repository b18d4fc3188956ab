/**
 * A 96-well plate for the many-files benchmarks: the demo experiment's three controls and 93 treated or untreated
 * tubes (the demo's doses and times, replicates 1 to 10; by default Annexin V/PI only, or each condition in every
 * assay of `assays`), each with `events` events, written as FCS files the app opens like any user's.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFcs } from '../src/fcs/write.ts';
import { DEMO_DOSES_NM, DEMO_TIMES_H, type DemoAssay, demoExperiment, demoFileName, simulateDemoFile } from '../src/simulate/experiment.ts';
import { deriveSeed } from '../src/simulate/rng.ts';

export function writePlate(directory: string, tubes = 96, events = 50_000, assays: readonly DemoAssay[] = ['apoptosis']): string[] {
  mkdirSync(directory, { recursive: true });
  const base = demoExperiment().files.filter((f) => f.assay === 'apoptosis');
  const controls = base.filter((f) => f.role !== 'sample' && f.role !== 'untreated');
  const template = base.find((f) => f.role === 'sample') ?? base[0];
  const treated = Array.from({ length: 10 }, (_, r) => r + 1).flatMap((replicate) =>
    DEMO_TIMES_H.flatMap((timeH) => DEMO_DOSES_NM.flatMap((doseNm) => assays.map((assay) => {
      const fileName = demoFileName(assay, timeH, doseNm, replicate);
      return { ...template, assay, fileName, role: doseNm === 0 ? ('untreated' as const) : ('sample' as const), doseNm, timeH, replicate, effectiveDoseNm: doseNm, seed: deriveSeed(1, fileName) };
    }))));
  const specs = [...controls, ...treated].slice(0, tubes).map((spec) => ({ ...spec, eventCount: events }));
  return specs.map((spec) => {
    const path = join(directory, spec.fileName);
    writeFileSync(path, writeFcs(simulateDemoFile(spec).input));
    return path;
  });
}
