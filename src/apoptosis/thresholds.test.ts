import { describe, expect, it } from 'vitest';
import type { GatedControl } from './gatedControl.ts';
import { percentileOf } from './percentile.ts';
import { SampleSession } from '../analysis/sampleSession.ts';
import { readFcs } from '../fcs/read.ts';
import { writeFcs } from '../fcs/write.ts';
import { DEFAULT_APOPTOSIS_PARAMS, simulateApoptosisSample } from '../simulate/apoptosisModel.ts';
import { demoTubeSpec, gatedDemoTube, gatedTube } from './simulatedExperiment.fixtures.ts';
import { splitControl } from './spill.ts';
import { checkPercentile, describeThreshold, placeThresholds, DEFAULT_THRESHOLD_RULE, UNSTAINED_THRESHOLD_RULE } from './thresholds.ts';

const CHANNELS = { annexin: 'FITC-A', pi: 'PE-A' };
const gated = gatedDemoTube;
const spec = demoTubeSpec;

const controls = { unstained: gated(spec('unstained')), annexinOnly: gated(spec('annexinOnly')), piOnly: gated(spec('piOnly')) };

/** Fraction of `events` at or above `threshold` in a channel of the control. */
function fractionAbove(control: GatedControl, channel: string, events: Uint32Array, threshold: number): number {
  const values = control.session.values({ channel, compensation: 'FCS' });
  let above = 0;
  for (const i of events) if (values[i] >= threshold) above++;
  return above / events.length;
}

describe('percentileOf', () => {
  it('interpolates between order statistics, over the given events, leaving NaN out', () => {
    expect(percentileOf(Float64Array.from([5, 1, 4, 2, 3]), null, 50)).toBe(3);
    expect(percentileOf(Float64Array.from({ length: 101 }, (_, i) => i), null, 99)).toBe(99);
    expect(percentileOf(Float64Array.from([1, 2, 3, 4]), null, 99)).toBeCloseTo(3.97, 10);
    expect(percentileOf(Float64Array.from([100, 1, Number.NaN, 2]), Uint32Array.of(1, 2, 3), 100)).toBe(2);
    expect(percentileOf(new Float64Array(0), null, 99)).toBeNaN();
  });

  it('accepts percentiles from 50 up to, not including, 100', () => {
    expect(() => checkPercentile(99.9)).not.toThrow();
    expect(() => checkPercentile(100)).toThrow(/below 100, got 100/);
    expect(() => checkPercentile(40)).toThrow(/at least 50/);
    expect(() => checkPercentile(Number.NaN)).toThrow(/got NaN/);
  });
});

/** The default rule without its floors: the percentiles of the opposite single stains alone. */
const PERCENTILES_ONLY = { ...DEFAULT_THRESHOLD_RULE, stainedFloor: false, untreatedFloor: false };

/** A PI-only control of a culture most of whose cells are dead (heat-killed, as some labs make it). */
function mostlyDeadPiOnly(): GatedControl {
  const params = { ...DEFAULT_APOPTOSIS_PARAMS, eventCount: 10_000, stain: 'piOnly' as const, singleCellFractions: { viable: 0.3, earlyApoptotic: 0, lateApoptotic: 0.2, necrotic: 0.5 } };
  const file = readFcs(writeFcs(simulateApoptosisSample(params, 31).input), { fileName: 'heat-killed_PI-only.fcs' });
  return gatedTube({ name: 'heat-killed_PI-only.fcs', role: 'piOnly', session: new SampleSession(file.datasets[0]) });
}

describe('controlThresholds', () => {
  it('by default raises each axis to the edge of its own single stain\'s negative cells, which carry the dye\'s background', () => {
    const result = placeThresholds({ controls, untreated: [] }, CHANNELS, 'FCS', 99, DEFAULT_THRESHOLD_RULE);
    const percentiles = placeThresholds({ controls, untreated: [] }, CHANNELS, 'FCS', 99, PERCENTILES_ONLY);
    expect(result.annexin).toMatchObject({ kind: 'raised', floor: { kind: 'stainedEdge', control: 'annexinOnly', file: controls.annexinOnly.name }, control: percentiles.annexin });
    expect(result.annexin?.value).toBeGreaterThan(percentiles.annexin?.value ?? Infinity);
    expect(describeThreshold(result.annexin!)).toBe(`upper edge of the negative cells of the Annexin V-only control ${controls.annexinOnly.name}, above the 99th percentile of the PI-only control ${controls.piOnly.name} (${Number(percentiles.annexin!.value.toPrecision(4))})`);
    // The edge is the negatives' even when most of the single stain's cells carry the dye.
    const dead = mostlyDeadPiOnly();
    const split = splitControl(dead, 'PE-A', 'FCS');
    expect(split && split.positives.length > split.negatives.length).toBe(true);
    const withDead = placeThresholds({ controls: { ...controls, piOnly: dead }, untreated: [] }, CHANNELS, 'FCS', 99, DEFAULT_THRESHOLD_RULE);
    const edge = withDead.pi?.kind === 'raised' ? withDead.pi.floor.value : withDead.pi?.value;
    expect(edge).toBeLessThanOrEqual(split?.cut ?? -Infinity);
    expect(fractionAbove(dead, 'PE-A', split!.negatives, withDead.pi!.value)).toBeLessThan(0.01);
  });

  it('without the floors takes the Annexin V axis from the PI-only control and the PI axis from the Annexin V-only control', () => {
    const result = placeThresholds({ controls, untreated: [] }, CHANNELS, 'FCS', 99, PERCENTILES_ONLY);
    expect(result.annexin).toMatchObject({ control: 'piOnly', file: controls.piOnly.name, events: controls.piOnly.events.length });
    expect(result.pi).toMatchObject({ control: 'annexinOnly', file: controls.annexinOnly.name });
    expect(result.pi).toMatchObject({ kind: 'control', dyePositiveEvents: expect.any(Number) });
    expect(result.pi?.kind === 'control' && result.pi.dyePositiveEvents).toBeGreaterThan(1000);
    expect(result.warnings).toEqual([]);
  });

  it('keeps ≥ 99% of both populations of the Annexin V-only control below the PI threshold (protocol: no Annexin V-only cells in the PI+ quadrants)', () => {
    const split = splitControl(controls.annexinOnly, 'FITC-A', 'FCS');
    if (!split) throw new Error('the Annexin V-only control should hold two populations');
    const each = placeThresholds({ controls, untreated: [] }, CHANNELS, 'FCS', 99, PERCENTILES_ONLY).pi?.value ?? Number.NaN;
    // "At or above" can hold one event more than 1% (interpolated percentile).
    expect(fractionAbove(controls.annexinOnly, 'PE-A', split.positives, each)).toBeLessThanOrEqual(0.01 + 1 / split.positives.length);
    expect(fractionAbove(controls.annexinOnly, 'PE-A', split.negatives, each)).toBeLessThanOrEqual(0.01 + 1 / split.negatives.length);
    // Over all singlets, the 99th percentile is set by the many Annexin V-negative cells and lets the spread positives through.
    const all = placeThresholds({ controls, untreated: [] }, CHANNELS, 'FCS', 99, { ...PERCENTILES_ONLY, over: 'allSinglets' }).pi?.value ?? Number.NaN;
    expect(fractionAbove(controls.annexinOnly, 'PE-A', split.positives, all)).toBeGreaterThan(0.03);
  });

  it('falls back to the unstained control with a warning, and reports an axis with no control', () => {
    const fallback = placeThresholds({ controls: { unstained: controls.unstained }, untreated: [] }, CHANNELS, 'FCS', 99, DEFAULT_THRESHOLD_RULE);
    expect(fallback.annexin).toMatchObject({ kind: 'control', control: 'unstained' });
    expect(fallback.annexin?.value).toBe(percentileOf(controls.unstained.session.values({ channel: 'FITC-A', compensation: 'FCS' }), controls.unstained.events, 99));
    expect(fallback.warnings.map((w) => w.message)).toEqual([
      expect.stringContaining('The PI-only control and untreated (dose 0) tube are missing, so the Annexin V threshold comes from the unstained control'),
      expect.stringContaining('The Annexin V-only control and untreated (dose 0) tube are missing, so the PI threshold comes from the unstained control'),
    ]);
    const none = placeThresholds({ controls: {}, untreated: [] }, CHANNELS, 'FCS', 99, UNSTAINED_THRESHOLD_RULE);
    expect(none.annexin).toBeNull();
    expect(none.warnings.map((w) => w.code)).toEqual(['THRESHOLD_UNSET', 'THRESHOLD_UNSET']);
    const typed = placeThresholds({ controls: {}, untreated: [] }, CHANNELS, 'FCS', 99, UNSTAINED_THRESHOLD_RULE, { annexin: 500 });
    expect(typed.annexin).toEqual({ kind: 'manual', value: 500 });
    expect(typed.warnings.map((w) => w.message)).toEqual([expect.stringContaining('the PI threshold cannot be set from the data')]);
  });

  it('refuses a rule that sets an axis from the control stained on it', () => {
    expect(() => placeThresholds({ controls, untreated: [] }, CHANNELS, 'FCS', 99, { sources: { annexin: ['annexinOnly'], pi: ['piOnly'] }, over: 'eachPopulation', untreatedFloor: false, stainedFloor: false }))
      .toThrow(/Annexin V-only control is stained on the Annexin V axis/);
  });

  it('warns when a single stain has no positives to measure its spread, or a control has too few singlets', () => {
    const unstainedAsAnnexinOnly = placeThresholds({ controls: { annexinOnly: controls.unstained }, untreated: [] }, CHANNELS, 'FCS', 99, DEFAULT_THRESHOLD_RULE);
    expect(unstainedAsAnnexinOnly.warnings.filter((w) => w.code === 'CONTROL_NOT_SEPARATED').map((w) => w.file)).toEqual([controls.unstained.name]);
    const tiny = gated(spec('unstained'), 100);
    expect(placeThresholds({ controls: { unstained: tiny }, untreated: [] }, CHANNELS, 'FCS', 99, UNSTAINED_THRESHOLD_RULE).warnings.some((w) => w.code === 'FEW_EVENTS')).toBe(true);
  });
});
