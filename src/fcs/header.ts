import type { ByteSource } from './byteSource.ts';
import { FcsError, quoted } from './errors.ts';

/** The fixed 58-byte HEADER of one data set (FCS 3.1, HEADER segment); offsets are relative to that HEADER, ends inclusive. */
export interface FcsHeader {
  /** "2.0", "3.0", "3.1", "3.2" (or "1.0"). */
  version: string;
  textStart: number;
  textEnd: number;
  /** null when the field is blank; 0 when offsets live in TEXT only (files over 99,999,999 bytes). */
  dataStart: number | null;
  dataEnd: number | null;
  analysisStart: number | null;
  analysisEnd: number | null;
}

export const HEADER_BYTES = 58;
const SUPPORTED_VERSIONS = new Set(['1.0', '2.0', '3.0', '3.1', '3.2']);
const FIELD_NAMES = ['TEXT start', 'TEXT end', 'DATA start', 'DATA end', 'ANALYSIS start', 'ANALYSIS end'];

function readAscii(bytes: Uint8Array, start: number, end: number): string {
  return String.fromCharCode(...bytes.subarray(start, end));
}

/** Reads an 8-character right-justified offset field of `header` (the HEADER's bytes, read at `base`); blank gives null. */
function readOffsetField(header: Uint8Array, base: number, field: number): number | null {
  const at = 10 + field * 8;
  const text = readAscii(header, at, at + 8).trim();
  if (text === '') return null;
  if (!/^-?\d+$/.test(text)) {
    throw new FcsError('BAD_HEADER', `the HEADER field "${FIELD_NAMES[field]}" at byte ${base + at} is not a number (${quoted(text)})`);
  }
  return Number(text);
}

/** Parses the HEADER that starts at byte `base` of the file, reading only its 58 bytes. */
export function parseHeader(source: ByteSource, base: number): FcsHeader {
  if (source.size - base < HEADER_BYTES) {
    const what = base === 0 ? 'it is not an FCS file: it' : `the data set at byte ${base}`;
    throw new FcsError(base === 0 ? 'NOT_FCS' : 'TRUNCATED', `${what} is shorter than the 58-byte FCS HEADER (${source.size - base} bytes)`);
  }
  const header = source.read(base, base + HEADER_BYTES);
  const magic = readAscii(header, 0, 6);
  const match = /^FCS(\d\.\d)$/.exec(magic);
  if (!match) {
    throw new FcsError('NOT_FCS', `it is not an FCS file: it starts with ${quoted(magic)} instead of "FCS" and a version number (byte ${base})`);
  }
  const version = match[1];
  if (!SUPPORTED_VERSIONS.has(version)) {
    throw new FcsError('UNSUPPORTED_VERSION', `it uses FCS version ${version}, which FlowFate does not read (it reads 2.0, 3.0, 3.1 and 3.2)`);
  }
  const textStart = readOffsetField(header, base, 0);
  const textEnd = readOffsetField(header, base, 1);
  if (textStart === null || textEnd === null || textStart < HEADER_BYTES || textEnd < textStart) {
    throw new FcsError(
      'BAD_HEADER',
      `the HEADER at byte ${base} gives no usable TEXT segment (start ${textStart ?? 'blank'}, end ${textEnd ?? 'blank'})`,
    );
  }
  return {
    version,
    textStart,
    textEnd,
    dataStart: readOffsetField(header, base, 2),
    dataEnd: readOffsetField(header, base, 3),
    analysisStart: readOffsetField(header, base, 4),
    analysisEnd: readOffsetField(header, base, 5),
  };
}
