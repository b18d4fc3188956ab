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
  | 'TOO_LARGE'
  | 'READ_FAILED'
  | 'INTERNAL';

export class FcsError extends Error {
  readonly code: FcsErrorCode;

  constructor(code: FcsErrorCode, message: string) {
    super(message);
    this.name = 'FcsError';
    this.code = code;
  }
}

const MAX_QUOTED_CHARS = 40;
/** Everything outside printable ASCII and U+0080..U+FFFF: the C0 controls and DEL. */
const CONTROL_CHARACTERS = /[^\x20-\x7e\x80-\uffff]/g;

/** Shows control characters copied from a file (line breaks, NULs) as "?" so a message stays one line. */
export function withoutControlCharacters(text: string): string {
  return text.replace(CONTROL_CHARACTERS, '?');
}

/** A value from the file, quoted for a message: shortened, with control characters shown as "?". */
export function quoted(text: string): string {
  const shown = text.length > MAX_QUOTED_CHARS ? `${text.slice(0, MAX_QUOTED_CHARS)}…` : text;
  return `"${withoutControlCharacters(shown)}"`;
}

/** Turns an internal clause ("the keyword $TOT is missing") into a sentence that names the file. */
export function describeReadFailure(error: FcsError, fileName: string | undefined): FcsError {
  const subject = fileName ? `"${fileName}"` : 'the file';
  return new FcsError(error.code, withoutControlCharacters(`Cannot read ${subject}: ${error.message}.`));
}
