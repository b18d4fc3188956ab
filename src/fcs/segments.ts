import type { ByteSource } from './byteSource.ts';
import { FcsError } from './errors.ts';
import { HEADER_BYTES, type FcsHeader } from './header.ts';
import { parseCount } from './keywordValues.ts';
import type { FcsWarning, Keywords } from './types.ts';
import { makeWarning } from './warnings.ts';

/** A segment's byte range relative to its data set's HEADER; `end` is inclusive as in the FCS 3.1 HEADER. */
export interface SegmentRange {
  start: number;
  end: number;
}

interface Candidate {
  source: 'HEADER' | 'TEXT';
  range: SegmentRange;
}

type Verdict =
  | { kind: 'clean'; offByOne: boolean }
  | { kind: 'doubtful'; reason: string }
  | { kind: 'impossible'; reason: string; beyondFile?: boolean };

function overlaps(a: SegmentRange, b: SegmentRange): boolean {
  return a.start <= b.end && a.end >= b.start;
}

function describe(range: SegmentRange): string {
  return `bytes ${range.start}-${range.end}`;
}

/** HEADER offsets of 0,0 (or a "split" start,0) mean "look in TEXT" (FCS 3.0/3.1 HEADER rules for files over 99,999,999 bytes). */
function headerCandidate(start: number | null, end: number | null): Candidate | null {
  if (start === null || end === null || end === 0) return null;
  return { source: 'HEADER', range: { start, end } };
}

function textCandidate(keywords: Keywords, beginKey: string, endKey: string): Candidate | null {
  const start = parseCount(keywords[beginKey]);
  const end = parseCount(keywords[endKey]);
  if (start === null || end === null || (start === 0 && end === 0)) return null;
  return { source: 'TEXT', range: { start, end } };
}

export interface DataSegmentContext {
  header: FcsHeader;
  keywords: Keywords;
  /** Bytes from this data set's HEADER to the end of the file. */
  availableBytes: number;
  /** Bytes that $TOT events need, or null when that is unknown ($TOT missing, delimited ASCII). */
  neededBytes: number | null;
}

function judgeData(candidate: Candidate, context: DataSegmentContext): Verdict {
  const { range } = candidate;
  const text = { start: context.header.textStart, end: context.header.textEnd };
  const length = range.end - range.start + 1;
  const needed = context.neededBytes;
  if (range.start < HEADER_BYTES) return { kind: 'impossible', reason: `they start at byte ${range.start}, inside the HEADER` };
  if (overlaps(range, text)) return { kind: 'impossible', reason: `they overlap the TEXT segment (${describe(text)})` };
  if (length < 0) return { kind: 'impossible', reason: `they end before they start` };
  if (needed !== null && length < needed) {
    return { kind: 'impossible', reason: `they span only ${length} bytes where the $TOT events need ${needed}` };
  }
  const lastNeededByte = range.start + (needed ?? length) - 1;
  if (lastNeededByte >= context.availableBytes) {
    return { kind: 'impossible', reason: `they run past the end of the file (${context.availableBytes} bytes from this data set's start)`, beyondFile: true };
  }
  if (needed === null || length === needed) return { kind: 'clean', offByOne: false };
  if (length === needed + 1) return { kind: 'clean', offByOne: true };
  if (range.end >= context.availableBytes) return { kind: 'doubtful', reason: `the end offset points past the end of the file` };
  return { kind: 'doubtful', reason: `it spans ${length} bytes where the $TOT events need ${needed}` };
}

function unreadableDataError(verdicts: { candidate: Candidate; verdict: Verdict }[]): FcsError {
  const sameRange = verdicts.length === 2 && verdicts[0].candidate.range.start === verdicts[1].candidate.range.start && verdicts[0].candidate.range.end === verdicts[1].candidate.range.end;
  const shown = sameRange ? verdicts.slice(0, 1) : verdicts;
  const reasons = shown.map(({ candidate, verdict }) => {
    const source = sameRange ? 'HEADER and TEXT' : candidate.source;
    return `the ${source} offsets put it at ${describe(candidate.range)}, but ${verdict.kind === 'impossible' ? verdict.reason : ''}`;
  });
  const truncated = verdicts.every((v) => v.verdict.kind === 'impossible' && v.verdict.beyondFile === true);
  return new FcsError(
    truncated ? 'TRUNCATED' : 'BAD_DATA_OFFSETS',
    `${truncated ? 'the file is truncated (its event data are missing): ' : 'the DATA segment cannot be found: '}${reasons.join('; ')}`,
  );
}

/**
 * Chooses the DATA segment. HEADER offsets are taken when they are possible (inside the file, after TEXT,
 * long enough for $TOT events); otherwise $BEGINDATA/$ENDDATA. In the corpus every disagreement resolves
 * this way: Accuri C6 and CyAn have wrong TEXT offsets, Stratedigm's FlowIO test files wrong HEADER ones.
 * Returns null when there is nothing to read (no events).
 */
export function resolveDataSegment(context: DataSegmentContext, warnings: FcsWarning[]): SegmentRange | null {
  if (context.neededBytes === 0) return null;
  const candidates = [
    headerCandidate(context.header.dataStart, context.header.dataEnd),
    textCandidate(context.keywords, '$BEGINDATA', '$ENDDATA'),
  ].filter((c): c is Candidate => c !== null);
  if (candidates.length === 0) {
    throw new FcsError('BAD_DATA_OFFSETS', 'neither the HEADER nor the data offsets ($BEGINDATA/$ENDDATA) say where the events are');
  }
  const verdicts = candidates.map((candidate) => ({ candidate, verdict: judgeData(candidate, context) }));
  const chosen = verdicts.find((v) => v.verdict.kind === 'clean') ?? verdicts.find((v) => v.verdict.kind === 'doubtful');
  if (!chosen) throw unreadableDataError(verdicts);
  const other = verdicts.find((v) => v !== chosen);
  const { range } = chosen.candidate;
  if (other && (other.candidate.range.start !== range.start || other.candidate.range.end !== range.end)) {
    const why = other.verdict.kind === 'clean' ? 'the HEADER is read first' : `the ${other.candidate.source} ones are wrong: ${other.verdict.reason}`;
    warnings.push(
      makeWarning(
        'HEADER_TEXT_MISMATCH',
        `The HEADER and TEXT ($BEGINDATA/$ENDDATA) disagree on where the data are; the ${chosen.candidate.source} offsets (${describe(range)}) were used because ${why}.`,
      ),
    );
  }
  if (chosen.verdict.kind === 'clean' && chosen.verdict.offByOne) {
    warnings.push(makeWarning('OFFSET_OFF_BY_ONE', 'The DATA end offset points one byte past the data (a common writer mistake); the data were read normally.'));
  }
  if (chosen.verdict.kind === 'doubtful') {
    warnings.push(makeWarning('DATA_LENGTH_MISMATCH', `The DATA segment does not match the event count: ${chosen.verdict.reason}; the $TOT events at its start were read.`));
  }
  return range;
}

/** A segment is usable when it lies inside the file, after the HEADER and apart from the given segments. */
function isUsable(range: SegmentRange, availableBytes: number, avoid: SegmentRange[]): boolean {
  return range.start >= HEADER_BYTES && range.end >= range.start && range.end < availableBytes && !avoid.some((a) => overlaps(range, a));
}

/** The ANALYSIS segment from the HEADER, else from $BEGINANALYSIS/$ENDANALYSIS; null when absent or unusable. */
export function resolveAnalysisSegment(
  header: FcsHeader, keywords: Keywords, availableBytes: number, avoid: SegmentRange[], warnings: FcsWarning[],
): SegmentRange | null {
  const candidates = [
    headerCandidate(header.analysisStart, header.analysisEnd),
    textCandidate(keywords, '$BEGINANALYSIS', '$ENDANALYSIS'),
  ].filter((c): c is Candidate => c !== null);
  if (candidates.length === 0) return null;
  const usable = candidates.find((c) => isUsable(c.range, availableBytes, avoid));
  if (!usable) {
    warnings.push(makeWarning('ANALYSIS_UNREADABLE', `The ANALYSIS segment offsets (${describe(candidates[0].range)}) point outside the file or into another segment; it was skipped.`));
    return null;
  }
  return usable.range;
}

/**
 * The supplemental TEXT segment ($BEGINSTEXT/$ENDSTEXT, introduced in FCS 3.0), or null. Writers often leave
 * stale values here, repeat the primary TEXT range, or point at non-TEXT bytes: all are skipped, the
 * first silently (it adds nothing) and the others with a warning.
 */
export function resolveSupplementalText(
  source: ByteSource, base: number, keywords: Keywords, primary: SegmentRange, delimiter: number, avoid: SegmentRange[], warnings: FcsWarning[],
): SegmentRange | null {
  const candidate = textCandidate(keywords, '$BEGINSTEXT', '$ENDSTEXT');
  if (!candidate) return null;
  const { range } = candidate;
  if (range.start === primary.start && range.end === primary.end) return null;
  const availableBytes = source.size - base;
  if (!isUsable(range, availableBytes, [primary, ...avoid]) || source.read(base + range.start, base + range.start + 1)[0] !== delimiter) {
    warnings.push(
      makeWarning('SUPPLEMENTAL_TEXT_IGNORED', `The supplemental TEXT offsets ($BEGINSTEXT/$ENDSTEXT, ${describe(range)}) do not point at a separate keyword segment; they were ignored.`),
    );
    return null;
  }
  return range;
}
