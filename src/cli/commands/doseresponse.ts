import { parseArgs } from 'node:util';
import { fitDoseResponse, type DoseResponseFit } from '../../experiment/doseResponseFit.ts';
import { readDoseResponseTable, type DoseResponseGroup } from '../../experiment/doseResponseTable.ts';
import { detectDelimiter, parseDelimited, spreadsheetTextEncoding } from '../../shared/delimitedText.ts';
import type { CliIo, Command } from '../command.ts';
import { InputFileError, readInputFile } from '../files.ts';

const USAGE = `Usage: flowfate doseresponse TABLE.csv --x COLUMN --y COLUMN [--group COLUMN] [--json]

Fits a four-parameter logistic curve to every group of a table with one row per tube (CSV as Excel,
Sheets or Prism write it: comma, semicolon or tab separated, decimal commas, units in cells such as
"50 nM" or "0,5 uM", "untreated" for dose 0; blank rows and rows without a number are skipped):
  y = Bottom + (Top - Bottom) / (1 + 10^((logEC50 - log10 x) * Hill))
Dose 0 is the curve's untreated plateau. Reports the EC50 (IC50 for a falling response: the
concentration half-way between the fitted plateaus) with its 95 % confidence interval
(logEC50 +/- t(0.975, n - 4) * SE, back-transformed, as GraphPad Prism and R's nls give it), the Hill
slope (positive when the response rises with dose), Bottom and Top, and says in words when the data
cannot define the EC50 (then null).

  --x COLUMN      concentrations (header matched ignoring case and punctuation); their unit is the
                  one written in the cells or the header ("Dose (nM)"), and the EC50 is in it too
  --y COLUMN      the response, e.g. "Viable % of singlets"
  --group COLUMN  one curve per value of this column (e.g. time or cell line); one curve otherwise;
                  rows with no value there and nothing to fit (staining controls) are named on
                  stderr, not reported as a curve
  --json          print a JSON array, one object per group: group, n, ec50, ec50Low, ec50High,
                  hill, bottom, top, warnings (plus unit and concentrations)
Exit status: 0 when the table was read (a group without an EC50 is a result), 1 when it could not
be, 2 on bad usage or a missing column.`;

interface DoseResponseArgs {
  table: string;
  x: string;
  y: string;
  group: string | undefined;
  json: boolean;
}

function parseDoseResponseArgs(args: string[]): DoseResponseArgs {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { x: { type: 'string' }, y: { type: 'string' }, group: { type: 'string' }, json: { type: 'boolean' } },
  });
  if (positionals.length !== 1) throw new TypeError(positionals.length === 0 ? 'the table TABLE.csv is required' : `one table expected, got ${positionals.length}`);
  if (!values.x || !values.y) throw new TypeError('--x COLUMN and --y COLUMN are required');
  return { table: positionals[0], x: values.x, y: values.y, group: values.group, json: values.json ?? false };
}

interface GroupResult {
  group: string;
  n: number;
  ec50: number | null;
  ec50Low: number | null;
  ec50High: number | null;
  hill: number | null;
  bottom: number | null;
  top: number | null;
  warnings: string[];
  unit: string;
  concentrations: number;
}

function groupResult(group: DoseResponseGroup, fit: DoseResponseFit, unit: string): GroupResult {
  const skipped = group.skipped.length === 0 ? [] : [`${group.skipped.length} ${group.skipped.length === 1 ? 'row was' : 'rows were'} left out (${group.skipped.join('; ')}).`];
  return {
    group: group.name, n: fit.n, ec50: fit.ec50, ec50Low: fit.ec50Low, ec50High: fit.ec50High,
    hill: fit.curve?.hill ?? null, bottom: fit.curve?.bottom ?? null, top: fit.curve?.top ?? null,
    warnings: [...fit.warnings, ...skipped], unit, concentrations: fit.concentrationCount,
  };
}

const shown = (value: number | null) => (value === null ? '–' : String(Number(value.toPrecision(4))));

function textReport(results: readonly GroupResult[]): string {
  const header = ['group', 'n', 'EC50', '95 % CI', 'Hill', 'Bottom', 'Top'];
  const rows = results.map((r) => [r.group, String(r.n), shown(r.ec50), r.ec50 === null ? '–' : `${shown(r.ec50Low)} to ${shown(r.ec50High)}`, shown(r.hill), shown(r.bottom), shown(r.top)]);
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((row) => row[c].length)));
  const line = (cells: string[]) => cells.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ');
  const unit = results.find((r) => r.unit !== '')?.unit;
  const notes = results.flatMap((r) => r.warnings.map((w) => `${r.group}: ${w}`));
  return [line(header), ...rows.map(line), ...(unit ? ['', `Concentrations in ${unit}.`] : []), ...notes].join('\n');
}

export const doseresponseCommand: Command = {
  name: 'doseresponse',
  summary: 'Fit 4PL dose-response curves to a table: EC50/IC50 with 95 % CI, Hill slope, plateaus',
  usage: USAGE,
  async run(args: string[], io: CliIo): Promise<number> {
    let options: DoseResponseArgs;
    try {
      options = parseDoseResponseArgs(args);
    } catch (error) {
      if (error instanceof TypeError) {
        io.err(`flowfate doseresponse: ${error.message}\n\n${USAGE}`);
        return 2;
      }
      throw error;
    }
    let text: string;
    try {
      const bytes = await readInputFile(options.table);
      text = new TextDecoder(spreadsheetTextEncoding(bytes)).decode(bytes);
    } catch (error) {
      if (!(error instanceof InputFileError)) throw error;
      io.err(`flowfate doseresponse: ${error.message}`);
      return 1;
    }
    const delimiter = detectDelimiter(text);
    let table;
    try {
      table = readDoseResponseTable(parseDelimited(text, delimiter), { x: options.x, y: options.y, group: options.group }, delimiter === ';');
    } catch (error) {
      if (!(error instanceof RangeError)) throw error;
      io.err(`flowfate doseresponse: ${options.table}: ${error.message}`);
      return 2;
    }
    const results = table.groups.map((group) => groupResult(group, fitDoseResponse(group.points, table.unit), table.unit));
    if (table.ungrouped.length > 0) {
      io.err(`flowfate doseresponse: ${table.ungrouped.length} ${table.ungrouped.length === 1 ? 'row has' : 'rows have'} no ${options.group} and nothing to fit, so ${table.ungrouped.length === 1 ? 'it is' : 'they are'} in no curve (${table.ungrouped.join('; ')}).`);
    }
    io.out(options.json ? JSON.stringify(results, null, 2) : textReport(results));
    return 0;
  },
};
