/**
 * Resolves a gate dimension to one value per event: channel (or ratio) → compensation → transform, each step
 * computed once and cached by the definitions it depends on, so a moved gate never recomputes columns.
 */
import { compensateColumn, spilloverToSpectrum, unmixingMatrix } from '../compensation/compensate.ts';
import type { CompensationRef, SpectrumMatrix } from '../compensation/types.ts';
import { scaleOf } from '../transforms/transform.ts';
import type { ChannelSource, NumericColumn } from './channelSource.ts';
import { type Dimension, type GatingStrategy, GatingStrategyError } from './types.ts';

export type StrategyDefinitions = Pick<GatingStrategy, 'transforms' | 'ratios' | 'compensations'>;

interface CachedColumn {
  column: NumericColumn;
  lastUsed: number;
}

export class DimensionColumns {
  private readonly source: ChannelSource;
  private definitions: StrategyDefinitions = { transforms: {}, ratios: {}, compensations: {} };
  private readonly columns = new Map<string, CachedColumn>();
  private readonly unmixings = new Map<string, number[][]>();
  private fileMatrix: SpectrumMatrix | null | undefined;
  private generation = 0;

  constructor(source: ChannelSource) {
    this.source = source;
  }

  get eventCount(): number {
    return this.source.eventCount;
  }

  /** Reads dimensions with a strategy's transforms, ratios and matrices from now on. */
  useDefinitions(definitions: StrategyDefinitions): void {
    this.definitions = definitions;
    this.unmixings.clear();
  }

  get currentDefinitions(): StrategyDefinitions {
    return this.definitions;
  }

  /**
   * Starts a new generation and drops columns not used during this or the previous one, which bounds memory to what
   * the current strategy and the latest plots read.
   */
  dropUnusedColumns(): void {
    this.generation++;
    for (const [key, cached] of this.columns) if (cached.lastUsed < this.generation - 1) this.columns.delete(key);
  }

  /** A string that is equal for two dimensions exactly when they read the same values. */
  dimensionKey(dimension: Dimension): string {
    const { source, compensation, transform } = dimension;
    const sourceKey = source.kind === 'channel' ? `channel:${source.name}` : `ratio:${JSON.stringify(this.ratio(source.ratioId))}`;
    const transformKey = transform === null ? 'none' : JSON.stringify(this.transform(transform));
    return `${this.compensationKey(compensation)}|${sourceKey}|${transformKey}`;
  }

  /** Values of `dimension` for every event, in file order. Do not modify the returned array. */
  column(dimension: Dimension): NumericColumn {
    const key = this.dimensionKey(dimension);
    return this.cached(key, () => {
      const values = this.untransformed(dimension);
      return dimension.transform === null ? values : scaleOf(this.transform(dimension.transform)).applyToColumn(values, new Float64Array(values.length));
    });
  }

  private untransformed({ source, compensation }: Dimension): NumericColumn {
    if (source.kind === 'channel') return this.compensated(source.name, compensation);
    const ratio = this.ratio(source.ratioId);
    return this.cached(`${this.compensationKey(compensation)}|ratio:${JSON.stringify(ratio)}`, () => {
      const x = this.compensated(ratio.numerator, compensation);
      const y = this.compensated(ratio.denominator, compensation);
      const { A, B, C } = ratio;
      const out = new Float64Array(x.length);
      // Gating-ML fratio: A·(x − B)/(y − C).
      for (let i = 0; i < out.length; i++) out[i] = (A * (x[i] - B)) / (y[i] - C);
      return out;
    });
  }

  /** The channel after compensation; channels outside the matrix are read uncompensated, as in FCS files. */
  private compensated(name: string, reference: CompensationRef): NumericColumn {
    if (reference === 'uncompensated') return this.source.channel(name);
    const matrix = this.matrix(reference);
    const fluorochrome = matrix ? matrix.fluorochromes.indexOf(name) : -1;
    if (!matrix || fluorochrome < 0) return this.source.channel(name);
    const matrixKey = this.compensationKey(reference);
    return this.cached(`${matrixKey}|channel:${name}`, () => {
      let unmixing = this.unmixings.get(matrixKey);
      if (!unmixing) {
        unmixing = unmixingMatrix(matrix, `compensation "${reference}"`);
        this.unmixings.set(matrixKey, unmixing);
      }
      const detectors = matrix.detectors.map((detector) => this.source.channel(detector));
      return compensateColumn(unmixing, detectors, fluorochrome, new Float64Array(this.source.eventCount));
    });
  }

  private matrix(reference: CompensationRef): SpectrumMatrix | null {
    if (reference === 'FCS') {
      if (this.fileMatrix === undefined) this.fileMatrix = this.source.spillover ? spilloverToSpectrum(this.source.spillover) : null;
      return this.fileMatrix;
    }
    const matrix = this.definitions.compensations[reference];
    if (!matrix) throw new GatingStrategyError(`compensation "${reference}"`, 'is not defined in the strategy');
    return matrix;
  }

  private compensationKey(reference: CompensationRef): string {
    if (reference === 'uncompensated' || reference === 'FCS') return reference;
    return `matrix:${JSON.stringify(this.matrix(reference))}`;
  }

  private transform(id: string) {
    const transform = this.definitions.transforms[id];
    if (!transform) throw new GatingStrategyError(`transform "${id}"`, 'is not defined in the strategy');
    return transform;
  }

  private ratio(id: string) {
    const ratio = this.definitions.ratios[id];
    if (!ratio) throw new GatingStrategyError(`ratio "${id}"`, 'is not defined in the strategy');
    return ratio;
  }

  private cached(key: string, compute: () => NumericColumn): NumericColumn {
    const hit = this.columns.get(key);
    if (hit) {
      hit.lastUsed = this.generation;
      return hit.column;
    }
    const column = compute();
    this.columns.set(key, { column, lastUsed: this.generation });
    return column;
  }
}
