/**
 * `flowfate report` on the demo's 24 h tubes, its workbook read back with an independent reader (exceljs) sheet by
 * sheet: every summary value is the mean, SD and n of the tidy rows it reports; every provenance hash is the file's
 * SHA-256; the EC50s are those of the tidy points (and R's nls on them, when R is installed).
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { summarise } from '../../experiment/conditions.ts';
import { fitDoseResponse } from '../../experiment/doseResponseFit.ts';
import { referenceFits, rscriptAvailable } from '../../testing/rReference.ts';
import { runCaptured } from '../runCaptured.fixtures.ts';

const dir = mkdtempSync(join(tmpdir(), 'flowfate-report-'));
const out = join(dir, 'report.xlsx');
const csvDir = join(dir, 'csv');
let files: string[] = [];
type Row = Record<string, string | number | null>;
const sheets = new Map<string, Row[]>();
let summaryRows: unknown[][] = [];

/** A sheet's rows as header → value, from the first row to the first empty one. */
function rowsOf(sheet: ExcelJS.Worksheet): { rows: Row[]; all: unknown[][] } {
  const all: unknown[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row) => all.push((row.values as unknown[]).slice(1)));
  const header = all[0] as string[];
  const end = all.findIndex((cells, k) => k > 0 && cells.every((c) => c === null || c === undefined));
  const body = all.slice(1, end < 0 ? undefined : end);
  return { rows: body.map((cells) => Object.fromEntries(header.map((h, i) => [h, (cells[i] as string | number | undefined) ?? null]))), all };
}

beforeAll(async () => {
  const demo = join(dir, 'demo');
  expect((await runCaptured(['demo', demo, '--quiet'])).status).toBe(0);
  files = readdirSync(demo).filter((f) => f.endsWith('.fcs') && (!/_\d+h_/.test(f) || f.includes('_24h_'))).map((f) => join(demo, f));
  // The sheet names the compound (the names do not), as a European Excel saves it.
  const sheet = join(dir, 'sheet.csv');
  writeFileSync(sheet, `File;Compound\r\n${files.filter((f) => !/_000nM_|only|unstained/.test(f)).map((f) => `${f.slice(demo.length + 1)};Ixazomib`).join('\r\n')}\r\n`);
  const run = await runCaptured(['report', ...files, '--sheet', sheet, '--name', 'IXZ 24 h', '--out', out, '--csv', csvDir]);
  expect(run.err).toBe('');
  expect(run.status).toBe(0);
  expect(run.out).toBe(`Wrote ${out}: 33 analysed tubes of 33 files, 5 conditions, 9 dose-response curves; CSVs in ${csvDir}.\n`);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(out);
  for (const worksheet of workbook.worksheets) sheets.set(worksheet.name, rowsOf(worksheet).rows);
  summaryRows = rowsOf(workbook.getWorksheet('Summary') as ExcelJS.Worksheet).all;
}, 120_000);

describe('flowfate report', () => {
  it('writes the summary, tidy, per-assay and provenance sheets, and each as CSV named after the experiment and day', () => {
    expect([...sheets.keys()]).toEqual(['Summary', 'Tidy', 'Apoptosis', 'Cell cycle', 'Provenance']);
    expect(readdirSync(csvDir).map((f) => f.replace(/\d{4}-\d\d-\d\d/, 'DATE')).toSorted()).toEqual(
      ['apoptosis', 'cell cycle', 'ec50', 'provenance', 'summary', 'tidy'].map((t) => `IXZ 24 h DATE ${t}.csv`),
    );
    const tidy = sheets.get('Tidy') ?? [];
    expect(Object.keys(tidy[0])).toEqual([
      'File', 'Assay', 'Role', 'Cell line', 'Compound', 'Concentration (nM)', 'Time (h)', 'Replicate', 'Condition label', 'Condition', 'Population', 'Parent', 'Count', '% of parent', 'Reported as',
    ]);
    expect(tidy.find((r) => r.File === 'AnnV-PI_24h_050nM_R2.fcs' && r.Population === 'Viable (AnnV-/PI-)')).toMatchObject({ Compound: 'Ixazomib', 'Concentration (nM)': 50, Replicate: '2', Parent: 'Singlets' });
    expect(Object.keys(sheets.get('Apoptosis')?.[0] ?? {}).slice(0, 4)).toEqual(['File', 'Assay', 'Role', 'Cell line']);
  });

  it('has in every summary cell the mean, SD and n of the tidy rows of that condition and percentage', () => {
    const tidy = sheets.get('Tidy') ?? [];
    const summary = sheets.get('Summary') ?? [];
    expect(summary.map((r) => r.Condition)).toEqual(['MM1S-like · untreated · 24 h', ...[10, 20, 50, 100].map((d) => `MM1S-like · Ixazomib ${d} nM · 24 h`)]);
    let checked = 0;
    for (const row of summary) {
      for (const column of Object.keys(row).filter((c) => c.endsWith(' mean'))) {
        const measure = column.slice(0, -' mean'.length);
        const values = tidy.filter((t) => t.Condition === row.Condition && t['Reported as'] === measure).map((t) => Number(t['% of parent']));
        const { mean, sd, n } = summarise(values);
        expect(row[column]).toBeCloseTo(mean, 10);
        expect(row[`${measure} SD`]).toBeCloseTo(sd, 10);
        expect(row[`${measure} n`]).toBe(n);
        expect(n).toBe(3);
        checked++;
      }
    }
    expect(checked).toBe(5 * 9);
  });

  it('lists every file with the SHA-256 of its bytes, its gates and the FlowFate version', () => {
    const provenance = sheets.get('Provenance') ?? [];
    for (const file of files) {
      const name = file.slice(file.lastIndexOf('/') + 1);
      const rows = provenance.filter((r) => r.File === name);
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) expect(row['SHA-256']).toBe(createHash('sha256').update(readFileSync(file)).digest('hex'));
    }
    const quadrant = provenance.find((r) => r.File === 'AnnV-PI_24h_050nM_R1.fcs' && r['Gate type'] === 'quadrant');
    expect(quadrant).toMatchObject({ 'Gate path': 'All events / Cells / Singlets / Annexin V × PI', 'Data set': '1 of 1', 'FlowFate version': expect.stringMatching(/^\d+\.\d+\.\d+/) });
    expect(String(quadrant?.Compensation)).toMatch(/^file's \$SPILLOVER: FITC-A→PE-A 0\.\d+/);
    expect(String(provenance.find((r) => r.File === 'PI-DNA_24h_050nM_R1.fcs' && r['Gate type'] === 'quadrant')?.['Gate path'])).toBe('All events / DNA singlets / Cell cycle phases');
  });

  it("gives each curve the EC50 of its tidy points, as R's nls does", async () => {
    const title = summaryRows.findIndex((cells) => cells[0] === 'EC50 of each dose-response curve (4-parameter logistic)');
    const header = summaryRows[title + 1] as string[];
    const ec50 = summaryRows.slice(title + 2).map((cells) => Object.fromEntries(header.map((h, i) => [h, cells[i]])));
    expect(ec50).toHaveLength(9);
    const viable = ec50.find((r) => r.Measure === 'Viable (AnnV-/PI-) % of singlets');
    const tidy = (sheets.get('Tidy') ?? []).filter((t) => t['Reported as'] === 'Viable (AnnV-/PI-) % of singlets' && Boolean(t.Condition));
    const points = tidy.map((t) => ({ concentration: Number(t['Concentration (nM)']), response: Number(t['% of parent']) }));
    expect(points).toHaveLength(15);
    const fit = fitDoseResponse(points, 'nM');
    expect(viable?.['EC50 (nM)']).toBeCloseTo(fit.ec50 ?? Number.NaN, 8);
    expect(viable?.['Hill slope']).toBeLessThan(0);
    if (!rscriptAvailable()) return;
    const r = referenceFits([{ name: 'viable', points }]).get('viable');
    expect(Math.abs(Number(viable?.['EC50 (nM)']) / (r?.ec50 ?? Number.NaN) - 1)).toBeLessThan(1e-5);
    expect(Math.abs(Number(viable?.['EC50 95% CI low (nM)']) / (r?.ec50Low ?? Number.NaN) - 1)).toBeLessThan(1e-4);
  });
});
