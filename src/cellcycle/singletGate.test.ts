import { describe, expect, it } from 'vitest';
import { selectInPolygon } from '../gating/regions.ts';
import { type PulseData, pulses } from './pulses.fixtures.ts';
import { suggestSingletGate } from './singletGate.ts';

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
    expect(() => suggestSingletGate(new Float64Array(100), new Float64Array(100), 'height')).toThrow(/^Only 0 events have a positive DNA area and pulse height/);
  });
});
