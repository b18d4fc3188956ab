/** The automatic Cells and Singlets gates against the simulator's true class of every event. */
import { describe, expect, it } from 'vitest';
import { selectInPolygon } from '../gating/regions.ts';
import { ApoptosisClass, APOPTOSIS_CLASS_NAMES, simulateApoptosisSample, type ApoptosisClassName } from '../simulate/apoptosisModel.ts';
import { apoptosisParamsForTreatment } from '../simulate/drugResponse.ts';
import { suggestCellsGate } from './cellsGate.ts';
import { suggestSingletGate } from './singletGate.ts';

const TOP = 262_144;

function simulate(doseNm: number, timeH: number, seed: number, debrisFraction?: number) {
  const params = apoptosisParamsForTreatment(doseNm, timeH, 20_000);
  const sample = simulateApoptosisSample(debrisFraction === undefined ? params : { ...params, debrisFraction }, seed);
  const [fscA, fscH, fscW, sscA] = sample.input.columns as Float32Array[];
  return { fscA, fscH, fscW, sscA, labels: sample.labels, all: Uint32Array.from(sample.labels.keys()) };
}

/** Fraction of each true class that `kept` contains. */
function keptFractions(labels: Uint8Array, kept: Uint32Array): Record<ApoptosisClassName, number> {
  const totals = Array.from(APOPTOSIS_CLASS_NAMES, () => 0);
  const inside = Array.from(APOPTOSIS_CLASS_NAMES, () => 0);
  for (const label of labels) totals[label]++;
  for (const i of kept) inside[labels[i]]++;
  const fraction = (name: ApoptosisClassName) => inside[ApoptosisClass[name]] / totals[ApoptosisClass[name]];
  return {
    viable: fraction('viable'), earlyApoptotic: fraction('earlyApoptotic'), lateApoptotic: fraction('lateApoptotic'),
    necrotic: fraction('necrotic'), debris: fraction('debris'), doublet: fraction('doublet'),
  };
}

describe('suggestCellsGate', () => {
  it.each([
    ['untreated 24 h', 0, 24, undefined],
    ['50 nM 48 h', 50, 48, undefined],
    ['100 nM 48 h', 100, 48, undefined],
    ['100 nM 48 h, half the events debris', 100, 48, 0.5],
  ])('%s: keeps the shrunken dying cells and cuts the debris at a density valley', (_, dose, time, debris) => {
    const s = simulate(dose, time, 21, debris);
    const gate = suggestCellsGate(s.fscA, s.sscA, null, [TOP, TOP]);
    expect(gate.method).toBe('valley');
    const kept = keptFractions(s.labels, selectInPolygon(s.all, s.fscA, s.sscA, gate.vertices, new Uint32Array(s.all.length)));
    expect(kept.viable).toBeGreaterThanOrEqual(0.999);
    expect(kept.earlyApoptotic).toBeGreaterThanOrEqual(0.999);
    expect(kept.lateApoptotic).toBeGreaterThanOrEqual(0.995);
    expect(kept.necrotic).toBeGreaterThanOrEqual(0.95);
    expect(kept.doublet).toBe(1);
    expect(kept.debris).toBeLessThanOrEqual(0.05);
  });

  it('without debris falls back to the lower tail and still keeps the necrotic cells', () => {
    const s = simulate(0, 24, 22, 0);
    const gate = suggestCellsGate(s.fscA, s.sscA, null, [TOP, TOP]);
    expect(gate.method).toBe('tail');
    const kept = keptFractions(s.labels, selectInPolygon(s.all, s.fscA, s.sscA, gate.vertices, new Uint32Array(s.all.length)));
    expect(kept.necrotic).toBeGreaterThanOrEqual(0.95);
    expect(kept.viable).toBeGreaterThanOrEqual(0.999);
  });

  it('is a polygon in data units holding exactly the events with FSC·SSC above the cut, up to past the axis tops', () => {
    const s = simulate(20, 24, 23);
    const gate = suggestCellsGate(s.fscA, s.sscA, null, [TOP, TOP]);
    for (const [x, y] of gate.vertices) expect(x * Math.min(y, TOP) >= gate.product * 0.999 || y >= TOP).toBe(true);
    const inside = new Set(selectInPolygon(s.all, s.fscA, s.sscA, gate.vertices, new Uint32Array(s.all.length)));
    let disagreements = 0;
    for (const i of s.all) {
      const product = s.fscA[i] * s.sscA[i];
      // The polygon's chords sit slightly above the hyperbola (at most ~4% here); only events in between may differ.
      if (inside.has(i) !== product >= gate.product && (product < gate.product || product > gate.product * 1.05)) disagreements++;
    }
    expect(disagreements).toBe(0);
    expect(inside.has(s.all.reduce((best, i) => (s.fscA[i] * s.sscA[i] > s.fscA[best] * s.sscA[best] ? i : best)))).toBe(true);
  });

  it('needs at least 50 events with positive scatter', () => {
    expect(() => suggestCellsGate(new Float32Array(10).fill(1000), new Float32Array(10).fill(1000), null, [TOP, TOP])).toThrow(/only 10 events/);
  });
});

describe('suggestSingletGate', () => {
  it.each([
    ['untreated 24 h', 0, 24],
    ['20 nM 24 h', 20, 24],
    ['100 nM 48 h', 100, 48],
  ])('%s: keeps single cells of every class and removes most doublets, on FSC-H and on FSC-W', (_, dose, time) => {
    const s = simulate(dose, time, 31);
    const cells = selectInPolygon(s.all, s.fscA, s.sscA, suggestCellsGate(s.fscA, s.sscA, null, [TOP, TOP]).vertices, new Uint32Array(s.all.length));
    for (const [pulse, kind] of [[s.fscH, 'height'], [s.fscW, 'width']] as const) {
      const gate = suggestSingletGate(s.fscA, pulse, kind, cells);
      const kept = keptFractions(s.labels, selectInPolygon(cells, s.fscA, pulse, gate.vertices, new Uint32Array(cells.length)));
      for (const name of ['viable', 'earlyApoptotic', 'lateApoptotic'] as const) expect(kept[name], `${kind} ${name}`).toBeGreaterThanOrEqual(0.998);
      expect(kept.necrotic, kind).toBeGreaterThanOrEqual(0.95);
      expect(kept.doublet, kind).toBeLessThanOrEqual(0.15);
    }
  });

  it('fits a power law: height grows more slowly than area (shrunken cells are shorter pulses), width barely grows', () => {
    const s = simulate(0, 24, 32);
    const height = suggestSingletGate(s.fscA, s.fscH, 'height', null);
    const width = suggestSingletGate(s.fscA, s.fscW, 'width', null);
    expect(height.slope).toBeGreaterThan(0.6);
    expect(height.slope).toBeLessThan(0.95);
    expect(width.slope).toBeGreaterThan(0.05);
    expect(width.slope).toBeLessThan(0.4);
    expect(height.spread).toBeLessThan(0.1);
  });

  it('needs at least 50 events with positive area and pulse', () => {
    expect(() => suggestSingletGate(new Float32Array(40).fill(5), new Float32Array(40).fill(5), 'height', null)).toThrow(/only 40 events/);
  });
});
