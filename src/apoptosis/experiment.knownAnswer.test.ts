/**
 * Known answers: the full pipeline (FCS bytes → readFcs → automatic pre-gates → compensation → control thresholds →
 * gating evaluator) on simulated experiments, compared with the simulator's true fractions of single cells.
 */
import { describe, expect, it } from 'vitest';
import { DEMO_BASE_SEED } from '../simulate/experiment.ts';
import type { CompensationChoice } from './compensation.ts';
import { analyseApoptosisExperiment, ApoptosisAnalysisError, thresholdOrigin, type ApoptosisAnalysis, type ApoptosisOptions } from './experiment.ts';
import { APOPTOSIS_POPULATION_KEYS } from './populations.ts';
import { apoptosisResultRow } from './results.ts';
import { simulatedExperiment, type SimulatedTube, scatterOf } from './simulatedExperiment.fixtures.ts';
import { withQuadrantThresholds } from './strategy.ts';
import { DEFAULT_PERCENTILE, DEFAULT_THRESHOLD_RULE } from './thresholds.ts';

/** The tolerance: each named % within 1.5 percentage points of the true fraction of single cells. */
const TOLERANCE_POINTS = 1.5;

function options(tubes: readonly SimulatedTube[], compensation: CompensationChoice): ApoptosisOptions {
  return {
    fluorescence: { annexin: 'FITC-A', pi: 'PE-A' },
    scatter: scatterOf(tubes[0].tube.session.dataset.channels),
    compensation,
    percentile: DEFAULT_PERCENTILE,
    thresholdRule: DEFAULT_THRESHOLD_RULE,
  };
}

/** Signed error (points) of every named population of every double-stained tube, keyed "file population". */
function errorsAgainstTruth(tubes: readonly SimulatedTube[], analysis: ApoptosisAnalysis): Map<string, number> {
  const errors = new Map<string, number>();
  for (const { tube, truth } of tubes) {
    if (tube.role !== 'sample' && tube.role !== 'untreated') continue;
    const row = analysis.tubes.find((t) => t.name === tube.name)?.row;
    if (!row) throw new Error(`no row for ${tube.name}`);
    for (const key of APOPTOSIS_POPULATION_KEYS) errors.set(`${tube.name} ${key}`, row.percent[key] - 100 * truth.fractionsOfSingleCells[key]);
  }
  return errors;
}

function expectWithinTolerance(errors: Map<string, number>): void {
  const outside = [...errors].filter(([, error]) => !(Math.abs(error) <= TOLERANCE_POINTS)).map(([what, error]) => `${what}: ${error.toFixed(2)}`);
  expect(outside).toEqual([]);
}

describe.each([DEMO_BASE_SEED, 7, 99])('simulated demo experiment, base seed %i', (baseSeed) => {
  const withSpillover = simulatedExperiment({ baseSeed });
  const withoutSpillover = simulatedExperiment({ baseSeed, writeSpillover: false });

  it('covers untreated, mid and high dose at 24 h and 48 h', () => {
    const samples = withSpillover.filter((t) => t.tube.role === 'sample' || t.tube.role === 'untreated');
    expect(samples.map((t) => `${t.spec.doseNm}nM ${t.spec.timeH}h`)).toEqual(expect.arrayContaining(['0nM 24h', '50nM 24h', '100nM 24h', '0nM 48h', '50nM 48h', '100nM 48h']));
    expect(samples).toHaveLength(10);
  });

  it("with the file's spillover: every named % within 1.5 points of the truth, with no compensation warning", () => {
    const analysis = analyseApoptosisExperiment(withSpillover.map((t) => t.tube), options(withSpillover, { kind: 'file' }));
    expectWithinTolerance(errorsAgainstTruth(withSpillover, analysis));
    const codes = analysis.tubes.flatMap((t) => t.row.warnings.map((w) => w.code));
    expect(codes).not.toContain('COMPENSATION_MISSING');
    expect(codes).not.toContain('COMPENSATION_RESIDUAL');
    expect(analysis.warnings).toEqual([]);
    expect(analysis.tubes.every((t) => !t.row.thresholdsOverridden)).toBe(true);
  });

  it('without $SPILLOVER: every file warns that FITC spills into PI, with the spill measured on the Annexin V-only control', () => {
    const analysis = analyseApoptosisExperiment(withoutSpillover.map((t) => t.tube), options(withoutSpillover, { kind: 'file' }));
    for (const { row } of analysis.tubes) {
      expect(row.compensation).toBe('none: the file has no spillover matrix for these channels');
      const missing = row.warnings.filter((w) => w.code === 'COMPENSATION_MISSING');
      expect(missing, row.file).toHaveLength(1);
      const spill = Number(/spills ([\d.]+)% /.exec(missing[0].message)?.[1]);
      expect(Math.abs(spill / 100 - withoutSpillover[0].truth.spillover.matrix[0][1])).toBeLessThan(0.005);
    }
  });

  it('without $SPILLOVER, compensation computed from the single stains recovers every named % within 1.5 points', () => {
    const analysis = analyseApoptosisExperiment(withoutSpillover.map((t) => t.tube), options(withoutSpillover, { kind: 'controls' }));
    expectWithinTolerance(errorsAgainstTruth(withoutSpillover, analysis));
    expect(analysis.tubes.flatMap((t) => t.row.warnings.map((w) => w.code))).not.toContain('COMPENSATION_MISSING');
    expect(analysis.compensation.description).toBe('computed from the single-stain controls');
    expect(analysis.warnings).toEqual([]);
  });
});

function rowOf(analysis: ApoptosisAnalysis, name: string) {
  return analysis.tubes.find((t) => t.name === name)?.row;
}

describe('per-sample adjustments and missing controls', () => {
  const tubes = simulatedExperiment({ eventCount: 10_000 });
  const base = options(tubes, { kind: 'file' });

  it('flags a hand-moved quadrant centre on that sample only and changes only its counts', () => {
    const plain = analyseApoptosisExperiment(tubes.map((t) => t.tube), base);
    const target = 'AnnV-PI_48h_100nM_R1.fcs';
    const moved = analyseApoptosisExperiment(
      tubes.map((t) => (t.tube.name === target ? { ...t.tube, thresholdOverride: { pi: plain.sharedThresholds.pi * 10 } } : t.tube)),
      base,
    );
    expect(rowOf(moved, target)?.thresholdsOverridden).toBe(true);
    expect(rowOf(moved, target)?.thresholds).toEqual({ annexin: plain.sharedThresholds.annexin, pi: plain.sharedThresholds.pi * 10 });
    expect(rowOf(moved, target)?.counts.lateApoptotic).toBeLessThan(rowOf(plain, target)?.counts.lateApoptotic ?? 0);
    for (const { name } of moved.tubes.filter((t) => t.name !== target)) {
      expect(rowOf(moved, name)?.thresholdsOverridden).toBe(false);
      expect(rowOf(moved, name)?.counts).toEqual(rowOf(plain, name)?.counts);
    }
  });

  it('rebuilds the same row from the worker-side counts after an edit, as the UI does', () => {
    const analysis = analyseApoptosisExperiment(tubes.map((t) => t.tube), base);
    const edited = analysis.tubes[5];
    const session = tubes[5].tube.session;
    const strategy = withQuadrantThresholds(edited.strategy, { annexin: 5000, pi: 5000 });
    const row = apoptosisResultRow({
      file: edited.name, role: edited.role, eventCount: session.dataset.eventCount, strategy, counts: session.applyStrategy(strategy),
      sharedThresholds: analysis.sharedThresholds, thresholdOrigin: thresholdOrigin(analysis), compensation: edited.row.compensation, warnings: edited.warnings,
    });
    expect(row.thresholdSources).toEqual({ annexin: 'moved by hand for this sample', pi: 'moved by hand for this sample' });
    expect(row.thresholdsOverridden).toBe(true);
    expect(row.warnings).toEqual(edited.row.warnings);
    expect(row.singlets).toBe(edited.row.singlets);
    expect(row.counts.viable).toBeGreaterThan(edited.row.counts.viable);
  });

  it('without the single stains, falls back to the untreated tubes, then to the unstained control, with a warning', () => {
    const noSingleStains = tubes.filter((t) => t.tube.role !== 'annexinOnly' && t.tube.role !== 'piOnly');
    const analysis = analyseApoptosisExperiment(noSingleStains.map((t) => t.tube), base);
    expect(analysis.thresholdSources.annexin.kind).toBe('untreated');
    expect(analysis.thresholdSources.pi.kind).toBe('untreated');
    expect(analysis.tubes[0].row.thresholdSources.annexin).toBe('upper edge of the viable population, median of 2 untreated tubes (AnnV-PI_24h_000nM_R1.fcs, AnnV-PI_48h_000nM_R1.fcs)');
    expect(analysis.warnings.filter((w) => w.code === 'CONTROL_MISSING')).toHaveLength(2);
    const unstainedOnly = analyseApoptosisExperiment(noSingleStains.filter((t) => t.tube.role !== 'untreated').map((t) => t.tube), base);
    expect(unstainedOnly.thresholdSources.annexin).toMatchObject({ kind: 'control', control: 'unstained' });
    expect(unstainedOnly.thresholdSources.pi).toMatchObject({ kind: 'control', control: 'unstained' });
  });

  it('refuses to place the quadrant without any control or untreated tube, and to compute compensation without both single stains', () => {
    const treatedOnly = tubes.filter((t) => t.tube.role === 'sample').map((t) => t.tube);
    expect(() => analyseApoptosisExperiment(treatedOnly, base)).toThrow(ApoptosisAnalysisError);
    expect(() => analyseApoptosisExperiment(treatedOnly, base)).toThrow(/No PI-only control, untreated \(dose 0\) tube or unstained control was given/);
    const noPiOnly = tubes.filter((t) => t.tube.role !== 'piOnly').map((t) => t.tube);
    expect(() => analyseApoptosisExperiment(noPiOnly, { ...base, compensation: { kind: 'controls' } })).toThrow(/PI-only control is missing/);
  });

  it('accepts experiment-wide thresholds set by hand instead of controls', () => {
    const samplesOnly = tubes.filter((t) => t.tube.role === 'sample' || t.tube.role === 'untreated').map((t) => t.tube);
    const analysis = analyseApoptosisExperiment(samplesOnly, { ...base, manualThresholds: { annexin: 400, pi: 400 } });
    expect(analysis.sharedThresholds).toEqual({ annexin: 400, pi: 400 });
    expect(analysis.tubes[0].row.thresholdSources).toEqual({ annexin: 'typed by hand', pi: 'typed by hand' });
    expect(analysis.warnings).toEqual([]);
    expect(analysis.tubes.every((t) => t.row.thresholds.annexin === 400 && !t.row.thresholdsOverridden)).toBe(true);
  });

  it('rejects two tubes marked as the same control', () => {
    const twice = [...tubes.map((t) => t.tube), { ...tubes[0].tube, name: 'second-unstained.fcs' }];
    expect(() => analyseApoptosisExperiment(twice, base)).toThrow(/Two tubes are marked as the unstained control/);
  });
});
