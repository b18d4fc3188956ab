import { FcsError } from './errors.ts';

const SPACE = 0x20;
/** Longer runs cannot be a number; refusing them keeps a corrupt segment from building huge strings. */
export const MAX_NUMBER_CHARS = 64;

/** Parses bytes[start, end) as a decimal number; plain digit runs are parsed without making a string. */
function parseAsciiNumber(bytes: Uint8Array, start: number, end: number, where: () => string): number {
  while (start < end && bytes[start] === SPACE) start++;
  while (end > start && bytes[end - 1] === SPACE) end--;
  let value = 0;
  let i = start;
  for (; i < end; i++) {
    const digit = bytes[i] - 0x30;
    if (digit < 0 || digit > 9) break;
    value = value * 10 + digit;
  }
  if (i === end && end > start) return value;
  if (end - start > MAX_NUMBER_CHARS) throw new FcsError('BAD_ASCII_DATA', `the ASCII DATA value ${where()} is not a number`);
  const parsed = Number(String.fromCharCode(...bytes.subarray(start, end)));
  if (end === start || !Number.isFinite(parsed)) {
    throw new FcsError('BAD_ASCII_DATA', `the ASCII DATA value ${where()} is not a number`);
  }
  return parsed;
}

/** $DATATYPE A with fixed widths: each value takes $PnB characters (FCS 3.1, $DATATYPE A). */
export function decodeAsciiFixed(bytes: Uint8Array, start: number, eventCount: number, widths: number[]): Float64Array[] {
  const columns = widths.map(() => new Float64Array(eventCount));
  let at = start;
  for (let e = 0; e < eventCount; e++) {
    for (let c = 0; c < widths.length; c++) {
      const end = at + widths[c];
      columns[c][e] = parseAsciiNumber(bytes, at, end, () => `of event ${e + 1}, parameter ${c + 1} (byte ${at})`);
      at = end;
    }
  }
  return columns;
}

function isSeparator(byte: number): boolean {
  return byte === SPACE || byte === 0x09 || byte === 0x2c || byte === 0x0d || byte === 0x0a;
}

/** Counts the values of delimited ASCII data (separated by space, tab, comma, CR or LF). */
export function countDelimitedValues(bytes: Uint8Array, start: number, end: number): number {
  let count = 0;
  let inValue = false;
  for (let i = start; i < end; i++) {
    const separator = isSeparator(bytes[i]);
    if (!separator && !inValue) count++;
    inValue = !separator;
  }
  return count;
}

/** $DATATYPE A with $PnB "*": values separated by space, tab, comma, CR or LF, event by event. */
export function decodeAsciiDelimited(bytes: Uint8Array, start: number, end: number, eventCount: number, parameterCount: number): Float64Array[] {
  const columns = Array.from({ length: parameterCount }, () => new Float64Array(eventCount));
  const total = eventCount * parameterCount;
  let index = 0;
  let i = start;
  while (index < total) {
    while (i < end && isSeparator(bytes[i])) i++;
    if (i >= end) {
      throw new FcsError('DATA_TOO_SHORT', `the ASCII DATA segment holds ${index} values but ${eventCount} events x ${parameterCount} parameters need ${total}`);
    }
    const valueStart = i;
    while (i < end && !isSeparator(bytes[i])) i++;
    const event = Math.floor(index / parameterCount);
    const parameter = index % parameterCount;
    columns[parameter][event] = parseAsciiNumber(bytes, valueStart, i, () => `of event ${event + 1}, parameter ${parameter + 1} (byte ${valueStart})`);
    index++;
  }
  return columns;
}
