import { describe, expect, it } from 'vitest';
import { ixazomibLikeResponse } from './drugResponse.ts';

const DOSES = [0, 10, 20, 50, 100];

describe('ixazomibLikeResponse', () => {
  it('gives fractions in [0, 1] that sum to 1, for every dose and time of the demo', () => {
    for (const timeH of [24, 48]) {
      for (const doseNm of DOSES) {
        const r = ixazomibLikeResponse(doseNm, timeH);
        for (const group of [r.apoptosis, r.phaseFractions]) {
          const values = Object.values(group);
          expect(values.every((v) => v >= 0 && v <= 1)).toBe(true);
          expect(values.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 12);
        }
        expect(r.subG1Fraction).toBeGreaterThanOrEqual(0);
        expect(r.subG1Fraction).toBeLessThan(0.5);
      }
    }
  });

  it('matches the hand-computed kill at 100 nM, 48 h', () => {
    // (1 − e^(−48/40)) · 100^1.5 / (100^1.5 + 22.5^1.5) = 0.698806 · 1000 / 1106.73 = 0.63142
    const r = ixazomibLikeResponse(100, 48);
    expect(r.killedFraction).toBeCloseTo(0.63142, 4);
    // Untreated 48 h viability is 0.88, so 0.88 · (1 − 0.63142) = 0.32435.
    expect(r.apoptosis.viable).toBeCloseTo(0.32435, 4);
  });

  it('keeps ~90% viable untreated and loses viability with dose and with time', () => {
    expect(ixazomibLikeResponse(0, 24).apoptosis.viable).toBeCloseTo(0.9, 12);
    for (const timeH of [24, 48]) {
      const viable = DOSES.map((d) => ixazomibLikeResponse(d, timeH).apoptosis.viable);
      for (let i = 1; i < viable.length; i++) expect(viable[i]).toBeLessThan(viable[i - 1]);
    }
    for (const doseNm of DOSES.slice(1)) {
      expect(ixazomibLikeResponse(doseNm, 48).apoptosis.viable).toBeLessThan(ixazomibLikeResponse(doseNm, 24).apoptosis.viable);
    }
    const worst = ixazomibLikeResponse(100, 48).apoptosis.viable;
    expect(worst).toBeGreaterThan(0.25);
    expect(worst).toBeLessThan(0.4);
  });

  it('raises early apoptosis first and accumulates late apoptosis by 48 h, with few necrotic cells', () => {
    const day1 = ixazomibLikeResponse(100, 24).apoptosis;
    const day2 = ixazomibLikeResponse(100, 48).apoptosis;
    expect(day1.earlyApoptotic).toBeGreaterThan(day1.lateApoptotic);
    expect(day2.lateApoptotic).toBeGreaterThan(2 * day2.earlyApoptotic);
    expect(day2.necrotic).toBeLessThan(0.08);
  });

  it('accumulates G2/M and sub-G1 with dose', () => {
    for (const timeH of [24, 48]) {
      const responses = DOSES.map((d) => ixazomibLikeResponse(d, timeH));
      for (let i = 1; i < responses.length; i++) {
        expect(responses[i].phaseFractions.g2m).toBeGreaterThan(responses[i - 1].phaseFractions.g2m);
        expect(responses[i].subG1Fraction).toBeGreaterThan(responses[i - 1].subG1Fraction);
      }
    }
    expect(ixazomibLikeResponse(100, 24).phaseFractions.g2m).toBeGreaterThan(0.35);
  });

  it('rejects impossible doses and times', () => {
    expect(() => ixazomibLikeResponse(-1, 24)).toThrow(/doseNm must be in/);
    expect(() => ixazomibLikeResponse(10, 0)).toThrow(/timeH must be in/);
    expect(() => ixazomibLikeResponse(Number.NaN, 24)).toThrow(/doseNm must be in/);
  });
});
