/** Plain-language warnings of the apoptosis analysis, each tied to the file it is about (null: the whole experiment). */

export type ApoptosisWarningCode =
  /** No spillover applied while FITC is known (or likely) to spill into the PI detector. */
  | 'COMPENSATION_MISSING'
  /** After compensation a single-stain control still shows its dye in the other channel. */
  | 'COMPENSATION_RESIDUAL'
  /** A control that a threshold or the compensation needs was not given; a fallback was used or nothing could be done. */
  | 'CONTROL_MISSING'
  /** A single-stain control has no distinct positive population next to its negative one. */
  | 'CONTROL_NOT_SEPARATED'
  /** A control meant to be negative on an axis holds a bright population there (an unstained tube bright on a dye). */
  | 'CONTROL_NOT_NEGATIVE'
  /** Too few events in a gate for a stable percentage or percentile. */
  | 'FEW_EVENTS'
  /** The automatic cells gate found no debris valley and cut at the low tail instead. */
  | 'NO_DEBRIS_VALLEY'
  /** The files have no pulse pair: no singlet gate, percentages are of cells. */
  | 'NO_SINGLET_GATE'
  /** No control, untreated tube or typed value can set a threshold. */
  | 'THRESHOLD_UNSET'
  /** Nearly every cell is positive for the viability dye, as with a DNA stain of fixed cells. */
  | 'VIABILITY_ALL_POSITIVE';

export interface ApoptosisWarning {
  code: ApoptosisWarningCode;
  /** The file the warning is about, or null when it concerns the experiment. */
  file: string | null;
  message: string;
}

/** Fewer singlets than this in a sample make its percentages noisy (1 event = 0.1 point). */
export const MIN_SAMPLE_SINGLETS = 1000;
/** Fewer events than this in a control (or in a control's positive population) make its percentile or median unstable. */
export const MIN_CONTROL_EVENTS = 100;

export function warning(code: ApoptosisWarningCode, file: string | null, message: string): ApoptosisWarning {
  return { code, file, message };
}

/** "12,345" for messages. */
export function formatCount(count: number): string {
  return count.toLocaleString('en-US');
}

/**
 * The warnings with those of one code about one file merged into one (their distinct messages joined, first first),
 * in the order each first appears: one finding about a file seen by several checks is listed once. Warnings about
 * the experiment (file null) are kept apart.
 */
export function mergeWarnings(warnings: readonly ApoptosisWarning[]): ApoptosisWarning[] {
  const merged = new Map<string | number, ApoptosisWarning>();
  for (const [index, w] of warnings.entries()) {
    const key = w.file === null ? index : `${w.code}\u0000${w.file}`;
    const seen = merged.get(key);
    if (!seen) merged.set(key, { ...w });
    else if (!seen.message.includes(w.message)) seen.message = `${seen.message} ${w.message}`;
  }
  return [...merged.values()];
}
