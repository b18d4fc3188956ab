import { describe, expect, it } from 'vitest';
import { selectInPolygon } from '../gating/regions.ts';
import { createRng } from '../simulate/rng.ts';
import { suggestSingletGate, type SingletPulseParameter } from './singletGate.ts';

interface PulseData {
  area: Float64Array;
  second: Float64Array;
  /** 1 for doublets. */
  doublet: Uint8Array;
}

/**
 * Cycling singlets (60% G0/G1 at 50,000, 25% S, 15% G2/M, 4% CV) whose width grows slowly with area
 * (W = 60,000 + 0.08·A, SD 1,500) or whose height/area ratio falls slowly (0.9 − 0.2·A/100,000, 3% SD),
 * plus doublets: areas add, widths add most of the partner's, height stays near the taller partner's.
 */
function pulses(kind: SingletPulseParameter, singlets: number, doublets: number, seed: number): PulseData {
  const rng = createRng(seed);
  const cell = (): [number, number] => {
    const u = rng.uniform();
    const content = u < 0.6 ? 1 : u < 0.85 ? 1 + rng.uniform() : 2;
    const area = 50_000 * content * (1 + 0.04 * rng.standardNormal());
    const second = kind === 'width' ? 60_000 + 0.08 * area + 1500 * rng.standardNormal() : area * (0.9 - (0.2 * area) / 100_000) * (1 + 0.03 * rng.standardNormal());
    return [area, second];
  };
  const n = singlets + doublets;
  const data: PulseData = { area: new Float64Array(n), second: new Float64Array(n), doublet: new Uint8Array(n) };
  for (let i = 0; i < n; i++) {
    const [area, second] = cell();
    if (i < singlets) {
      data.area[i] = area;
      data.second[i] = second;
      continue;
    }
    const [partnerArea, partnerSecond] = cell();
    data.area[i] = area + partnerArea;
    data.second[i] = kind === 'width' ? second + (0.4 + 0.5 * rng.uniform()) * partnerSecond : Math.max(second, partnerSecond) * (1 + 0.1 * rng.uniform());
    data.doublet[i] = 1;
  }
  return data;
}

function insideCounts(data: PulseData, vertices: [number, number][]): { singlets: number; doublets: number } {
  const all = Uint32Array.from({ length: data.area.length }, (_, i) => i);
  const inside = selectInPolygon(all, data.area, data.second, vertices, new Uint32Array(all.length));
  let doublets = 0;
  for (const i of inside) doublets += data.doublet[i];
  return { singlets: inside.length - doublets, doublets };
}

describe('suggestSingletGate', () => {
  it.each(['width', 'height'] as const)('keeps ≥ 99%% of singlets and ≤ 2%% of doublets on PI-A vs PI-%s', (kind) => {
    const data = pulses(kind, 20_000, 2000, kind === 'width' ? 5 : 6);
    const gate = suggestSingletGate(data.area, data.second, kind);
    const { singlets, doublets } = insideCounts(data, gate.vertices);
    expect(singlets / 20_000).toBeGreaterThan(0.99);
    expect(doublets / 2000).toBeLessThan(0.02);
  });

  it('recovers the width line and its scatter', () => {
    const data = pulses('width', 20_000, 1000, 7);
    const gate = suggestSingletGate(data.area, data.second, 'width');
    expect(gate.slope).toBeCloseTo(0.08, 2);
    expect(gate.intercept).toBeGreaterThan(59_000);
    expect(gate.intercept).toBeLessThan(61_000);
    expect(gate.spread / 1500).toBeGreaterThan(0.9);
    expect(gate.spread / 1500).toBeLessThan(1.15);
  });

  it('uses only the listed events', () => {
    const data = pulses('width', 5000, 0, 8);
    // Pretend the second half are from another population far off the band.
    for (let i = 2500; i < 5000; i++) data.second[i] *= 3;
    const firstHalf = Uint32Array.from({ length: 2500 }, (_, i) => i);
    const gate = suggestSingletGate(data.area, data.second, 'width', firstHalf);
    expect(gate.slope).toBeCloseTo(0.08, 1);
  });

  it('rejects mismatched columns and too few usable events', () => {
    expect(() => suggestSingletGate(new Float64Array(10), new Float64Array(9), 'width')).toThrow(/area has 10 events but width has 9/);
    expect(() => suggestSingletGate(new Float64Array(100), new Float64Array(100), 'height')).toThrow(/only 0 events/);
  });
});
