/** The samples open in this worker: decoded files and their analysis sessions, keyed by the UI's sample id. */
import { usableFileSpillover } from '../src/analysis/fileSpillover.ts';
import { SampleSession } from '../src/analysis/sampleSession.ts';
import { channelUnit, cytometerOf, describeChannel } from '../src/analysis/summary.ts';
import { defaultDatasetIndex } from '../src/fcs/scale.ts';
import type { FcsDataset, FcsFile } from '../src/fcs/types.ts';
import type { DatasetSummary, SampleId, SampleSummary } from './api.ts';

/** Keywords shown to users and used to name samples; the rest stay in the worker. */
const SHOWN_KEYWORDS = ['$FIL', '$DATE', '$BTIM', '$ETIM', '$SRC', '$SMNO', '$OP', '$INST', '$PROJ', 'TUBE NAME', 'EXPERIMENT NAME', '$WELLID', 'CREATOR'];

interface OpenSample {
  fileName: string;
  byteLength: number;
  fingerprint: string;
  file: FcsFile;
  activeDataset: number;
  session: SampleSession;
}

export class SampleRegistry {
  private readonly samples = new Map<SampleId, OpenSample>();

  add(id: SampleId, fileName: string, byteLength: number, fingerprint: string, file: FcsFile): SampleSummary {
    const activeDataset = defaultDatasetIndex(file);
    this.samples.set(id, { fileName, byteLength, fingerprint, file, activeDataset, session: new SampleSession(file.datasets[activeDataset]) });
    return this.summary(id);
  }

  remove(id: SampleId): void {
    this.samples.delete(id);
  }

  selectDataset(id: SampleId, index: number): SampleSummary {
    const sample = this.get(id);
    const dataset = sample.file.datasets[index];
    if (!dataset) throw new RangeError(`${sample.fileName} has no data set ${index + 1}`);
    sample.activeDataset = index;
    sample.session = new SampleSession(dataset);
    return this.summary(id);
  }

  has(id: SampleId): boolean {
    return this.samples.has(id);
  }

  session(id: SampleId): SampleSession {
    return this.get(id).session;
  }

  summary(id: SampleId): SampleSummary {
    const { fileName, byteLength, fingerprint, file, activeDataset } = this.get(id);
    const eventBytes = file.datasets.reduce((sum, dataset) => sum + dataset.columns.reduce((bytes, column) => bytes + column.byteLength, 0), 0);
    return { id, fileName, byteLength, fingerprint, activeDataset, eventBytes, datasets: file.datasets.map(summarizeDataset) };
  }

  private get(id: SampleId): OpenSample {
    const sample = this.samples.get(id);
    if (!sample) throw new RangeError(`sample ${id} is not open`);
    return sample;
  }
}

function summarizeDataset(dataset: FcsDataset): DatasetSummary {
  // The UI compensates with the file's matrix only when it can: an unusable one is a note, not a fault.
  const { spillover, note } = usableFileSpillover(dataset);
  const keywords: Record<string, string> = {};
  for (const key of SHOWN_KEYWORDS) if (dataset.keywords[key]) keywords[key] = dataset.keywords[key];
  return {
    index: dataset.index,
    version: dataset.version,
    datatype: dataset.datatype,
    byteOrder: dataset.byteOrder,
    eventCount: dataset.eventCount,
    cytometer: cytometerOf(dataset),
    channels: dataset.channels.map((c) => ({ index: c.index, name: c.name, label: c.label, display: describeChannel(c), unit: channelUnit(c, dataset) })),
    spillover,
    warnings: note ? [...dataset.warnings, note] : dataset.warnings,
    keywords,
  };
}
