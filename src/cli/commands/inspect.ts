import type { ScannedDataset } from '../../fcs/read.ts';
import { defaultDatasetIndex } from '../../fcs/scale.ts';
import type { RawColumn } from '../../fcs/types.ts';
import type { CliIo, Command } from '../command.ts';
import { isFileFailure, scanFcsFile } from '../files.ts';

const USAGE = `Usage: flowfate inspect FILE... [--json]

Shows what each FCS file holds: its data sets (version, data type, byte order, events),
channels ($PnN, $PnS, bits, range, amplification, gain and raw min/max/mean), the first
and last 3 events as stored, the spillover matrix and every oddity found ("warnings").

  --json   print a JSON array with one entry per file
Exit status: 0 when every file was read, 1 when any could not be, 2 on bad usage.`;

const SAMPLE_EVENTS = 3;

interface RawStats {
  min: number | null;
  max: number | null;
  mean: number | null;
}

/** Adds a chunk of one channel to its [min, max, sum] at `tallies[at..at+2]` (a plain loop V8 keeps monomorphic per type). */
function tallyColumn(column: RawColumn, tallies: Float64Array, at: number): void {
  let min = tallies[at];
  let max = tallies[at + 1];
  let sum = tallies[at + 2];
  for (let i = 0; i < column.length; i++) {
    const v = column[i];
    if (v < min) min = v;
    if (v > max) max = v;
    sum += v;
  }
  tallies[at] = min;
  tallies[at + 1] = max;
  tallies[at + 2] = sum;
}

/**
 * What inspect shows of a data set's events, gathered in one pass over the chunks the reader hands out: per channel
 * the raw minimum, maximum and sum (added in event order, as a single loop would), and the first and last events.
 */
class EventTally {
  private tallies = new Float64Array(0);
  private count = 0;
  readonly head: number[][] = [];
  /** The last (up to) SAMPLE_EVENTS events seen. */
  tail: number[][] = [];

  add(columns: readonly RawColumn[], firstEvent: number): void {
    if (this.count === 0) this.tallies = Float64Array.from(columns.flatMap(() => [Infinity, -Infinity, 0]));
    for (let c = 0; c < columns.length; c++) tallyColumn(columns[c], this.tallies, 3 * c);
    const length = columns[0]?.length ?? 0;
    const row = (e: number) => columns.map((column) => column[e]);
    for (let e = 0; e < length && firstEvent + e < SAMPLE_EVENTS; e++) this.head.push(row(e));
    const last = Math.min(SAMPLE_EVENTS, length);
    this.tail = [...this.tail, ...Array.from({ length: last }, (_, k) => row(length - last + k))].slice(-SAMPLE_EVENTS);
    this.count += length;
  }

  stats(channel: number): RawStats {
    if (this.count === 0) return { min: null, max: null, mean: null };
    const [min, max, sum] = this.tallies.subarray(3 * channel, 3 * channel + 3);
    return { min, max, mean: sum / this.count };
  }
}

function describeDataset(dataset: ScannedDataset, tally: EventTally) {
  return {
    index: dataset.index,
    version: dataset.version,
    datatype: dataset.datatype,
    byteOrder: dataset.byteOrder,
    events: dataset.eventCount,
    channels: dataset.channels.map((channel, i) => ({
      index: channel.index,
      name: channel.name,
      label: channel.label,
      bits: channel.bits,
      range: channel.range,
      amplification: channel.amplification,
      gain: channel.gain,
      raw: tally.stats(i),
    })),
    head: tally.head,
    tail: tally.tail,
    spillover: dataset.spillover ? { channels: dataset.spillover.channels, matrix: dataset.spillover.matrix } : null,
    warnings: dataset.warnings.map(({ code, message }) => ({ code, message })),
  };
}

type FileReport =
  | { file: string; datasets: ReturnType<typeof describeDataset>[]; defaultDataset: number }
  | { file: string; error: { code: string; message: string } };

async function inspectFile(path: string): Promise<FileReport> {
  const tallies: EventTally[] = [];
  const scanned = await scanFcsFile(path, (index, columns, firstEvent) => (tallies[index - 1] ??= new EventTally()).add(columns, firstEvent));
  if (isFileFailure(scanned)) return scanned;
  const datasets = scanned.map((dataset, i) => describeDataset(dataset, tallies[i] ?? new EventTally()));
  return { file: path, datasets, defaultDataset: defaultDatasetIndex({ datasets: scanned }) };
}

function formatNumber(value: number | null): string {
  if (value === null) return '-';
  return Number.isInteger(value) ? String(value) : value.toPrecision(6);
}

function formatSummary(report: FileReport): string {
  if (isFileFailure(report)) return `${report.file}\n  ERROR ${report.error.code}: ${report.error.message}`;
  const lines = [report.file];
  report.datasets.forEach((d, i) => {
    const chosen = report.datasets.length > 1 && i === report.defaultDataset ? ' (default)' : '';
    lines.push(`  data set ${d.index} of ${report.datasets.length}${chosen}: FCS ${d.version}, $DATATYPE ${d.datatype}, ${d.byteOrder}-endian, ${d.events} events, ${d.channels.length} channels`);
    for (const c of d.channels) {
      const log = c.amplification[0] > 0 ? ` log ${c.amplification.join(',')}` : '';
      const gain = c.gain !== 1 ? ` gain ${c.gain}` : '';
      lines.push(
        `    ${String(c.index).padStart(3)}  ${c.name}${c.label ? ` (${c.label})` : ''}  ${c.bits ?? '*'} bits, range ${c.range}${log}${gain}; raw min ${formatNumber(c.raw.min)}, max ${formatNumber(c.raw.max)}, mean ${formatNumber(c.raw.mean)}`,
      );
    }
    if (d.spillover) lines.push(`  spillover: ${d.spillover.channels.length} channels (${d.spillover.channels.join(', ')})`);
    for (const w of d.warnings) lines.push(`  ! ${w.code}: ${w.message}`);
  });
  return lines.join('\n');
}

export const inspectCommand: Command = {
  name: 'inspect',
  summary: 'Show the data sets, channels, events, spillover and oddities of FCS files',
  usage: USAGE,
  async run(args: string[], io: CliIo): Promise<number> {
    const json = args.includes('--json');
    const unknown = args.filter((a) => a.startsWith('-') && a !== '--json');
    const paths = args.filter((a) => !a.startsWith('-'));
    if (unknown.length > 0 || paths.length === 0) {
      io.err(`${unknown.length > 0 ? `flowfate inspect: unknown option ${unknown[0]}` : 'flowfate inspect: no FCS file given'}\n\n${USAGE}`);
      return 2;
    }
    const reports: FileReport[] = [];
    for (const path of paths) reports.push(await inspectFile(path));
    if (json) {
      const entries = reports.map((r) => (isFileFailure(r) ? r : { file: r.file, datasets: r.datasets }));
      io.out(JSON.stringify(entries, null, 2));
    } else {
      io.out(reports.map(formatSummary).join('\n\n'));
    }
    return reports.some(isFileFailure) ? 1 : 0;
  },
};
