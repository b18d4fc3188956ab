import { writeGaussianBins } from './componentShapes.ts';
import type { LeastSquaresModel } from '../shared/levenbergMarquardt.ts';
import { normalCdf } from './normalDistribution.ts';

const INV_SQRT_TWO_PI = 1 / Math.sqrt(2 * Math.PI);

/**
 * Which way the S-phase level steps across the peak: up across G0/G1, down across G2/M, or not at all (a second
 * population's peak standing on the first population's S phase).
 */
export type SPhaseEdge = 'rising' | 'falling' | 'flat';

/**
 * One Gaussian peak on the bins [startBin, endBin) plus the edge of the S phase running through it, for the
 * Watson pragmatic fits. Parameters [area, mean (channels), CV (fraction), S level (events per bin)]:
 * f(x) = area·P(bin) + level·Φ(±(x − μ)/σ) with σ = CV·μ, the S level blurred by the peak's own SD (level·1 when flat).
 * Derivatives are exact: for P = Φ(z_b) − Φ(z_a), z = (edge − μ)/σ, ∂P/∂μ|σ = −(φ(z_b) − φ(z_a))/σ and
 * ∂P/∂σ|μ = −(z_b·φ(z_b) − z_a·φ(z_a))/σ, then ∂/∂μ = ∂/∂μ|σ + CV·∂/∂σ|μ and ∂/∂CV = μ·∂/∂σ|μ; for the edge,
 * ∂z/∂μ = −(x/μ)/σ and ∂z/∂CV = −z/CV.
 */
export class GaussianPeakModel implements LeastSquaresModel {
  readonly parameterCount = 4;
  readonly valueCount: number;
  private readonly startBin: number;
  private readonly sign: number;
  private readonly unit: Float64Array;

  constructor(startBin: number, endBin: number, edge: SPhaseEdge) {
    this.startBin = startBin;
    this.valueCount = endBin - startBin;
    this.sign = edge === 'rising' ? 1 : edge === 'falling' ? -1 : 0;
    this.unit = new Float64Array(this.valueCount);
  }

  evaluate(params: Float64Array, values: Float64Array): void {
    const [area, mean, cv, level] = params;
    const sd = cv * mean;
    writeGaussianBins(this.unit, this.startBin, mean, sd);
    for (let i = 0; i < values.length; i++) values[i] = area * this.unit[i] + level * this.edge((this.startBin + i + 0.5 - mean) / sd);
  }

  differentiate(params: Float64Array, _values: Float64Array, jacobian: Float64Array, free: Uint8Array): void {
    const [area, mean, cv, level] = params;
    const sd = cv * mean;
    const n = this.valueCount;
    writeGaussianBins(this.unit, this.startBin, mean, sd);
    if (free[0]) jacobian.set(this.unit, 0);
    let zLow = (this.startBin - mean) / sd;
    let densityLow = INV_SQRT_TWO_PI * Math.exp(-0.5 * zLow * zLow);
    for (let i = 0; i < n; i++) {
      const zHigh = (this.startBin + i + 1 - mean) / sd;
      const densityHigh = INV_SQRT_TWO_PI * Math.exp(-0.5 * zHigh * zHigh);
      const byMean = -(densityHigh - densityLow) / sd;
      const bySd = -(zHigh * densityHigh - zLow * densityLow) / sd;
      const x = this.startBin + i + 0.5;
      const z = (x - mean) / sd;
      const edgeSlope = this.sign * level * INV_SQRT_TWO_PI * Math.exp(-0.5 * z * z);
      if (free[1]) jacobian[n + i] = area * (byMean + cv * bySd) - (edgeSlope * x) / mean / sd;
      if (free[2]) jacobian[2 * n + i] = area * mean * bySd - (edgeSlope * z) / cv;
      if (free[3]) jacobian[3 * n + i] = this.edge(z);
      zLow = zHigh;
      densityLow = densityHigh;
    }
  }

  private edge(z: number): number {
    return this.sign === 0 ? 1 : normalCdf(this.sign * z);
  }
}
