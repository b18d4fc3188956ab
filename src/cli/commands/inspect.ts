import { defaultDatasetIndex } from '../../fcs/scale.ts';
import type { FcsDataset, RawColumn } from '../../fcs/types.ts';
import type { CliIo, Command } from '../command.ts';
import { isFileFailure, readFcsFile } from '../files.ts';

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

function rawStats(column: RawColumn): RawStats {
  if (column.length === 0) return { min: null, max: null, mean: null };
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

function eventRows(dataset: FcsDataset, from: number, to: number): number[][] {
  const rows: number[][] = [];
  for (let e = Math.max(0, from); e < to; e++) rows.push(dataset.columns.map((column) => column[e]));
  return rows;
}

function describeDataset(dataset: FcsDataset) {
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
      raw: rawStats(dataset.columns[i]),
    })),
    head: eventRows(dataset, 0, Math.min(SAMPLE_EVENTS, dataset.eventCount)),
    tail: eventRows(dataset, dataset.eventCount - SAMPLE_EVENTS, dataset.eventCount),
    spillover: dataset.spillover ? { channels: dataset.spillover.channels, matrix: dataset.spillover.matrix } : null,
    warnings: dataset.warnings.map(({ code, message }) => ({ code, message })),
  };
}

type FileReport =
  | { file: string; datasets: ReturnType<typeof describeDataset>[]; defaultDataset: number }
  | { file: string; error: { code: string; message: string } };

async function inspectFile(path: string): Promise<FileReport> {
  const fcs = await readFcsFile(path);
  if (isFileFailure(fcs)) return fcs;
  return { file: path, datasets: fcs.datasets.map(describeDataset), defaultDataset: defaultDatasetIndex(fcs) };
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
