import { describe, expect, it } from 'vitest';
import { autoDnaAxisMax, dnaDisplay, pulseAxisMax, snapToBins } from './displayRange.ts';

const range = (min: number, max: number) => ({ min, max });
const fit = (g2Mean: number, g2mEnd: number) => ({
  g2Mean,
  phaseRanges: { subG1: range(5000, 50_000), g0g1: range(50_000, 62_000), s: range(62_000, 105_000), g2m: range(105_000, g2mEnd) },
});

describe('display ranges', () => {
  it('draw the DNA axis a third past the G2/M range, in whole display bins, never past the channel', () => {
    expect(autoDnaAxisMax(fit(114_000, 128_000), 1024, 262_144)).toBe(Math.ceil((1.35 * 128_000) / 1024) * 1024);
    expect(autoDnaAxisMax(fit(200_000, 230_000), 1024, 262_144)).toBe(262_144);
    expect(snapToBins(0, 1024, 262_144)).toBe(1024);
    expect(snapToBins(2048, 1024, 262_144)).toBe(2048);
  });

  it('show 1,024 fitted channels as 256 display bins up to the default or a requested top', () => {
    const histogram = { counts: new Float64Array(1024), binWidth: 256 };
    expect(dnaDisplay(histogram, fit(114_000, 128_000), null)).toEqual({ factor: 4, shownBins: 169, max: 169 * 1024 });
    expect(dnaDisplay(histogram, fit(114_000, 128_000), 100_000)).toEqual({ factor: 4, shownBins: 98, max: 98 * 1024 });
    expect(dnaDisplay(histogram, fit(114_000, 128_000), 1e9).shownBins).toBe(256);
  });

  it('draw the pulse axis to twice the band over the DNA range shown, or the whole channel without a band', () => {
    const band: [number, number][] = [[0, 60_000], [250_000, 80_000], [250_000, 90_000], [0, 70_000]];
    expect(pulseAxisMax(band, 170_000, 262_144)).toBe(140_000);
    expect(pulseAxisMax(band, 260_000, 262_144)).toBe(180_000);
    expect(pulseAxisMax(null, 170_000, 262_144)).toBe(262_144);
  });
});
