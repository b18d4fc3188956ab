import { emptyAnnotation, type SampleAnnotation } from '../analysis/sampleSheet.ts';
import { simulateApoptosisSample, type ApoptosisParams, type ApoptosisStain, type ApoptosisTruth } from './apoptosisModel.ts';
import { simulateCellCycleSample, type CellCycleParams } from './cellCycleModel.ts';
import type { CellCycleTruth } from './cellCycleTruth.ts';
import { apoptosisParamsForTreatment, cellCycleParamsForTreatment } from './drugResponse.ts';
import type { AcquisitionInfo } from './instrument.ts';
import { createRng, deriveSeed } from './rng.ts';
import { sampleLogNormal, sampleNormal } from './samplers.ts';
import { assertNever, type SimulatedSample } from './simulatedSample.ts';

/** Bumped whenever the manifest's shape changes, so readers can refuse or migrate old sheets. */
export const DEMO_MANIFEST_VERSION = 2;

export type DemoAssay = 'apoptosis' | 'cellCycle';
/** What a tube is for: the three Annexin V/PI controls, the untreated sample or a treated sample. */
export type DemoRole = 'unstained' | 'annexinOnly' | 'piOnly' | 'untreated' | 'sample';

/** One file of the demo series, enough to regenerate it exactly. */
export interface DemoFileSpec {
  fileName: string;
  assay: DemoAssay;
  role: DemoRole;
  cellLine: string;
  drug: string;
  doseNm: number;
  timeH: number;
  /** 1, 2 or 3: independent cultures of the same condition (controls: 1). */
  replicate: number;
  /**
   * The dose the cells respond as if treated with: each replicate culture is a little more or less sensitive, and
   * a little stressed even untreated, so replicates spread as real ones do (doseNm itself is what the sheet says).
   */
  effectiveDoseNm: number;
  eventCount: number;
  seed: number;
  /** Order of acquisition on its day (1-based), which sets $BTIM. */
  tubeNumber: number;
}

export interface DemoExperiment {
  name: string;
  drug: string;
  description: string;
  baseSeed: number;
  files: DemoFileSpec[];
}

export type DemoTruth = ApoptosisTruth | CellCycleTruth;

/** The sample sheet written next to the demo files as manifest.json. */
export interface DemoManifest {
  version: typeof DEMO_MANIFEST_VERSION;
  experiment: Omit<DemoExperiment, 'files'>;
  files: (DemoFileSpec & { truth: DemoTruth })[];
}

export const DEMO_DOSES_NM: readonly number[] = [0, 10, 20, 50, 100];
export const DEMO_TIMES_H: readonly number[] = [24, 48];
export const DEMO_REPLICATES = 3;
export const DEMO_BASE_SEED = 20_250_314;
const DRUG = 'ixazomib-like';
const CELL_LINE = 'MM1S-like';
/** Spread of the replicate cultures' sensitivity (log scale) and their background stress, as a dose in nM. */
const POTENCY_SD_LOG = 0.25;
const STRESS_SD_NM = 2;
const APOPTOSIS_EVENTS = 20_000;
const CELL_CYCLE_EVENTS = 30_000;

const CONTROLS: readonly { role: DemoRole; stain: ApoptosisStain; fileName: string }[] = [
  { role: 'unstained', stain: 'unstained', fileName: 'AnnV-PI_unstained.fcs' },
  { role: 'annexinOnly', stain: 'annexinOnly', fileName: 'AnnV-PI_AnnV-only.fcs' },
  { role: 'piOnly', stain: 'piOnly', fileName: 'AnnV-PI_PI-only.fcs' },
];

/** Lab-style file name, e.g. AnnV-PI_24h_050nM_R2.fcs or PI-DNA_48h_000nM_R1.fcs. */
export function demoFileName(assay: DemoAssay, timeH: number, doseNm: number, replicate: number): string {
  const prefix = assay === 'apoptosis' ? 'AnnV-PI' : 'PI-DNA';
  return `${prefix}_${timeH}h_${String(doseNm).padStart(3, '0')}nM_R${replicate}.fcs`;
}

/** How replicate culture `replicate` of a time point responds: its sensitivity and background stress (seeded). */
function replicateCulture(baseSeed: number, timeH: number, replicate: number): { potency: number; stressNm: number } {
  const rng = createRng(deriveSeed(baseSeed, `culture ${timeH}h R${replicate}`));
  return { potency: sampleLogNormal(rng, 1, POTENCY_SD_LOG), stressNm: Math.abs(sampleNormal(rng, 0, STRESS_SD_NM)) };
}

/**
 * The embedded demo: an ixazomib-like series (0, 10, 20, 50, 100 nM × 24 h and 48 h) in triplicate cultures for
 * both assays, plus the unstained, Annexin V-only and PI-only controls (untreated cells, acquired with the 24 h tubes).
 */
export function demoExperiment(baseSeed: number = DEMO_BASE_SEED): DemoExperiment {
  const tubesPerDay = new Map<number, number>();
  const spec = (fileName: string, assay: DemoAssay, role: DemoRole, doseNm: number, timeH: number, replicate: number): DemoFileSpec => {
    const tubeNumber = (tubesPerDay.get(timeH) ?? 0) + 1;
    tubesPerDay.set(timeH, tubeNumber);
    const culture = role === 'sample' || role === 'untreated' ? replicateCulture(baseSeed, timeH, replicate) : { potency: 1, stressNm: 0 };
    return {
      fileName, assay, role, cellLine: CELL_LINE, drug: DRUG, doseNm, timeH, replicate,
      effectiveDoseNm: Number((doseNm * culture.potency + culture.stressNm).toPrecision(6)),
      eventCount: assay === 'apoptosis' ? APOPTOSIS_EVENTS : CELL_CYCLE_EVENTS,
      seed: deriveSeed(baseSeed, fileName),
      tubeNumber,
    };
  };
  const replicates = Array.from({ length: DEMO_REPLICATES }, (_, k) => k + 1);
  const files = [
    ...CONTROLS.map((control) => spec(control.fileName, 'apoptosis', control.role, 0, 24, 1)),
    ...DEMO_TIMES_H.flatMap((timeH) => (['apoptosis', 'cellCycle'] as const).flatMap((assay) =>
      DEMO_DOSES_NM.flatMap((doseNm) => replicates.map((replicate) =>
        spec(demoFileName(assay, timeH, doseNm, replicate), assay, doseNm === 0 ? 'untreated' : 'sample', doseNm, timeH, replicate))))),
  ];
  return {
    name: 'Ixazomib-like dose and time series (simulated)',
    drug: DRUG,
    description: 'Simulated FACSCanto II data: Annexin V-FITC/PI apoptosis and PI DNA-content cell cycle of a myeloma-like line '
      + 'treated with an ixazomib-like proteasome inhibitor. Every file records the true fractions it was simulated from.',
    baseSeed,
    files,
  };
}

/** The sample sheet of a demo tube, as a lab would fill it in. */
export function demoAnnotation(spec: DemoFileSpec): SampleAnnotation {
  const treated = spec.role === 'sample';
  return {
    ...emptyAnnotation(),
    assay: spec.assay, role: spec.role, cellLine: spec.cellLine, compound: treated ? spec.drug : '',
    doseNm: spec.doseNm, timeH: spec.timeH, replicate: spec.role === 'sample' || spec.role === 'untreated' ? String(spec.replicate) : '',
  };
}

/** Simulation parameters of a demo tube: the drug response of its culture at its dose and time, in the tube's stain. */
export function demoApoptosisParams(spec: DemoFileSpec): ApoptosisParams {
  return apoptosisParamsForTreatment(spec.effectiveDoseNm, spec.timeH, spec.eventCount, stainOfRole(spec.role));
}

export function demoCellCycleParams(spec: DemoFileSpec): CellCycleParams {
  // Staining intensity varies a little from tube to tube.
  return { ...cellCycleParamsForTreatment(spec.effectiveDoseNm, spec.timeH, spec.eventCount), g1MeanPiA: 52_000 + (spec.seed % 6000) };
}

function stainOfRole(role: DemoRole): ApoptosisStain {
  switch (role) {
    case 'unstained':
      return 'unstained';
    case 'annexinOnly':
      return 'annexinOnly';
    case 'piOnly':
      return 'piOnly';
    case 'untreated':
    case 'sample':
      return 'annexinAndPi';
    default:
      return assertNever(role, 'demo role');
  }
}

/** Acquisition sheet facts: 24 h tubes on day one, 48 h tubes on day two, three minutes apart. */
function demoAcquisition(spec: DemoFileSpec): Partial<AcquisitionInfo> {
  const dayOffset = spec.timeH >= 48 ? 1 : 0;
  return {
    fileName: spec.fileName,
    experimentName: `IXZ_${spec.assay === 'apoptosis' ? 'AnnV-PI' : 'PI-DNA'}`,
    specimenName: spec.cellLine,
    date: { year: 2025, month: 3, day: 14 + dayOffset },
    startSecondOfDay: 9 * 3600 + 180 * (spec.tubeNumber - 1),
  };
}

/** Simulates one demo tube exactly as `flowfate demo` writes it. */
export function simulateDemoFile(spec: DemoFileSpec): SimulatedSample<DemoTruth> {
  const acquisition = demoAcquisition(spec);
  switch (spec.assay) {
    case 'apoptosis':
      return simulateApoptosisSample(demoApoptosisParams(spec), spec.seed, acquisition);
    case 'cellCycle':
      return simulateCellCycleSample(demoCellCycleParams(spec), spec.seed, acquisition);
    default:
      return assertNever(spec.assay, 'assay');
  }
}

/** The versioned sample sheet for a simulated series; `truths[i]` belongs to `experiment.files[i]`. */
export function demoManifest(experiment: DemoExperiment, truths: readonly DemoTruth[]): DemoManifest {
  if (truths.length !== experiment.files.length) {
    throw new RangeError(`demoManifest: ${experiment.files.length} files but ${truths.length} truths`);
  }
  const { files, ...about } = experiment;
  return { version: DEMO_MANIFEST_VERSION, experiment: about, files: files.map((file, i) => ({ ...file, truth: truths[i] })) };
}
