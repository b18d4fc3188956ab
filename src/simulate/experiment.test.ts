import { describe, expect, it } from 'vitest';
import { readFcs } from '../fcs/read.ts';
import { writeFcs } from '../fcs/write.ts';
import { ApoptosisClass } from './apoptosisModel.ts';
import { inferAnnotation } from '../analysis/sampleSheetNames.ts';
import { DEMO_MANIFEST_VERSION, demoAnnotation, demoExperiment, demoManifest, simulateDemoFile, type DemoFileSpec } from './experiment.ts';
import type { SimulatedSample } from './simulatedSample.ts';

const experiment = demoExperiment();
const byName = (fileName: string): DemoFileSpec => {
  const spec = experiment.files.find((file) => file.fileName === fileName);
  if (!spec) throw new Error(`no demo file ${fileName}`);
  return spec;
};

function viableFraction(fileName: string): number {
  const { truth } = simulateDemoFile(byName(fileName));
  return truth.assay === 'apoptosis' ? truth.fractionsOfSingleCells.viable : Number.NaN;
}

/** Writes a sample, reads it back and checks that nothing changed. */
function roundTrip(sample: SimulatedSample<unknown>, byteOrder: 'little' | 'big'): void {
  const bytes = writeFcs(sample.input, { byteOrder });
  const [dataset] = readFcs(bytes, { fileName: 'round-trip.fcs' }).datasets;
  expect(dataset.version).toBe('3.1');
  expect(dataset.datatype).toBe('F');
  expect(dataset.byteOrder).toBe(byteOrder);
  expect(dataset.eventCount).toBe(sample.labels.length);
  expect(dataset.channels.map((c) => [c.name, c.label, c.range])).toEqual(sample.input.channels.map((c) => [c.name, c.label ?? null, c.range]));
  dataset.columns.forEach((column, i) => expect(column).toEqual(sample.input.columns[i]));
  for (const [key, value] of Object.entries(sample.input.keywords ?? {})) expect(dataset.keywords[key.toUpperCase()]).toBe(value);
  expect(dataset.warnings).toEqual([]);
  if (sample.input.spillover) {
    expect(dataset.spillover?.channels).toEqual(sample.input.spillover.channels);
    expect(dataset.spillover?.matrix).toEqual(sample.input.spillover.matrix);
  } else {
    expect(dataset.spillover).toBeNull();
  }
}

const effective = (assay: string, timeH: number, doseNm: number) =>
  experiment.files.filter((f) => f.assay === assay && f.timeH === timeH && f.doseNm === doseNm).map((f) => f.effectiveDoseNm);

describe('demoExperiment', () => {
  it('lists the three Annexin V/PI controls and 5 doses × 2 times × 3 replicates for each assay, with lab-style names', () => {
    expect(experiment.files).toHaveLength(3 + 2 * 2 * 5 * 3);
    expect(experiment.files.slice(0, 3).map((f) => [f.fileName, f.role])).toEqual([
      ['AnnV-PI_unstained.fcs', 'unstained'], ['AnnV-PI_AnnV-only.fcs', 'annexinOnly'], ['AnnV-PI_PI-only.fcs', 'piOnly'],
    ]);
    const samples = experiment.files.filter((f) => f.role === 'sample' || f.role === 'untreated');
    for (const file of samples) {
      const prefix = file.assay === 'apoptosis' ? 'AnnV-PI' : 'PI-DNA';
      expect(file.fileName).toBe(`${prefix}_${file.timeH}h_${String(file.doseNm).padStart(3, '0')}nM_R${file.replicate}.fcs`);
      expect(file.role).toBe(file.doseNm === 0 ? 'untreated' : 'sample');
    }
    expect(samples.map((f) => f.fileName)).toContain('AnnV-PI_24h_050nM_R2.fcs');
    expect(samples.map((f) => f.fileName)).toContain('PI-DNA_48h_000nM_R3.fcs');
    expect(new Set(experiment.files.map((f) => f.fileName)).size).toBe(63);
    expect(new Set(experiment.files.map((f) => f.seed)).size).toBe(63);
    expect(experiment.files.every((f) => f.eventCount === (f.assay === 'apoptosis' ? 20_000 : 30_000))).toBe(true);
  });

  it('gives each replicate culture its own sensitivity, shared by both assays of a time point', () => {
    const at50 = effective('apoptosis', 24, 50);
    expect(new Set(at50).size).toBe(3);
    expect(Math.max(...at50) / Math.min(...at50)).toBeGreaterThan(1.1);
    expect(effective('cellCycle', 24, 50)).toEqual(at50);
    expect(effective('apoptosis', 24, 0).every((dose) => dose >= 0 && dose < 10)).toBe(true);
  });

  it('has a sample sheet that the file names alone mostly reproduce', () => {
    for (const spec of experiment.files) {
      const sheet = demoAnnotation(spec);
      const inferred = inferAnnotation(spec.fileName, [], { $SRC: spec.cellLine });
      expect({ ...inferred, assay: sheet.assay, compound: sheet.compound }).toEqual(spec.role === 'sample' || spec.role === 'untreated' ? sheet : { ...sheet, doseNm: null, timeH: null });
    }
  });

  it('is a pure function of its base seed', () => {
    expect(demoExperiment()).toEqual(experiment);
    expect(demoExperiment(1).files[0].seed).not.toBe(experiment.files[0].seed);
  });
});

describe('simulateDemoFile', () => {
  it('simulates controls as untreated cells in their stain, with a few % PI+ dead cells in the PI-only tube', () => {
    const piOnly = simulateDemoFile(byName('AnnV-PI_PI-only.fcs'));
    expect(piOnly.truth.assay).toBe('apoptosis');
    if (piOnly.truth.assay !== 'apoptosis') return;
    expect(piOnly.truth.params.stain).toBe('piOnly');
    const { lateApoptotic, necrotic } = piOnly.truth.fractionsOfSingleCells;
    expect(lateApoptotic + necrotic).toBeGreaterThan(0.03);
    expect(lateApoptotic + necrotic).toBeLessThan(0.1);
  });

  it('follows the dose: fewer viable cells at 100 nM than untreated at 48 h', () => {
    expect(viableFraction('AnnV-PI_48h_000nM_R1.fcs')).toBeGreaterThan(0.85);
    expect(viableFraction('AnnV-PI_48h_100nM_R1.fcs')).toBeLessThan(0.4);
  });

  it('writes $FIL, $DATE, $BTIM and the cell line as $SRC from the sample sheet', () => {
    const { input } = simulateDemoFile(byName('PI-DNA_48h_020nM_R1.fcs'));
    expect(input.keywords).toMatchObject({ $FIL: 'PI-DNA_48h_020nM_R1.fcs', $DATE: '15-MAR-2025', 'TUBE NAME': 'PI-DNA_48h_020nM_R1', $SRC: 'MM1S-like' });
    expect(input.keywords?.$BTIM).toMatch(/^(09|10):\d\d:00$/);
  });
});

describe('demoManifest', () => {
  it('is a versioned sample sheet whose truths survive JSON', () => {
    const files = experiment.files.slice(0, 2);
    const truths = files.map((file) => simulateDemoFile(file).truth);
    const manifest = demoManifest({ ...experiment, files }, truths);
    expect(manifest.version).toBe(DEMO_MANIFEST_VERSION);
    expect(manifest.files.map((f) => [f.fileName, f.truth.seed])).toEqual(files.map((f) => [f.fileName, f.seed]));
    expect(JSON.parse(JSON.stringify(manifest))).toEqual(manifest);
    expect(() => demoManifest(experiment, truths)).toThrow(/63 files but 2 truths/);
  });
});

describe('write → read round trip through writeFcs/readFcs', () => {
  it('keeps every value, keyword and the $SPILLOVER of an Annexin V/PI file (big-endian, as Diva writes)', () => {
    roundTrip(simulateDemoFile(byName('AnnV-PI_24h_050nM_R1.fcs')), 'big');
  });

  it('keeps every value of a PI DNA file (little-endian)', () => {
    roundTrip(simulateDemoFile(byName('PI-DNA_24h_100nM_R1.fcs')), 'little');
  });

  it('stores uncompensated detector values: Annexin-bright cells carry ~21% of their FITC signal in PE-A', () => {
    const sample = simulateDemoFile({ ...byName('AnnV-PI_AnnV-only.fcs'), eventCount: 5000 });
    const [dataset] = readFcs(writeFcs(sample.input)).datasets;
    const fitc = dataset.columns[dataset.channels.findIndex((c) => c.name === 'FITC-A')];
    const pe = dataset.columns[dataset.channels.findIndex((c) => c.name === 'PE-A')];
    let brightPe = 0;
    let bright = 0;
    sample.labels.forEach((label, i) => {
      if (label === ApoptosisClass.earlyApoptotic) {
        bright++;
        brightPe += pe[i] / fitc[i];
      }
    });
    expect(brightPe / bright).toBeCloseTo(0.21, 1);
  });
});
