/** Why a file could not be read or written; `message` is a plain sentence naming the file, keyword or byte offset. */
export type FcsErrorCode =
  | 'NOT_FCS'
  | 'UNSUPPORTED_VERSION'
  | 'TRUNCATED'
  | 'BAD_HEADER'
  | 'BAD_TEXT'
  | 'MISSING_KEYWORD'
  | 'BAD_KEYWORD'
  | 'UNSUPPORTED_LAYOUT'
  | 'BAD_DATA_OFFSETS'
  | 'DATA_TOO_SHORT'
  | 'BAD_ASCII_DATA'
  | 'INVALID_WRITE_INPUT'
  | 'INTERNAL';

export class FcsError extends Error {
  readonly code: FcsErrorCode;

  constructor(code: FcsErrorCode, message: string) {
    super(message);
    this.name = 'FcsError';
    this.code = code;
  }
}

/** Turns an internal clause ("the keyword $TOT is missing") into a sentence that names the file. */
export function describeReadFailure(error: FcsError, fileName: string | undefined): FcsError {
  const subject = fileName ? `"${fileName}"` : 'the file';
  return new FcsError(error.code, `Cannot read ${subject}: ${error.message}.`);
}
