import { createRng } from '../simulate/rng.ts';
import type { SingletPulseParameter } from './singletGate.ts';

export interface PulseData {
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
export function pulses(kind: SingletPulseParameter, singlets: number, doublets: number, seed: number): PulseData {
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
