/** Axis ticks in data units for each transform; the plot places them with applyTransform. No DOM, plain numbers. */
import { biexToLogicle } from './biex.ts';
import type { Transform } from './types.ts';

export interface AxisTick {
  /** Data units (before the transform). */
  value: number;
  /** "10^3", "0", "-10^2", "50K", …; null for a minor tick. */
  label: string | null;
}

/** The visible data range of the axis, in data units. */
export interface DataRange {
  min: number;
  max: number;
}

/** Decades within this relative distance of an end of the range still get their tick (rounding of T, inverse(0)). */
const RANGE_SLACK = 1e-9;
const TARGET_LINEAR_TICKS = 6;

/**
 * Ticks for an axis drawn with `transform` (null: linear data units) over `range`, sorted by value.
 * Log-like scales get decade labels ("10^3", "0", "-10^2") and unlabelled minor ticks at 2…9 × 10^k; logicle-family
 * scales label only the decades of their logarithmic region (Moore & Parks' Logicle.axisLabels rule: from
 * 10^⌈log10 T − (M − 2W)⌉ up), so the quasi-linear region around zero stays uncluttered. Linear axes get 1-2-5 steps.
 * @example axisTicks({ kind: 'logicle', T: 10000, W: 1, M: 4.5, A: 0 }, { min: -50, max: 10000 }).filter((t) => t.label)
 *   // values 0, 100, 1000, 10000 labelled "0", "10^2", "10^3", "10^4"
 */
export function axisTicks(transform: Transform | null, range: DataRange): AxisTick[] {
  if (!Number.isFinite(range.min) || !Number.isFinite(range.max) || !(range.min < range.max)) {
    throw new RangeError(`axis range must be finite with min < max, got [${range.min}, ${range.max}]`);
  }
  if (transform === null) return linearTicks(range);
  switch (transform.kind) {
    case 'linear':
      return linearTicks(range);
    case 'log': {
      // flog maps T·10^−M to 0: no decade below the bottom of the scale (or below the range) is drawn.
      const bottom = Math.max(range.min, transform.T * 10 ** -transform.M);
      return range.max <= bottom ? [] : decadeTicks({ min: bottom, max: range.max }, Math.ceil(Math.log10(bottom) - RANGE_SLACK));
    }
    case 'logicle':
    case 'hyperlog':
      return decadeTicks(range, firstLogicleDecade(transform.T, transform.W, transform.M));
    case 'biex': {
      const { T, W, M } = biexToLogicle(transform);
      return decadeTicks(range, firstLogicleDecade(T, W, M));
    }
    case 'asinh':
      return decadeTicks(range, firstLogicleDecade(transform.T, 0, transform.M));
    case 'arcsinh':
      // asinh(x / c) is fasinh with T / sinh(M·ln10) = c, i.e. log10 T − M ≈ log10(c / 2).
      return decadeTicks(range, Math.ceil(Math.log10(transform.cofactor / 2) - RANGE_SLACK));
    default: {
      const unknown: never = transform;
      throw new Error(`Unknown transform kind: ${JSON.stringify(unknown)}`);
    }
  }
}

/** Exponent of the lowest labelled decade: the log region starts M − 2W decades below T. */
function firstLogicleDecade(T: number, W: number, M: number): number {
  return Math.ceil(Math.log10(T) - (M - 2 * W) - RANGE_SLACK);
}

function decadeTicks(range: DataRange, firstLabelled: number): AxisTick[] {
  const ticks: AxisTick[] = [];
  const low = range.min * (range.min < 0 ? 1 + RANGE_SLACK : 1 - RANGE_SLACK);
  const high = range.max * (range.max > 0 ? 1 + RANGE_SLACK : 1 - RANGE_SLACK);
  if (low <= 0 && high >= 0) ticks.push({ value: 0, label: '0' });
  const lastDecade = Math.floor(Math.log10(Math.max(Math.abs(range.min), Math.abs(range.max))) + RANGE_SLACK);
  for (let exponent = firstLabelled - 1; exponent <= lastDecade; exponent++) {
    const decade = 10 ** exponent;
    for (let multiple = 1; multiple <= 9; multiple++) {
      const magnitude = multiple * decade;
      const label = multiple === 1 && exponent >= firstLabelled ? `10^${exponent}` : null;
      if (magnitude >= low && magnitude <= high) ticks.push({ value: magnitude, label });
      if (-magnitude >= low && -magnitude <= high) ticks.push({ value: -magnitude, label: label && `-${label}` });
    }
  }
  return ticks.toSorted((p, q) => p.value - q.value);
}

function linearTicks(range: DataRange): AxisTick[] {
  const rough = (range.max - range.min) / TARGET_LINEAR_TICKS;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const residual = rough / magnitude;
  const leading = residual < 1.5 ? 1 : residual < 3 ? 2 : residual < 7 ? 5 : 10;
  const step = leading * magnitude;
  const minorStep = step / (leading === 2 ? 4 : 5);
  const first = Math.ceil(range.min / minorStep);
  const last = Math.floor(range.max / minorStep);
  // A range too narrow for its offset (or for doubles) gets no ticks rather than duplicates or an endless loop.
  if (!(minorStep > 0) || Math.abs(first) > 2 ** 52 || Math.abs(last) > 2 ** 52) return [];
  const ticks: AxisTick[] = [];
  const minorsPerMajor = Math.round(step / minorStep);
  for (let i = first; i <= last; i++) {
    const isMajor = i % minorsPerMajor === 0;
    const value = isMajor ? (i / minorsPerMajor) * step : i * minorStep;
    ticks.push({ value, label: isMajor ? formatLinear(value, step) : null });
  }
  return ticks;
}

/** "0", "250", "0.5", "50K", "1.5M": thousands as K and millions as M once the step is that coarse (as FlowJo labels). */
function formatLinear(value: number, step: number): string {
  if (Math.abs(value) < step / 2) return '0';
  const [divisor, suffix] = step >= 5e5 ? [1e6, 'M'] : step >= 1e3 ? [1e3, 'K'] : [1, ''];
  const decimals = Math.max(0, -Math.floor(Math.log10(step / divisor) + 1e-9));
  const digits = (value / divisor).toFixed(decimals);
  return `${decimals > 0 ? digits.replace(/\.?0+$/, '') : digits}${suffix}`;
}
