import { describe, expect, it } from 'vitest';
import { pulses } from './pulses.fixtures.ts';
import { doubletSideFraction, gateDoubletFraction, suggestSingletGate } from './singletGate.ts';

describe('gateDoubletFraction', () => {
  it.each(['width', 'height'] as const)('counts an unedited PI-%s band exactly as the suggestion does', (kind) => {
    const data = pulses(kind, 10_000, 1500, 11);
    const band = suggestSingletGate(data.area, data.second, kind);
    const fraction = gateDoubletFraction({ kind, vertices: band.vertices.map(([x, y]) => [x, y]) }, band, data.area, data.second);
    expect(fraction).toBe(doubletSideFraction(band, data.area, data.second));
  });

  it.each(['width', 'height'] as const)('counts beyond the far edge of an edited PI-%s polygon', (kind) => {
    const data = pulses(kind, 10_000, 1500, 12);
    const band = suggestSingletGate(data.area, data.second, kind);
    // Without the suggestion the polygon's own edge decides: the band's edge, up to its chords.
    const asDrawn = gateDoubletFraction(band, null, data.area, data.second);
    expect(Math.abs(asDrawn - doubletSideFraction(band, data.area, data.second))).toBeLessThan(0.002);
    expect(asDrawn).toBeGreaterThan(0.05);
    // Moving the doublet-side edge outwards leaves fewer events beyond it, and none once it is far enough.
    const half = band.vertices.length / 2;
    const moved = (factor: number) =>
      band.vertices.map(([x, y], k): [number, number] => [x, (kind === 'width' ? k >= half : k < half) ? y * (kind === 'width' ? factor : 1 / factor) : y]);
    const wider = gateDoubletFraction({ kind, vertices: moved(1.2) }, band, data.area, data.second);
    expect(wider).toBeLessThan(asDrawn);
    expect(wider).toBeGreaterThan(0);
    expect(gateDoubletFraction({ kind, vertices: moved(100) }, band, data.area, data.second)).toBe(0);
  });

  it('counts a hand-made square by its top edge, only within its area range, out of usable events', () => {
    const area = Float64Array.of(5, 5, 5, 15, 5, -1);
    const width = Float64Array.of(5, 11, 0, 11, 9.99, 20);
    const square = { kind: 'width' as const, vertices: [[0, 0], [10, 0], [10, 10], [0, 10]] as [number, number][] };
    // Usable: events 0, 1, 3, 4 (event 2 has no width, event 5 no area); beyond the top at x = 5: event 1 only.
    expect(gateDoubletFraction(square, null, area, width)).toBe(1 / 4);
    expect(gateDoubletFraction(square, null, area, width, Uint32Array.of(0, 4))).toBe(0);
    expect(gateDoubletFraction({ ...square, kind: 'height' }, null, area, Float64Array.of(5, -2, 0, 11, 9.99, 20))).toBe(0);
  });
});
