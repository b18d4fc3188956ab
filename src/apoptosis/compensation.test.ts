import { describe, expect, it } from 'vitest';
import { demoExperiment } from '../simulate/experiment.ts';
import {
  CONTROLS_MATRIX_ID, EDITED_MATRIX_ID, fileCompensates, isCompensated, missingCompensationWarning, resolveCompensation, residualSpillWarning,
  spilloverFromControls, twoDyeSpillover, type ResolvedCompensation,
} from './compensation.ts';
import type { GatedControl } from './gatedControl.ts';
import { SINGLETS_ID } from './populations.ts';
import { suggestPreGates } from './preGates.ts';
import { simulatedTube, type SimulatedTube, scatterOf } from './simulatedExperiment.fixtures.ts';
import { measureSpill } from './spill.ts';
import { buildPreGateStrategy } from './strategy.ts';

const CHANNELS = { annexin: 'FITC-A', pi: 'PE-A' };
const NONE = resolveCompensation({ kind: 'none' }, null);

function control(role: 'unstained' | 'annexinOnly' | 'piOnly', writeSpillover: boolean): SimulatedTube {
  const spec = demoExperiment().files.find((f) => f.assay === 'apoptosis' && f.role === role);
  if (!spec) throw new Error(`no ${role} tube in the demo`);
  return simulatedTube(spec, { writeSpillover });
}

/** The control's singlets under `compensation` (its strategy defines the matrix, as the pipeline does). */
function gated({ tube }: SimulatedTube, compensation: ResolvedCompensation): GatedControl {
  const scatter = scatterOf(tube.session.dataset.channels);
  const preGates = suggestPreGates(tube.session, scatter, tube.name).vertices;
  tube.session.applyStrategy(buildPreGateStrategy({ scatter, fluorescence: CHANNELS, compensation, preGates }));
  return { name: tube.name, session: tube.session, events: tube.session.evaluator.indices(SINGLETS_ID), population: 'singlets' };
}

describe('spillover from the single-stain controls', () => {
  const annexinOnly = control('annexinOnly', false);
  const piOnly = control('piOnly', false);
  const truth = annexinOnly.truth.spillover.matrix;
  const result = spilloverFromControls(gated(annexinOnly, NONE), gated(piOnly, NONE), CHANNELS);

  it("recovers the simulator's true spillover: FITC→PE within 0.005, PE→FITC within 0.004", () => {
    if (!result.ok) throw new Error(result.warnings.map((w) => w.message).join(' '));
    const [[, annexinIntoPi], [piIntoAnnexin]] = result.matrix.coefficients;
    expect(Math.abs(annexinIntoPi - truth[0][1])).toBeLessThan(0.005);
    // The internal negatives are larger, brighter-autofluorescent live cells (see spill.ts): the small spill reads low.
    expect(Math.abs(piIntoAnnexin - truth[1][0])).toBeLessThan(0.004);
    expect(result.matrix).toMatchObject({ fluorochromes: ['FITC-A', 'PE-A'], detectors: ['FITC-A', 'PE-A'] });
    expect(result.annexinIntoPi.kind === 'measured' && result.annexinIntoPi.positives).toBeGreaterThan(1000);
  });

  it('leaves under 0.5% residual spill in either control once applied', () => {
    if (!result.ok) throw new Error('not computed');
    const compensation = resolveCompensation({ kind: 'controls' }, result.matrix);
    const a = measureSpill(gated(annexinOnly, compensation), 'FITC-A', 'PE-A', compensation.ref);
    const p = measureSpill(gated(piOnly, compensation), 'PE-A', 'FITC-A', compensation.ref);
    expect(a.kind === 'measured' && Math.abs(a.spill)).toBeLessThan(0.005);
    expect(p.kind === 'measured' && Math.abs(p.spill)).toBeLessThan(0.005);
  });

  it('finds no positive population in the unstained control', () => {
    expect(measureSpill(gated(control('unstained', false), NONE), 'FITC-A', 'PE-A', 'uncompensated').kind).toBe('notSeparated');
  });

  it('says which single stain is missing', () => {
    const missing = spilloverFromControls(gated(annexinOnly, NONE), null, CHANNELS);
    expect(missing.ok).toBe(false);
    expect(missing.warnings[0]).toMatchObject({ code: 'CONTROL_MISSING', message: expect.stringContaining('the PI-only control is missing') });
  });

  it('flags a wrong matrix as over- or under-compensated on the single stain', () => {
    const over = resolveCompensation({ kind: 'matrix', matrix: twoDyeSpillover(CHANNELS, 0.3, 0.013) }, null);
    expect(residualSpillWarning(gated(annexinOnly, over), 'FITC-A', 'PE-A', over.ref, 'Annexin V')?.message).toMatch(/-\d+\.\d% of their Annexin V signal in PE-A: the data look over-compensated/);
    const under = resolveCompensation({ kind: 'matrix', matrix: twoDyeSpillover(CHANNELS, 0.1, 0.013) }, null);
    expect(residualSpillWarning(gated(annexinOnly, under), 'FITC-A', 'PE-A', under.ref, 'Annexin V')?.message).toContain('under-compensated');
    const right = resolveCompensation({ kind: 'matrix', matrix: twoDyeSpillover(CHANNELS, truth[0][1], truth[1][0]) }, null);
    expect(residualSpillWarning(gated(annexinOnly, right), 'FITC-A', 'PE-A', right.ref, 'Annexin V')).toBeNull();
  });
});

function measured(spill: number) {
  return { kind: 'measured' as const, spill, positives: 500, negatives: 5000, cut: 1000 };
}

describe('compensation choices', () => {
  const withSpillover = control('unstained', true).tube.session.dataset;
  const withoutSpillover = control('unstained', false).tube.session.dataset;

  it('resolve to the reference and matrix the strategy carries', () => {
    const matrix = twoDyeSpillover(CHANNELS, 0.2, 0.01);
    expect(resolveCompensation({ kind: 'file' }, null)).toMatchObject({ ref: 'FCS', matrix: null });
    expect(resolveCompensation({ kind: 'controls' }, matrix)).toMatchObject({ ref: CONTROLS_MATRIX_ID, matrix: { id: CONTROLS_MATRIX_ID, matrix } });
    expect(resolveCompensation({ kind: 'matrix', matrix }, null)).toMatchObject({ ref: EDITED_MATRIX_ID, matrix: { id: EDITED_MATRIX_ID, matrix } });
    expect(resolveCompensation({ kind: 'none' }, null)).toMatchObject({ ref: 'uncompensated', matrix: null });
    expect(() => resolveCompensation({ kind: 'controls' }, null)).toThrow(/could not be computed/);
  });

  it("count the file's spillover only when it covers both dyes", () => {
    expect(fileCompensates(withSpillover, CHANNELS)).toBe(true);
    expect(fileCompensates(withoutSpillover, CHANNELS)).toBe(false);
    expect(fileCompensates(withSpillover, { annexin: 'FITC-A', pi: 'APC-A' })).toBe(false);
    const file = resolveCompensation({ kind: 'file' }, null);
    expect(isCompensated(file, withSpillover, CHANNELS)).toBe(true);
    expect(isCompensated(file, withoutSpillover, CHANNELS)).toBe(false);
    expect(isCompensated(NONE, withSpillover, CHANNELS)).toBe(false);
  });

  it('warn about missing compensation only when the measured spill matters, or cannot be measured', () => {
    expect(missingCompensationWarning('a.fcs', measured(0.004), CHANNELS)).toBeNull();
    expect(missingCompensationWarning('a.fcs', measured(0.2), CHANNELS)?.message).toContain('spills 20.0% of its signal into PE-A (PI)');
    expect(missingCompensationWarning('a.fcs', null, CHANNELS)?.message).toContain('no usable Annexin V-only control');
    expect(missingCompensationWarning('a.fcs', { kind: 'notSeparated', events: 100 }, CHANNELS)?.code).toBe('COMPENSATION_MISSING');
  });
});
