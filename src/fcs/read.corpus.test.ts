import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { corpusDir, describeWithCorpus } from '../testing/corpus.ts';
import { comparedWith, fileLikeSource } from './byteSource.fixtures.ts';
import { FcsError } from './errors.ts';
import { readFcs } from './read.ts';
import { isTimeChannel, scaledColumn } from './scale.ts';
import type { FcsDataset } from './types.ts';

/** The parts of a corpus `.ref.json` this test uses (see ../shared/corpus/MANIFEST.md). */
interface RefStats {
  pnn: string;
  min: number;
  max: number;
  mean: number;
}
interface RefValues {
  events_decoded?: number;
  raw_stats?: RefStats[];
  first_events?: number[][];
  last_events?: number[][];
}
interface RefSpill {
  n?: number;
  parameters?: string[];
  matrix?: number[][];
  error?: string;
}
interface RefDataset extends RefValues {
  version: string | null;
  datatype: string | null;
  endianness: 'little' | 'big' | null;
  event_count_tot: number | null;
  channels: { n: number; pnn: string }[] | null;
  spillover?: Record<string, RefSpill> | null;
  independent_numpy_values?: RefValues;
  flowio_preprocessed?: { stats: RefStats[] };
  keyword_parsing_problem?: { channels_empty_value_rule: { pnn: string }[] };
  dataset_byte_offset?: number;
  quirks?: string[];
  reader_disagreements?: string;
}
interface RefFile extends RefDataset {
  file: string;
  additional_datasets?: RefDataset[];
}

const fcsDir = join(corpusDir, 'fcs');
const refFiles = (): string[] => readdirSync(fcsDir).filter((f) => f.endsWith('.ref.json')).toSorted();
const RELATIVE_MEAN_TOLERANCE = 1e-9;
/** An odd chunk size, so that reading a file piece by piece crosses records, values and alignments everywhere. */
const ODD_CHUNK_BYTES = 4093;

function columnStats(column: ArrayLike<number>): { min: number; max: number; mean: number } {
  let min = Infinity;
  let max = -Infinity;
  let sum = 0;
  for (let i = 0; i < column.length; i++) {
    const v = column[i];
    if (v < min) min = v;
    if (v > max) max = v;
    sum += v;
  }
  return { min, max, mean: sum / column.length };
}

function expectRelativelyClose(actual: number, expected: number, tolerance: number, what: string): void {
  const scale = Math.max(Math.abs(expected), 1e-300);
  expect(Math.abs(actual - expected) / scale, `${what}: ${actual} vs ${expected}`).toBeLessThanOrEqual(tolerance);
}

function eventRow(dataset: FcsDataset, event: number): number[] {
  return dataset.columns.map((column) => column[event]);
}

/** FlowIO and FlowIO-based references strip every "$" from TEXT values (MANIFEST.md). */
const flowioName = (name: string) => name.replaceAll('$', '');

function checkRawValues(dataset: FcsDataset, ref: RefDataset): void {
  const values: RefValues = ref.independent_numpy_values ?? ref;
  expect(values.raw_stats, 'reference values present').toBeDefined();
  expect(dataset.eventCount).toBe(values.events_decoded);
  values.raw_stats?.forEach((stats, c) => {
    const actual = columnStats(dataset.columns[c]);
    expect(actual.min, `${stats.pnn} min`).toBe(stats.min);
    expect(actual.max, `${stats.pnn} max`).toBe(stats.max);
    expectRelativelyClose(actual.mean, stats.mean, RELATIVE_MEAN_TOLERANCE, `${stats.pnn} mean`);
  });
  const first = values.first_events ?? [];
  const last = values.last_events ?? [];
  first.forEach((row, e) => expect(eventRow(dataset, e), `event ${e + 1}`).toEqual(row));
  last.forEach((row, k) => {
    const e = dataset.eventCount - last.length + k;
    expect(eventRow(dataset, e), `event ${e + 1}`).toEqual(row);
  });
}

function checkSpillover(dataset: FcsDataset, ref: RefDataset): void {
  const entries = Object.entries(ref.spillover ?? {}).filter(([, spill]) => spill.matrix);
  const source = dataset.spillover?.source ?? null;
  if (entries.length === 0) {
    // FlowIO reads only $SPILLOVER/SPILL/DET_SPILL; a matrix from $COMP or $DFCiTOj has no reference.
    expect(source === null || source === '$COMP' || source === '$DFCiTOj', `spillover from ${source}`).toBe(true);
    return;
  }
  const refKey = source?.replace('$', '').toLowerCase() ?? '';
  const refSpill = Object.fromEntries(entries)[refKey];
  expect(refSpill, `reference has a ${source} matrix`).toBeDefined();
  const names = refSpill.parameters?.map((p) => (/^\d+$/.test(p) ? dataset.channels[Number(p) - 1].name : p));
  expect(dataset.spillover?.channels.map(flowioName)).toEqual(names?.map(flowioName));
  expect(dataset.spillover?.matrix).toEqual(refSpill.matrix);
}

/** Scaled values against FlowIO's preprocess=True, except where FlowIO is known to differ (log $PnE on float data). */
function checkScaling(dataset: FcsDataset, ref: RefDataset): void {
  const stats = ref.flowio_preprocessed?.stats;
  if (!stats || ref.independent_numpy_values) return;
  dataset.channels.forEach((channel, c) => {
    const logOnFloat = channel.amplification[0] > 0 && (channel.datatype === 'F' || channel.datatype === 'D');
    const timestepInvalid = isTimeChannel(channel) && !(Number(dataset.keywords['$TIMESTEP']) > 0);
    if (logOnFloat || timestepInvalid) return;
    const actual = columnStats(scaledColumn(dataset, c));
    expectRelativelyClose(actual.min, stats[c].min, 1e-12, `${channel.name} scaled min`);
    expectRelativelyClose(actual.max, stats[c].max, 1e-12, `${channel.name} scaled max`);
    expectRelativelyClose(actual.mean, stats[c].mean, RELATIVE_MEAN_TOLERANCE, `${channel.name} scaled mean`);
  });
}

/** Quirks (as the corpus describes them) that a user must be told about, and the warning each must raise. */
const QUIRK_WARNINGS: [RegExp, string][] = [
  [/DATA end offset points one byte past the data/, 'OFFSET_OFF_BY_ONE'],
  [/^HEADER DATA (start|end) \d+ != \$(BEGIN|END)DATA/, 'HEADER_TEXT_MISMATCH'],
  [/^EMPTY keyword value/, 'EMPTY_KEYWORD_VALUE'],
  [/integer values have bits above \$PnR/, 'BITS_MASKED'],
  [/^multiple data sets/, 'MULTIPLE_DATASETS'],
  [/not valid UTF-8/, 'TEXT_NOT_UTF8'],
  [/is not a multiple of 8/, 'BITS_NOT_BYTE_MULTIPLE'],
  [/log \$PnE on floating-point data/, 'LOG_ON_FLOAT'],
  [/\$BEGINSTEXT\/\$ENDSTEXT .* point (inside the primary TEXT|at non-TEXT bytes)/, 'SUPPLEMENTAL_TEXT_IGNORED'],
];

/** A real supplemental TEXT segment (quirk "supplemental TEXT segment present (a-b)") must be merged: its first keyword is found. */
function checkSupplementalText(dataset: FcsDataset, ref: RefDataset, bytes: Uint8Array): void {
  for (const quirk of ref.quirks ?? []) {
    const match = /^supplemental TEXT segment present \((\d+)-(\d+)\)/.exec(quirk);
    if (!match) continue;
    const start = dataset.byteOffset + Number(match[1]);
    const delimiter = bytes[start];
    let end = start + 1;
    while (bytes[end] !== delimiter) end++;
    const firstKey = String.fromCharCode(...bytes.subarray(start + 1, end)).trim().toUpperCase();
    expect(dataset.keywords, `supplemental keyword ${firstKey}`).toHaveProperty([firstKey]);
  }
}

function checkWarnings(dataset: FcsDataset, ref: RefDataset): void {
  const codes = dataset.warnings.map((w) => w.code);
  for (const quirk of ref.quirks ?? []) {
    for (const [pattern, code] of QUIRK_WARNINGS) if (pattern.test(quirk)) expect(codes, quirk).toContain(code);
  }
  const logWithZeroOffset = dataset.channels.some((c) => c.datatype === 'I' && c.amplification[0] > 0 && c.amplification[1] === 0);
  if (logWithZeroOffset) expect(codes).toContain('PNE_F2_ZERO');
  for (const warning of dataset.warnings) expect(warning.message.length, warning.code).toBeGreaterThan(20);
}

function checkDataset(dataset: FcsDataset, ref: RefDataset, bytes: Uint8Array): void {
  expect(dataset.version).toBe(ref.version);
  expect(dataset.datatype).toBe(ref.datatype);
  expect(dataset.byteOrder).toBe(ref.endianness);
  expect(dataset.eventCount).toBe(ref.event_count_tot);
  const refNames = (ref.keyword_parsing_problem?.channels_empty_value_rule ?? ref.channels ?? []).map((c) => c.pnn);
  expect(dataset.channels.map((c) => flowioName(c.name))).toEqual(refNames);
  checkRawValues(dataset, ref);
  checkSpillover(dataset, ref);
  checkScaling(dataset, ref);
  checkWarnings(dataset, ref);
  checkSupplementalText(dataset, ref, bytes);
}

describeWithCorpus('readFcs against the corpus reference values', () => {
  it('covers all 44 corpus files', () => expect(refFiles()).toHaveLength(44));

  for (const refName of refFiles()) {
    const ref = JSON.parse(readFileSync(join(fcsDir, refName), 'utf8')) as RefFile;
    it(ref.file, () => {
      const bytes = readFileSync(join(fcsDir, ref.file));
      const fromFile = () => readFcs(fileLikeSource(bytes, ODD_CHUNK_BYTES), { fileName: ref.file });
      if (!ref.version) {
        expect(() => readFcs(bytes, { fileName: ref.file })).toThrow(FcsError);
        expect(() => readFcs(bytes, { fileName: ref.file })).toThrow(`Cannot read "${ref.file}"`);
        expect(fromFile).toThrow(`Cannot read "${ref.file}"`);
        return;
      }
      const file = readFcs(bytes, { fileName: ref.file });
      expect(comparedWith(fromFile(), file), 'read piece by piece as from a file').toEqual(comparedWith(file, file));
      const refs = [ref, ...(ref.additional_datasets ?? [])];
      expect(file.datasets).toHaveLength(refs.length);
      refs.forEach((datasetRef, i) => {
        expect(file.datasets[i].byteOffset).toBe(datasetRef.dataset_byte_offset ?? 0);
        checkDataset(file.datasets[i], datasetRef, bytes);
      });
    });
  }
});
