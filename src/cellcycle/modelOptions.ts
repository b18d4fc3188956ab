import type { CellCycleFit, CellCycleModelOptions, Constraint, G2CvConstraint, ModelKind } from './types.ts';

/** Bounds a `free` constraint stands for. */
export const FREE_CV_PERCENT = { min: 0.5, max: 20 } as const;
/** flowPloidy allows 1.5–2.5; G2/M of real samples sits at 1.9–2.1, so 1.75–2.25 leaves room without reaching S-phase peaks. */
export const FREE_LINEARITY = { min: 1.75, max: 2.25 } as const;

/**
 * Dean-Jett-Fox with continuous doublets, G2/M CV tied to G0/G1, linearity fitted within 1.75–2.25. Single-cut debris
 * is off: its shape spreads under S and G2/M whatever lies below G0/G1, so an apoptotic hump reaching into the window
 * is taken for debris under S phase.
 */
export const DEFAULT_MODEL_OPTIONS: CellCycleModelOptions = {
  model: 'djf',
  g1Mean: { kind: 'free' },
  g1CvPercent: { kind: 'free' },
  linearity: { kind: 'free' },
  g2CvPercent: { kind: 'equal-to-g1' },
  debris: 'auto',
  aggregates: 'doublets',
  window: { kind: 'auto' },
};

/** Allowed interval of a constrained quantity, in the units of `scale` (e.g. data units → channels). */
export function constraintRange(constraint: Constraint, scale: number, free: { min: number; max: number }): { min: number; max: number } {
  switch (constraint.kind) {
    case 'free':
      return { min: free.min * scale, max: free.max * scale };
    case 'fixed':
      return { min: constraint.value * scale, max: constraint.value * scale };
    case 'range':
      return { min: constraint.min * scale, max: constraint.max * scale };
    default:
      throw new RangeError(`cell-cycle options: unknown constraint ${JSON.stringify(constraint)}`);
  }
}

/**
 * Default options for a model: DEFAULT_MODEL_OPTIONS, except that Watson fits the G2/M CV on its own, as the
 * pragmatic method does (tying it to the CV of a small G0/G1 peak in G2/M-arrested samples misplaces G2/M by a point).
 * @example defaultModelOptions('watson').g2CvPercent // { kind: 'free' }
 */
export function defaultModelOptions(model: ModelKind): CellCycleModelOptions {
  return { ...DEFAULT_MODEL_OPTIONS, model, g2CvPercent: model === 'watson' ? { kind: 'free' } : DEFAULT_MODEL_OPTIONS.g2CvPercent };
}

/**
 * Model options as saved by any version: workspaces written before issue 10 hold `debris` as a boolean, read as the
 * choice it was (true: always, false: never), so a reopened analysis gives the numbers it gave.
 * @example savedModelOptions({ ...DEFAULT_MODEL_OPTIONS, debris: false }).debris // 'off'
 */
export function savedModelOptions(saved: CellCycleModelOptions | (Omit<CellCycleModelOptions, 'debris'> & { debris: boolean })): CellCycleModelOptions {
  if (typeof saved.debris !== 'boolean') return saved as CellCycleModelOptions;
  return { ...saved, debris: saved.debris ? 'on' : 'off' };
}

/** Throws a RangeError naming the offending option when `options` cannot describe a fit. */
export function validateModelOptions(options: CellCycleModelOptions): void {
  switch (options.model) {
    case 'djf':
    case 'watson':
    case 'rectangle':
      break;
    default:
      throw new RangeError(`cell-cycle options: unknown model "${String(options.model)}" (use djf, watson or rectangle)`);
  }
  checkConstraint(options.g1Mean, 'The G0/G1 mean', 0, Infinity);
  checkConstraint(options.g1CvPercent, 'The G0/G1 CV (%)', 0, 100);
  checkConstraint(options.linearity, 'The G2/M ÷ G0/G1 ratio', 1, 4);
  if (options.g2CvPercent.kind !== 'equal-to-g1') checkConstraint(options.g2CvPercent, 'The G2/M CV (%)', 0, 100);
  if (!['auto', 'on', 'off'].includes(options.debris)) {
    throw new RangeError(`cell-cycle options: debris must be auto, on or off, got "${String(options.debris)}"`);
  }
  if (!['off', 'doublets', 'doublets-and-triplets'].includes(options.aggregates)) {
    throw new RangeError(`cell-cycle options: aggregates must be off, doublets or doublets-and-triplets, got "${options.aggregates}"`);
  }
  if (options.window.kind === 'range') {
    const { min, max } = options.window;
    if (!(Number.isFinite(min) && Number.isFinite(max) && min >= 0 && max > min)) {
      throw new RangeError(`The analysis window ${min}–${max} cannot be used: give a start of 0 or more below its end.`);
    }
  }
}

/** Checks a constraint on the quantity `what` ("The G0/G1 CV (%)"), in words a user can act on. */
function checkConstraint(constraint: Constraint, what: string, lowest: number, highest: number): void {
  const within = Number.isFinite(highest) ? `between ${lowest} and ${highest}` : `above ${lowest}`;
  switch (constraint.kind) {
    case 'free':
      return;
    case 'fixed':
      if (!(constraint.value > lowest && constraint.value < highest)) {
        throw new RangeError(`${what} cannot be held at ${constraint.value}: give a value ${within}.`);
      }
      return;
    case 'range':
      if (!(constraint.min > lowest && constraint.max < highest && constraint.min < constraint.max)) {
        throw new RangeError(`${what} cannot be fitted within ${constraint.min}–${constraint.max}: give a lowest value below the highest, both ${within}.`);
      }
      return;
    default:
      throw new RangeError(`${what} has a constraint this version does not know.`);
  }
}

export interface ControlCopy {
  /** Hold the G0/G1 mean and the linearity (hence the G2/M mean) at the control's values. */
  positions: boolean;
  /** Hold the CVs at the control's values. */
  cvs: boolean;
}

/**
 * The control's model and options, with positions and/or CVs held at the control's fitted values:
 * FlowJo's "drag a good control's model onto difficult samples".
 * @example copyConstraintsFromControl(controlFit, { positions: true, cvs: false })
 */
export function copyConstraintsFromControl(control: CellCycleFit, copy: ControlCopy): CellCycleModelOptions {
  const options: CellCycleModelOptions = { ...control.options };
  if (copy.positions) {
    options.g1Mean = { kind: 'fixed', value: control.g1Mean };
    options.linearity = { kind: 'fixed', value: control.g2g1Ratio };
  }
  if (copy.cvs) {
    options.g1CvPercent = { kind: 'fixed', value: control.g1CvPercent };
    const g2Cv: G2CvConstraint =
      control.options.g2CvPercent.kind === 'equal-to-g1' ? { kind: 'equal-to-g1' } : { kind: 'fixed', value: control.g2CvPercent };
    options.g2CvPercent = g2Cv;
  }
  return options;
}
