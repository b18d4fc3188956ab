import { withoutControlCharacters } from './errors.ts';
import type { FcsWarning } from './types.ts';

/** Stable codes of the oddities the reader handles; the UI's "file doctor" shows them per file. */
export type FcsWarningCode =
  | 'VERSION_1_0'
  | 'TEXT_NOT_UTF8'
  | 'TEXT_UNTERMINATED'
  | 'EMPTY_KEYWORD_VALUE'
  | 'EMPTY_KEYWORD_NAME'
  | 'DUPLICATE_KEYWORD'
  | 'SUPPLEMENTAL_TEXT_IGNORED'
  | 'SUPPLEMENTAL_TEXT_UNREADABLE'
  | 'ANALYSIS_UNREADABLE'
  | 'HEADER_TEXT_MISMATCH'
  | 'OFFSET_OFF_BY_ONE'
  | 'DATA_LENGTH_MISMATCH'
  | 'TOT_MISSING'
  | 'PNN_MISSING'
  | 'DUPLICATE_CHANNEL_NAMES'
  | 'RANGE_INVALID'
  | 'AMPLIFICATION_INVALID'
  | 'GAIN_INVALID'
  | 'BITS_NOT_BYTE_MULTIPLE'
  | 'FLOAT_BITS_MISMATCH'
  | 'BITS_MASKED'
  | 'INTEGER_EXCEEDS_2_53'
  | 'BYTEORD_PERMUTED'
  | 'PNE_F2_ZERO'
  | 'LOG_ON_FLOAT'
  | 'GAIN_ON_LOG_CHANNEL'
  | 'TIMESTEP_INVALID'
  | 'SPILLOVER_INVALID'
  | 'SPILLOVER_UNKNOWN_CHANNELS'
  | 'MULTIPLE_DATASETS'
  | 'NEXTDATA_INVALID';

/** A warning; control characters copied from the file into the sentence are shown as "?". */
export function makeWarning(code: FcsWarningCode, message: string): FcsWarning {
  return { code, message: withoutControlCharacters(message) };
}

/** "a, b, c" or "a, b, c and 4 more" so that a warning stays one readable sentence. */
export function listForMessage(items: readonly string[], max = 6): string {
  if (items.length <= max) return items.join(', ');
  return `${items.slice(0, max).join(', ')} and ${items.length - max} more`;
}
