import { type ByteSource, bytesSource } from './byteSource.ts';
import { type EventHandling, readDataset, type ParsedDataset } from './dataset.ts';
import type { ChunkVisitor } from './decodeBinary.ts';
import { FcsError, describeReadFailure } from './errors.ts';
import { HEADER_BYTES } from './header.ts';
import type { FcsDataset, FcsFile, RawColumn } from './types.ts';
import { makeWarning } from './warnings.ts';

export interface ReadOptions {
  /** Names the file in error messages. */
  fileName?: string;
  /**
   * Refuses (FcsError TOO_LARGE), before reading its events, a file whose decoded columns would need more than
   * `bytes`; `advice` ends the message with what the user can do instead.
   */
  memoryLimit?: { bytes: number; advice: string };
}

const megabytes = (bytes: number) => `${(bytes / 1e6).toLocaleString('en', { maximumFractionDigits: bytes < 1e7 ? 1 : 0 })} MB`;

/** Keeps the running total of column bytes under the limit, refusing before the DATA segment that would pass it. */
function reserveWithin(limit: ReadOptions['memoryLimit']): EventHandling['reserve'] {
  if (!limit) return undefined;
  let reserved = 0;
  return (columnBytes, eventCount, parameterCount) => {
    reserved += columnBytes;
    if (reserved <= limit.bytes) return;
    throw new FcsError(
      'TOO_LARGE',
      `it holds ${eventCount.toLocaleString('en')} events of ${parameterCount} parameters, which need ${megabytes(reserved)} of memory once read, more than the ${megabytes(limit.bytes)} available; ${limit.advice}`,
    );
  };
}

function describeDataset(dataset: FcsDataset): string {
  return `FCS ${dataset.version}, ${dataset.channels.length} parameters, ${dataset.eventCount} events`;
}

/**
 * Follows the $NEXTDATA chain (offsets relative to the current data set's HEADER, FCS 3.1 $NEXTDATA).
 * Each next data set must start after every segment of the current one, so the walk always moves
 * forward and never decodes the same bytes twice. A broken later data set is reported, not fatal.
 */
function readAllDatasets(source: ByteSource, events: (datasetIndex: number) => EventHandling): FcsDataset[] {
  const datasets: FcsDataset[] = [];
  let parsed: ParsedDataset = readDataset(source, 0, 1, events(1));
  for (;;) {
    datasets.push(parsed.dataset);
    if (parsed.nextDataOffset === 0) break;
    const current = parsed.dataset;
    const nextBase = current.byteOffset + parsed.nextDataOffset;
    if (parsed.nextDataOffset <= parsed.lastByte || nextBase + HEADER_BYTES > source.size) {
      current.warnings.push(
        makeWarning('NEXTDATA_INVALID', `The pointer to a further data set ($NEXTDATA ${parsed.nextDataOffset}) does not point inside the file; only the data sets before it were read.`),
      );
      break;
    }
    try {
      parsed = readDataset(source, nextBase, datasets.length + 1, events(datasets.length + 1));
    } catch (error) {
      if (!(error instanceof FcsError)) throw error;
      current.warnings.push(makeWarning('NEXTDATA_INVALID', `The next data set (at byte ${nextBase}) could not be read: ${error.message}.`));
      break;
    }
  }
  if (datasets.length > 1) {
    for (const dataset of datasets) {
      dataset.warnings.push(
        makeWarning(
          'MULTIPLE_DATASETS',
          `This file holds ${datasets.length} data sets (${datasets.map((d) => `${d.index}: ${describeDataset(d)}`).join('; ')}); this is data set ${dataset.index}. Pick the one to analyse.`,
        ),
      );
    }
  }
  return datasets;
}

/** A typed array the engine could not allocate ("Array buffer allocation failed" in V8, a RangeError in every engine). */
function isAllocationFailure(error: unknown): boolean {
  return error instanceof RangeError && /alloc|memory/i.test(error.message);
}

function withReadFailures<T>(fileName: string | undefined, read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof FcsError) throw describeReadFailure(error, fileName);
    if (isAllocationFailure(error)) {
      throw describeReadFailure(new FcsError('TOO_LARGE', 'there is not enough free memory for its events; close other files and try again'), fileName);
    }
    const detail = error instanceof Error ? error.message : String(error);
    throw describeReadFailure(new FcsError('INTERNAL', `an unexpected problem occurred (${detail}); please report this file`), fileName);
  }
}

function asSource(input: Uint8Array | ArrayBuffer | ByteSource): ByteSource {
  if (input instanceof Uint8Array) return bytesSource(input);
  return input instanceof ArrayBuffer ? bytesSource(new Uint8Array(input)) : input;
}

/**
 * Reads an FCS 2.0, 3.0, 3.1 or 3.2 file, from bytes in memory or from a ByteSource (HEADER and TEXT first, then the
 * events chunk by chunk). Every oddity that could be handled is a warning on its data set; anything else throws an
 * FcsError whose message names the file and the offending keyword or offset.
 */
export function readFcs(input: Uint8Array | ArrayBuffer | ByteSource, options: ReadOptions = {}): FcsFile {
  const reserve = reserveWithin(options.memoryLimit);
  return withReadFailures(options.fileName, () => ({ datasets: readAllDatasets(asSource(input), () => ({ reserve })) }));
}

/** A data set as scanFcs reports it: everything but its columns. */
export type ScannedDataset = Omit<FcsDataset, 'columns'>;

/** Receives one data set's events chunk by chunk: per channel a view of the chunk's raw values, valid during the call. */
export type EventScanner = (datasetIndex: number, columns: readonly RawColumn[], firstEvent: number) => void;

/**
 * Reads a file like readFcs but hands every data set's events to `scan` chunk by chunk instead of keeping them: a
 * pass over the events (statistics, the first and last events) in memory the size of one chunk.
 */
export function scanFcs(source: ByteSource, scan: EventScanner, options: Pick<ReadOptions, 'fileName'> = {}): ScannedDataset[] {
  const events = (datasetIndex: number): EventHandling => ({ visit: ((columns, firstEvent) => scan(datasetIndex, columns, firstEvent)) satisfies ChunkVisitor });
  return withReadFailures(options.fileName, () => readAllDatasets(source, events).map(({ columns: _columns, ...dataset }) => dataset));
}
