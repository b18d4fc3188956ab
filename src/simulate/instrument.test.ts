import { describe, expect, it } from 'vitest';
import {
  acquisitionTimes, CANTO_MAX_VALUE, cantoFitcPeSpillover, cantoKeywords, cantoParameter, completeAcquisitionInfo,
  formatFcsDate, formatFcsTime, measurePulseInPlace, measureSignal, spillIntoDetectorsInPlace, type PulseShape,
} from './instrument.ts';
import { createRng } from './rng.ts';

describe('spillIntoDetectorsInPlace', () => {
  it('adds each fluorochrome into each detector by its $SPILLOVER row, and the inverse matrix undoes it', () => {
    const spillover = cantoFitcPeSpillover();
    const fitc = Float32Array.of(10_000, 0, 5000, 0);
    const pe = Float32Array.of(0, 20_000, 30_000, 0);
    spillIntoDetectorsInPlace([fitc, pe], spillover);
    // By hand with S = [[1, 0.21], [0.013, 1]]: FITC-A = FITC + 0.013·PI, PE-A = 0.21·FITC + PI.
    expect(Array.from(fitc)).toEqual([10_000, 260, 5390, 0]);
    expect(Array.from(pe)).toEqual([2100, 20_000, 31_050, 0]);
    // Compensation X·S⁻¹ with S⁻¹ = [[1, −0.21], [−0.013, 1]] / (1 − 0.21·0.013), inverted by hand.
    const det = 1 - 0.21 * 0.013;
    const recovered = Array.from(fitc, (f, i) => [(f - 0.013 * pe[i]) / det, (-0.21 * f + pe[i]) / det]);
    expect(recovered.map(([f]) => f)).toEqual([10_000, 0, 5000, 0].map((v) => expect.closeTo(v, 1)));
    expect(recovered.map(([, p]) => p)).toEqual([0, 20_000, 30_000, 0].map((v) => expect.closeTo(v, 1)));
  });

  it('rejects a matrix that does not match the columns', () => {
    expect(() => spillIntoDetectorsInPlace([new Float32Array(2)], cantoFitcPeSpillover())).toThrow(/need 2 columns/);
  });
});

describe('measureSignal', () => {
  it('adds noise with variance electronicSd² + photonVariancePerUnit·signal around the signal', () => {
    const rng = createRng(30);
    const noise = { electronicSd: 45, photonVariancePerUnit: 2.5 };
    const n = 200_000;
    let sum = 0;
    let sumSquares = 0;
    for (let i = 0; i < n; i++) {
      const deviation = measureSignal(rng, 16_000, noise) - 16_000;
      sum += deviation;
      sumSquares += deviation * deviation;
    }
    const expectedVariance = 45 * 45 + 2.5 * 16_000; // 42,025
    expect(Math.abs(sum / n)).toBeLessThan(5 * Math.sqrt(expectedVariance / n));
    expect(sumSquares / n / expectedVariance).toBeCloseTo(1, 1);
  });

  it('piles off-scale signals up at the top of the scale', () => {
    expect(measureSignal(createRng(1), 1e7, { electronicSd: 1, photonVariancePerUnit: 0 })).toBe(CANTO_MAX_VALUE);
  });
});

describe('measurePulseInPlace', () => {
  const shape: PulseShape = { heightPerArea: 0.9, referenceWidth: 66_000, noise: { electronicSd: 0, photonVariancePerUnit: 0 } };

  it('keeps area = height × width × k with k = 1/(heightPerArea·referenceWidth)', () => {
    const areas = Float32Array.of(55_000, 55_000, 110_000, 30_000);
    const widthRatios = Float32Array.of(1, 2, 1.15, 0.8);
    const heights = new Float32Array(4);
    const widths = new Float32Array(4);
    measurePulseInPlace(createRng(1), areas, widthRatios, { ...shape, noise: { electronicSd: 200, photonVariancePerUnit: 1 } }, heights, widths);
    areas.forEach((area, i) => expect(area).toBeCloseTo((heights[i] * widths[i]) / (0.9 * 66_000), -1));
  });

  it('halves the height and doubles the width of a pulse that lasts twice as long', () => {
    const areas = Float32Array.of(55_000, 55_000);
    const heights = new Float32Array(2);
    const widths = new Float32Array(2);
    measurePulseInPlace(createRng(1), areas, Float32Array.of(1, 2), shape, heights, widths);
    expect(Array.from(heights)).toEqual([49_500, 24_750]);
    expect(Array.from(widths)).toEqual([66_000, 132_000]);
  });
});

describe('acquisitionTimes', () => {
  it('ticks in 0.01 s steps, never goes backwards, and runs at the requested rate', () => {
    const { ticks, durationSeconds } = acquisitionTimes(createRng(4), 40_000, 800);
    let decreasing = 0;
    for (let i = 1; i < ticks.length; i++) if (ticks[i] < ticks[i - 1]) decreasing++;
    expect(decreasing).toBe(0);
    expect(ticks.every(Number.isInteger)).toBe(true);
    // 40,000 events at 800/s take 50 s; the Poisson total has SD √40,000/800 = 0.25 s.
    expect(Math.abs(durationSeconds - 50)).toBeLessThan(1.25);
    expect(ticks[ticks.length - 1]).toBe(Math.floor(durationSeconds * 100 + 1e-9));
  });
});

describe('Diva keywords', () => {
  it('formats $DATE and $BTIM as FCS 3.1 specifies', () => {
    expect(formatFcsDate({ year: 2025, month: 3, day: 4 })).toBe('04-MAR-2025');
    expect(formatFcsTime(10 * 3600 + 5 * 60 + 7)).toBe('10:05:07');
    expect(formatFcsTime(86_400 + 61)).toBe('00:01:01');
  });

  it('writes instrument, voltage and display keywords for each parameter', () => {
    const parameters = [cantoParameter('FSC-A', null, 320, 'LIN'), cantoParameter('FITC-A', 'Annexin V', 485, 'LOG'), cantoParameter('Time', null, null, 'LIN')];
    const info = completeAcquisitionInfo({ fileName: 'AnnV-PI_24h_050nM.fcs' }, 'unused.fcs');
    const keywords = cantoKeywords(parameters, info, 25.2, true);
    expect(keywords).toMatchObject({
      $CYT: 'FACSCantoII', $FIL: 'AnnV-PI_24h_050nM.fcs', 'TUBE NAME': 'AnnV-PI_24h_050nM', $TIMESTEP: '0.01',
      $BTIM: '10:00:00', $ETIM: '10:00:26', $P1V: '320', $P2V: '485', P2DISPLAY: 'LOG', P3DISPLAY: 'LIN', 'APPLY COMPENSATION': 'TRUE',
    });
    expect(keywords.$P3V).toBeUndefined();
  });
});
