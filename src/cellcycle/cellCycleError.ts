/**
 * Why a DNA histogram cannot be analysed, as a sentence a user can act on (what is wrong with the data, what to do).
 * The app and the CLI show `message` after the file's name; anything else thrown by the pipeline is a defect, shown
 * only as `unexpectedFailure` says.
 */
export type CellCycleErrorCode = 'no-events' | 'no-peak' | 'narrow-window' | 'few-pulse-events' | 'log-scale' | 'no-channel' | 'unexpected';

export class CellCycleError extends RangeError {
  readonly code: CellCycleErrorCode;

  constructor(code: CellCycleErrorCode, message: string) {
    super(message);
    this.name = 'CellCycleError';
    this.code = code;
  }
}

/** The sentence shown for a failure: a CellCycleError's own message, never the text of an internal error. */
export function cellCycleFailureMessage(error: unknown): string {
  if (error instanceof CellCycleError) return error.message;
  return 'The cell-cycle analysis stopped on an unexpected problem with this file. Try another model or analysis window, and please report the file if it persists.';
}
