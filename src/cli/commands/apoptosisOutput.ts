/** What `flowfate apoptosis` prints: one JSON entry per file, or a readable table with where the quadrant came from. */
import type { ApoptosisAnalysis } from '../../apoptosis/experiment.ts';
import type { ApoptosisResultRow } from '../../apoptosis/results.ts';
import { describeThreshold } from '../../apoptosis/thresholds.ts';
import type { ApoptosisWarning } from '../../apoptosis/warnings.ts';

export function formatWarning(w: ApoptosisWarning): string {
  return `warning ${w.code}${w.file ? ` (${w.file})` : ''}: ${w.message}`;
}

/**
 * One file's JSON entry. The first six fields are the original contract (singlets is null on files without a
 * singlet gate); percentOf names the percentages' denominator, thresholdSources where each threshold came from.
 */
export function jsonEntry(row: ApoptosisResultRow) {
  const { percent } = row;
  return {
    file: row.file,
    events: row.events,
    cells: row.cells,
    singlets: row.singlets,
    thresholds: { annexin: row.thresholds.annexin, pi: row.thresholds.pi },
    percent: { viable: percent.viable, earlyApoptotic: percent.earlyApoptotic, lateApoptotic: percent.lateApoptotic, necrotic: percent.necrotic, totalApoptotic: percent.totalApoptotic },
    percentOf: row.percentOf,
    thresholdSources: { annexin: row.thresholdSources.annexin, pi: row.thresholdSources.pi },
    compensation: row.compensation,
  };
}

export function textTable(rows: readonly ApoptosisResultRow[], analysis: ApoptosisAnalysis): string {
  const { annexin, pi } = analysis.thresholdSources;
  const of = rows[0]?.percentOf ?? 'singlets';
  const header = ['file', 'events', 'cells', of === 'singlets' ? 'singlets' : 'singlets (none)', 'viable %', 'early %', 'late %', 'necrotic %', 'total apoptotic %'];
  const body = rows.map((r) => [
    r.file, String(r.events), String(r.cells), r.singlets === null ? '-' : String(r.singlets),
    ...[r.percent.viable, r.percent.earlyApoptotic, r.percent.lateApoptotic, r.percent.necrotic, r.percent.totalApoptotic].map((p) => p.toFixed(2)),
  ]);
  const widths = header.map((h, c) => Math.max(h.length, ...body.map((cells) => cells[c].length)));
  const line = (cells: string[]) => cells.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ');
  return [
    `Compensation: ${analysis.compensation.description}`,
    `Quadrant centre (compensated data units): Annexin V ${annexin.value.toPrecision(6)} (${describeThreshold(annexin)}), PI ${pi.value.toPrecision(6)} (${describeThreshold(pi)})`,
    `Percentages are of ${of}.`,
    '',
    line(header),
    ...body.map(line),
  ].join('\n');
}
