import { readDataset, type ParsedDataset } from './dataset.ts';
import { FcsError, describeReadFailure } from './errors.ts';
import { HEADER_BYTES } from './header.ts';
import type { FcsDataset, FcsFile } from './types.ts';
import { makeWarning } from './warnings.ts';

function describeDataset(dataset: FcsDataset): string {
  return `FCS ${dataset.version}, ${dataset.channels.length} parameters, ${dataset.eventCount} events`;
}

/**
 * Follows the $NEXTDATA chain (offsets relative to the current data set's HEADER, FCS 3.1 $NEXTDATA).
 * Each next data set must start after every segment of the current one, so the walk always moves
 * forward and never decodes the same bytes twice. A broken later data set is reported, not fatal.
 */
function readAllDatasets(bytes: Uint8Array): FcsDataset[] {
  const datasets: FcsDataset[] = [];
  let parsed: ParsedDataset = readDataset(bytes, 0, 1);
  for (;;) {
    datasets.push(parsed.dataset);
    if (parsed.nextDataOffset === 0) break;
    const current = parsed.dataset;
    const nextBase = current.byteOffset + parsed.nextDataOffset;
    if (parsed.nextDataOffset <= parsed.lastByte || nextBase + HEADER_BYTES > bytes.length) {
      current.warnings.push(
        makeWarning('NEXTDATA_INVALID', `$NEXTDATA (${parsed.nextDataOffset}) does not point at a further data set inside the file; only the data sets before it were read.`),
      );
      break;
    }
    try {
      parsed = readDataset(bytes, nextBase, datasets.length + 1);
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

/**
 * Reads an FCS 2.0, 3.0, 3.1 or 3.2 file. Every oddity that could be handled is a warning on its data set;
 * anything else throws an FcsError whose message names the file and the offending keyword or offset.
 */
export function readFcs(bytes: Uint8Array | ArrayBuffer, options: { fileName?: string } = {}): FcsFile {
  const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  try {
    return { datasets: readAllDatasets(view) };
  } catch (error) {
    if (error instanceof FcsError) throw describeReadFailure(error, options.fileName);
    const detail = error instanceof Error ? error.message : String(error);
    throw describeReadFailure(new FcsError('INTERNAL', `an unexpected problem occurred (${detail}); please report this file`), options.fileName);
  }
}
