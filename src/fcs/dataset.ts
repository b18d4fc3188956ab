import type { ByteSource } from './byteSource.ts';
import { parseDataType, readChannels } from './channels.ts';
import { decodeAsciiDelimited, decodeAsciiFixed, countDelimitedValues } from './decodeAscii.ts';
import { type ChunkVisitor, columnBytesPerEvent, decodeBinaryData } from './decodeBinary.ts';
import { FcsError, quoted } from './errors.ts';
import { parseHeader } from './header.ts';
import { parseCount, requireKeyword } from './keywordValues.ts';
import { describeLayout, parseByteOrder, reportedByteOrder, type DataLayout } from './layout.ts';
import { scalingWarnings } from './scale.ts';
import { resolveAnalysisSegment, resolveDataSegment, resolveSupplementalText, type SegmentRange } from './segments.ts';
import { readSpillover } from './spillover.ts';
import { parseKeywordSegment } from './text.ts';
import type { ByteOrder, Channel, FcsDataset, FcsWarning, Keywords, RawColumn } from './types.ts';
import { listForMessage, makeWarning } from './warnings.ts';

/** How a data set's events are read: kept as columns (after `reserve` agreed to their size) or visited chunk by chunk. */
export interface EventHandling {
  /** Called with the bytes the decoded columns will take, before the DATA segment is read; throws to refuse. */
  reserve?: (columnBytes: number, eventCount: number, parameterCount: number) => void;
  /** Receives the events chunk by chunk instead of keeping them (the data set's columns are then empty). */
  visit?: ChunkVisitor;
}

/** One parsed data set plus what the file walk needs to find the next one. */
export interface ParsedDataset {
  dataset: FcsDataset;
  /** $NEXTDATA: offset of the next data set's HEADER relative to this one's, 0 for none. */
  nextDataOffset: number;
  /** Last byte (relative to this data set's HEADER) of any segment of this data set. */
  lastByte: number;
}

function readEventCount(keywords: Keywords): number | null {
  const text = keywords['$TOT'];
  if (text === undefined) return null;
  const count = parseCount(text);
  if (count === null) throw new FcsError('BAD_KEYWORD', `the number of events ($TOT) is not a whole number (${quoted(text)})`);
  return count;
}

function datasetByteOrder(keywords: Keywords, layout: DataLayout): ByteOrder {
  if (layout.kind === 'binary') return reportedByteOrder(layout.byteOrder);
  try {
    return keywords['$BYTEORD'] === undefined ? 'little' : reportedByteOrder(parseByteOrder(keywords['$BYTEORD']));
  } catch {
    return 'little';
  }
}

function fixedRecordBytes(layout: DataLayout): number | null {
  return layout.kind === 'asciiDelimited' ? null : layout.recordBytes;
}

/** Bytes per event of the decoded columns: exact typed widths for binary data, float64 for ASCII. */
function bytesPerEvent(layout: DataLayout, channels: Channel[]): number {
  return layout.kind === 'binary' ? columnBytesPerEvent(layout.fields) : 8 * channels.length;
}

/**
 * Decodes the DATA segment into raw columns and records masking/precision warnings. ASCII data (rare, small) is read
 * in one piece from the start of the file, so its messages give absolute byte positions; binary data chunk by chunk.
 */
function decodeColumns(
  source: ByteSource, start: number, endExclusive: number, eventCount: number, layout: DataLayout, channels: Channel[], warnings: FcsWarning[], events: EventHandling,
): RawColumn[] {
  events.reserve?.(eventCount * bytesPerEvent(layout, channels), eventCount, channels.length);
  if (layout.kind !== 'binary') {
    const bytes = source.read(0, endExclusive);
    const columns = layout.kind === 'asciiFixed'
      ? decodeAsciiFixed(bytes, start, eventCount, layout.widths)
      : decodeAsciiDelimited(bytes, start, endExclusive, eventCount, channels.length);
    if (!events.visit) return columns;
    if (eventCount > 0) events.visit(columns, 0);
    return columns.map(() => new Float64Array(0));
  }
  const decoded = decodeBinaryData(source, start, eventCount, layout, events.visit);
  const masked = channels.filter((_, i) => decoded.maskedChannels[i]).map((c) => c.name);
  if (masked.length > 0) {
    warnings.push(
      makeWarning(
        'BITS_MASKED',
        `Values of ${listForMessage(masked)} had bits set above the channel range ($PnR); those bits were removed, as the FCS standard says (some instruments store flags there).`,
      ),
    );
  }
  const unsafe = channels.filter((_, i) => decoded.unsafeIntegerCounts[i] > 0).map((c) => c.name);
  if (unsafe.length > 0) {
    warnings.push(makeWarning('INTEGER_EXCEEDS_2_53', `Some values of ${listForMessage(unsafe)} exceed 2^53 and were rounded to the nearest representable number.`));
  }
  return decoded.columns;
}

/** The keywords of a segment; only its own bytes are read. */
function readKeywordSegment(source: ByteSource, base: number, range: SegmentRange, name: string) {
  const bytes = source.read(base + range.start, base + range.end + 1);
  return parseKeywordSegment(bytes, 0, bytes.length - 1, name);
}

function parseOptionalSegment(source: ByteSource, base: number, range: SegmentRange, name: string, code: 'SUPPLEMENTAL_TEXT_UNREADABLE' | 'ANALYSIS_UNREADABLE', warnings: FcsWarning[]): Keywords | null {
  try {
    const segment = readKeywordSegment(source, base, range, name);
    warnings.push(...segment.warnings);
    return segment.keywords;
  } catch (error) {
    if (!(error instanceof FcsError)) throw error;
    warnings.push(makeWarning(code, `The ${name} segment could not be read (${error.message}); it was skipped.`));
    return null;
  }
}

/**
 * Reads the data set whose HEADER starts at byte `base`; `index` is its 1-based position in the file. The HEADER and
 * TEXT are read and checked first; the DATA segment only once its layout and size are known.
 */
export function readDataset(source: ByteSource, base: number, index: number, events: EventHandling = {}): ParsedDataset {
  const warnings: FcsWarning[] = [];
  const header = parseHeader(source, base);
  if (header.version === '1.0') warnings.push(makeWarning('VERSION_1_0', 'This is an FCS 1.0 file; it was read with the FCS 2.0 rules.'));
  const availableBytes = source.size - base;
  if (header.textEnd >= availableBytes) {
    throw new FcsError('TRUNCATED', `the TEXT segment (bytes ${header.textStart}-${header.textEnd}) runs past the end of the file (${availableBytes} bytes)`);
  }
  const primary = readKeywordSegment(source, base, { start: header.textStart, end: header.textEnd }, 'TEXT');
  warnings.push(...primary.warnings);
  const keywords: Keywords = { ...primary.keywords };

  const mode = keywords['$MODE']?.trim().toUpperCase();
  if (mode !== undefined && mode !== 'L') {
    throw new FcsError('UNSUPPORTED_LAYOUT', `it holds histograms, not single events ($MODE ${quoted(mode)}, deprecated in FCS 3.1); FlowFate reads list-mode files ($MODE L) only`);
  }
  const dataType = parseDataType(requireKeyword(keywords, '$DATATYPE'), '$DATATYPE');
  const channels = readChannels(keywords, dataType, warnings);
  const layout = describeLayout(keywords, channels, warnings);
  const declaredEvents = readEventCount(keywords);
  const recordBytes = fixedRecordBytes(layout);
  const neededBytes = declaredEvents === null || recordBytes === null ? null : declaredEvents * recordBytes;
  const dataRange = channels.length === 0 ? null : resolveDataSegment({ header, keywords, availableBytes, neededBytes }, warnings);

  let eventCount = declaredEvents ?? 0;
  // No events: empty columns of the right types, decoded from an empty region.
  let columns: RawColumn[] = decodeColumns(source, 0, 0, 0, layout, channels, warnings, {});
  if (dataRange) {
    const start = base + dataRange.start;
    const endExclusive = Math.min(source.size, base + dataRange.end + 1);
    if (layout.kind === 'asciiDelimited') {
      const available = countDelimitedValues(source.read(0, endExclusive), start, endExclusive);
      if (declaredEvents !== null && declaredEvents * channels.length > available) {
        throw new FcsError('DATA_TOO_SHORT', `the ASCII DATA segment holds ${available} values but the ${declaredEvents} events the file declares ($TOT) need ${declaredEvents * channels.length}`);
      }
      eventCount = declaredEvents ?? Math.floor(available / channels.length);
    } else if (declaredEvents === null) {
      eventCount = Math.floor((endExclusive - start) / layout.recordBytes);
    }
    if (declaredEvents === null) {
      warnings.push(makeWarning('TOT_MISSING', `The file does not say how many events it holds ($TOT); ${eventCount} events were read from the DATA segment's length.`));
    }
    columns = decodeColumns(source, start, endExclusive, eventCount, layout, channels, warnings, events);
  }

  const textRange = { start: header.textStart, end: header.textEnd };
  const occupied = dataRange ? [dataRange] : [];
  const supplementalRange = resolveSupplementalText(source, base, keywords, textRange, primary.delimiter, occupied, warnings);
  if (supplementalRange) {
    const supplemental = parseOptionalSegment(source, base, supplementalRange, 'supplemental TEXT', 'SUPPLEMENTAL_TEXT_UNREADABLE', warnings);
    const repeated = Object.keys(supplemental ?? {}).filter((key) => Object.hasOwn(keywords, key));
    for (const [key, value] of Object.entries(supplemental ?? {})) if (!Object.hasOwn(keywords, key)) keywords[key] = value;
    if (repeated.length > 0) {
      warnings.push(makeWarning('DUPLICATE_KEYWORD', `The supplemental TEXT repeats keywords of the primary TEXT (${listForMessage(repeated)}); the primary values were kept.`));
    }
  }
  const avoid = [textRange, ...occupied, ...(supplementalRange ? [supplementalRange] : [])];
  const analysisRange = resolveAnalysisSegment(header, keywords, availableBytes, avoid, warnings);
  const analysis = analysisRange ? parseOptionalSegment(source, base, analysisRange, 'ANALYSIS', 'ANALYSIS_UNREADABLE', warnings) : null;

  const spillover = readSpillover(keywords, channels, warnings);
  warnings.push(...scalingWarnings(channels, keywords));
  const segmentEnds = [header.textEnd, dataRange?.end ?? 0, analysisRange?.end ?? 0, supplementalRange?.end ?? 0];
  return {
    dataset: {
      index,
      byteOffset: base,
      version: header.version,
      datatype: dataType,
      byteOrder: datasetByteOrder(keywords, layout),
      eventCount,
      channels,
      columns,
      keywords,
      analysis,
      spillover,
      warnings,
    },
    nextDataOffset: parseCount(keywords['$NEXTDATA']) ?? 0,
    lastByte: Math.max(...segmentEnds),
  };
}
