/**
 * The real DNA-content files of the shared corpus (../shared/corpus/dna, and the two PI genome-size files of
 * ../shared/corpus/fcs) with the channels a user would pick and the outside peer's values, read from each file's
 * `.peer.json` (never copied into the repository). Tests using these run inside `describeWithCorpus`.
 */
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { readFcs } from '../fcs/read.ts';
import { defaultDatasetIndex, scaledColumn } from '../fcs/scale.ts';
import type { FcsDataset } from '../fcs/types.ts';
import { corpusDir } from './corpus.ts';
import { analyseDnaSample, type DnaSampleAnalysis } from '../cellcycle/analyseDnaSample.ts';
import { DNA_HISTOGRAM_BINS, dnaHistogramTop } from '../cellcycle/dnaChannels.ts';
import { defaultModelOptions } from '../cellcycle/modelOptions.ts';
import type { SingletPulseParameter } from '../cellcycle/singletGate.ts';
import type { CellCycleModelOptions, ModelKind } from '../cellcycle/types.ts';

/** What a `.peer.json` says: flowPloidy peak positions (two G1-like peaks) or one G0/G1 mean and CV. */
export interface DnaPeer {
  peaks?: { mean_fl3a: number; cv_percent: number }[];
  g1_mean?: number;
  g1_cv_percent?: number;
  expect?: string;
}

export interface RealDnaFile {
  /** Path under the corpus folder. */
  path: string;
  dna: string;
  pulse: { channel: string; kind: SingletPulseParameter } | null;
  kind: 'internal-standard' | 'human-time-course';
}

const WIDTH = { channel: 'PI-W', kind: 'width' } as const;

export const REAL_DNA_FILES: readonly RealDnaFile[] = [
  { path: 'dna/222.LMD', dna: 'FL3-A', pulse: null, kind: 'internal-standard' },
  { path: 'dna/240-4-2+rad.LMD', dna: 'FL3-A', pulse: null, kind: 'internal-standard' },
  { path: 'dna/248+r.LMD', dna: 'FL3-A', pulse: null, kind: 'internal-standard' },
  { path: 'fcs/cytoflow--DNA-PI-genome-size--PU87_10_B200.fcs', dna: 'FL1', pulse: null, kind: 'internal-standard' },
  { path: 'fcs/cytoflow--DNA-PI-genome-size--PU88_12_B200.fcs', dna: 'FL1', pulse: null, kind: 'internal-standard' },
  { path: 'dna/Specimen_001_AI_0_001.fcs', dna: 'PI-A', pulse: WIDTH, kind: 'human-time-course' },
  { path: 'dna/Specimen_001_AX_24_006.fcs', dna: 'PI-A', pulse: WIDTH, kind: 'human-time-course' },
  { path: 'dna/Specimen_001_AI_72_004.fcs', dna: 'PI-A', pulse: WIDTH, kind: 'human-time-course' },
];

export function peerOf(file: RealDnaFile): DnaPeer | null {
  const path = join(corpusDir, `${file.path}.peer.json`);
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as DnaPeer) : null;
}

const datasets = new Map<string, FcsDataset>();

/** The file's default data set (the full-resolution FCS 3.0 copy of a Beckman LMD), read once per test run. */
export function datasetOf(file: RealDnaFile): FcsDataset {
  let dataset = datasets.get(file.path);
  if (!dataset) {
    const fcs = readFcs(readFileSync(join(corpusDir, file.path)), { fileName: file.path });
    dataset = fcs.datasets[defaultDatasetIndex(fcs)];
    datasets.set(file.path, dataset);
  }
  return dataset;
}

export function channelValues(dataset: FcsDataset, name: string): Float32Array | Float64Array {
  const position = dataset.channels.findIndex((c) => c.name === name);
  if (position < 0) throw new Error(`no channel ${name}`);
  return scaledColumn(dataset, position);
}

/** The automatic pipeline on a real file, as `flowfate cellcycle FILE --dna … [--width …] --model …` runs it. */
export function analyseRealFile(file: RealDnaFile, model: ModelKind, options: Partial<CellCycleModelOptions> = {}): DnaSampleAnalysis {
  const dataset = datasetOf(file);
  const channel = dataset.channels.find((c) => c.name === file.dna);
  if (!channel) throw new Error(`no channel ${file.dna}`);
  return analyseDnaSample({
    dna: channelValues(dataset, file.dna),
    pulse: file.pulse && { values: channelValues(dataset, file.pulse.channel), kind: file.pulse.kind },
    events: null,
    maxValue: dnaHistogramTop(channel),
    binCount: DNA_HISTOGRAM_BINS,
    options: { ...defaultModelOptions(model), ...options },
  });
}

export function fileName(file: RealDnaFile): string {
  return file.path.slice(file.path.lastIndexOf('/') + 1);
}
