import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { SampleSession } from '../../analysis/sampleSession.ts';
import { analyseApoptosisExperiment, type ApoptosisTube } from '../../apoptosis/experiment.ts';
import { DEFAULT_PERCENTILE, DEFAULT_THRESHOLD_RULE } from '../../apoptosis/thresholds.ts';
import { readFcs } from '../../fcs/read.ts';
import { writeFcs } from '../../fcs/write.ts';
import { simulateApoptosisSample } from '../../simulate/apoptosisModel.ts';
import { apoptosisParamsForTreatment } from '../../simulate/drugResponse.ts';
import type { DemoManifest } from '../../simulate/experiment.ts';
import { type CapturedRun, runCaptured } from '../runCaptured.fixtures.ts';
import { scatterOf, singularSpilloverFile } from '../../apoptosis/simulatedExperiment.fixtures.ts';

function run(args: string[]): Promise<CapturedRun> {
  return runCaptured(args);
}

const dir = mkdtempSync(join(tmpdir(), 'flowfate-apoptosis-'));
const path = (name: string) => join(dir, name);
const SAMPLES = ['AnnV-PI_24h_000nM_R1.fcs', 'AnnV-PI_24h_050nM_R1.fcs', 'AnnV-PI_48h_100nM_R1.fcs'];
const CONTROLS = ['--unstained', path('AnnV-PI_unstained.fcs'), '--annexin-only', path('AnnV-PI_AnnV-only.fcs'), '--pi-only', path('AnnV-PI_PI-only.fcs')];
let manifest: DemoManifest;

// Writing the 63-file demo takes 5–7 s on a loaded machine, beyond Vitest's 10 s hook limit when the suite runs in parallel.
beforeAll(async () => {
  expect((await run(['demo', dir, '--quiet'])).status).toBe(0);
  manifest = JSON.parse(readFileSync(path('manifest.json'), 'utf8'));
}, 120_000);

function truthOf(fileName: string) {
  const entry = manifest.files.find((f) => f.fileName === fileName);
  if (entry?.truth.assay !== 'apoptosis') throw new Error(`no apoptosis truth for ${fileName}`);
  return entry.truth.fractionsOfSingleCells;
}

describe('flowfate apoptosis on the demo experiment', () => {
  it('prints one JSON entry per FILE, in the documented shape, within 1.5 points of the true fractions', async () => {
    const { status, out, err } = await run(['apoptosis', ...SAMPLES.map(path), '--annexin', 'FITC-A', '--pi', 'PE-A', ...CONTROLS, '--json']);
    expect(err).toBe(`note: "${path(SAMPLES[0])}" is taken as untreated (dose 0 or "untreated" in the name); give --untreated to choose.\n`);
    expect(status).toBe(0);
    const entries = JSON.parse(out);
    expect(entries.map((e: { file: string }) => e.file)).toEqual(SAMPLES.map(path));
    for (const entry of entries) {
      expect(Object.keys(entry)).toEqual(['file', 'events', 'cells', 'singlets', 'thresholds', 'percent', 'percentOf', 'thresholdSources', 'compensation']);
      expect(entry.thresholdSources.annexin).toMatch(new RegExp(`^upper edge of the viable population, untreated tube .*000nM[^,]*\\.fcs, above the 99th percentile of the PI-only control .*PI-only.fcs \\([\\d.]+\\)$`));
      expect(entry.thresholdSources.pi).toContain('above the 99th percentile of the Annexin V-only control');
      expect(entry.percentOf).toBe('singlets');
      expect(Object.keys(entry.thresholds)).toEqual(['annexin', 'pi']);
      expect(entry.thresholds).toEqual(entries[0].thresholds);
      expect(entry.events).toBe(20_000);
      expect(entry.singlets).toBeLessThanOrEqual(entry.cells);
      const truth = truthOf(entry.file.slice(dir.length + 1));
      for (const key of ['viable', 'earlyApoptotic', 'lateApoptotic', 'necrotic', 'totalApoptotic'] as const) {
        expect(Math.abs(entry.percent[key] - 100 * truth[key]), `${entry.file} ${key}`).toBeLessThanOrEqual(1.5);
      }
    }
  });

  it('gives exactly the numbers of the pipeline the app calls, on the same files', async () => {
    const { out } = await run(['apoptosis', ...SAMPLES.map(path), '--annexin', 'FITC-A', '--pi', 'PE-A', ...CONTROLS, '--json']);
    const open = (name: string, role: ApoptosisTube['role']): ApoptosisTube => ({
      name: path(name), role, session: new SampleSession(readFcs(readFileSync(path(name))).datasets[0]),
    });
    const tubes = [
      open('AnnV-PI_unstained.fcs', 'unstained'), open('AnnV-PI_AnnV-only.fcs', 'annexinOnly'), open('AnnV-PI_PI-only.fcs', 'piOnly'),
      ...SAMPLES.map((s) => open(s, s.includes('_000nM') ? 'untreated' : 'sample')),
    ];
    const analysis = analyseApoptosisExperiment(tubes, {
      fluorescence: { annexin: 'FITC-A', pi: 'PE-A' }, scatter: scatterOf(tubes[0].session.dataset.channels),
      compensation: { kind: 'auto' }, percentile: DEFAULT_PERCENTILE, thresholdRule: DEFAULT_THRESHOLD_RULE,
    });
    const expected = analysis.tubes.slice(3).map(({ row }) => ({
      file: row.file, events: row.events, cells: row.cells, singlets: row.singlets, thresholds: row.thresholds, percent: row.percent,
      percentOf: row.percentOf, thresholdSources: row.thresholdSources, compensation: row.compensation,
    }));
    expect(JSON.parse(out)).toEqual(expected);
  });

  it('matches channels by $PnS case-insensitively', async () => {
    const byLabel = await run(['apoptosis', path(SAMPLES[0]), '--annexin', 'annexin v', '--pi', 'pi', ...CONTROLS, '--json']);
    const byName = await run(['apoptosis', path(SAMPLES[0]), '--annexin', 'fitc-a', '--pi', 'PE-A', ...CONTROLS, '--json']);
    expect(byLabel.status).toBe(0);
    expect(JSON.parse(byLabel.out)).toEqual(JSON.parse(byName.out));
  });

  it('writes the CSV table with --out: a header and one row per FILE carrying the JSON numbers', async () => {
    const csvPath = path('results.csv');
    const { status, out } = await run(['apoptosis', ...SAMPLES.map(path), '--annexin', 'FITC-A', '--pi', 'PE-A', ...CONTROLS, '--out', csvPath]);
    expect(status).toBe(0);
    expect(out).toContain(`Wrote 3 rows to ${csvPath}`);
    const json = JSON.parse((await run(['apoptosis', ...SAMPLES.map(path), '--annexin', 'FITC-A', '--pi', 'PE-A', ...CONTROLS, '--json'])).out);
    const lines = readFileSync(csvPath, 'utf8').split('\r\n');
    expect(lines).toHaveLength(5);
    expect(lines[4]).toBe('');
    const header = lines[0].split(',');
    const column = (name: string) => header.indexOf(name);
    expect(column('Late apoptotic (AnnV+/PI+) % of singlets')).toBeGreaterThan(0);
    // The sample-sheet columns after the file: read from the names, the role the analysis used.
    expect(header.slice(0, 8)).toEqual(['File', 'Assay', 'Role', 'Cell line', 'Compound', 'Concentration (nM)', 'Time (h)', 'Replicate']);
    expect(lines.slice(1, 4).map((line) => [1, 2, 5, 6, 7].map((k) => line.split(',')[k]))).toEqual([
      ['Apoptosis', 'Untreated', '0', '24', '1'],
      ['Apoptosis', 'Sample', '50', '24', '1'],
      ['Apoptosis', 'Sample', '100', '48', '1'],
    ]);
    lines.slice(1, 4).forEach((line, i) => {
      const cells = line.split(',');
      expect(cells[column('File')]).toBe(json[i].file);
      expect(Number(cells[column('Singlets')])).toBe(json[i].singlets);
      expect(Number(cells[column('Late apoptotic (AnnV+/PI+) % of singlets')])).toBeCloseTo(json[i].percent.lateApoptotic, 3);
      expect(Number(cells[column('PI threshold (compensated)')])).toBeCloseTo(json[i].thresholds.pi, 2);
    });
  });

  it('prints a readable table by default, naming the controls the quadrant centre came from', async () => {
    const { status, out } = await run(['apoptosis', path(SAMPLES[2]), '--annexin', 'FITC-A', '--pi', 'PE-A', ...CONTROLS]);
    expect(status).toBe(0);
    expect(out).toContain("Compensation: each file's own spillover matrix");
    expect(out).toContain('99th percentile of the PI-only control');
    expect(out).toContain('total apoptotic %');
  });
});

describe('flowfate apoptosis errors', () => {
  it('reports an unreadable file and a file lacking the channel, exits 1, and still analyses the other files', async () => {
    const missing = path('no-such-file.fcs');
    const noPi = path('no-pi.fcs');
    writeFileSync(noPi, writeFcs({ channels: [{ name: 'FSC-A', range: 1024 }, { name: 'FITC-A', range: 1024 }], columns: [Float32Array.of(1, 2), Float32Array.of(3, 4)] }));
    const { status, out, err } = await run(['apoptosis', missing, path(SAMPLES[0]), noPi, '--annexin', 'FITC-A', '--pi', 'PE-A', ...CONTROLS, '--json']);
    expect(status).toBe(1);
    expect(err).toContain(`Cannot open "${missing}": no such file.`);
    expect(err).toContain(`"${noPi}": no channel named "PE-A" (--pi)`);
    const entries = JSON.parse(out);
    expect(entries.map((e: { file: string }) => e.file)).toEqual([missing, path(SAMPLES[0]), noPi]);
    expect(entries[0].error.code).toBe('FILE_UNREADABLE');
    expect(entries[1].percent.viable).toBeGreaterThan(80);
    expect(entries[2].error.code).toBe('MISSING_CHANNEL');
  });

  it('names a file whose $SPILLOVER cannot be inverted, exits 1, and still writes the other files\' results', async () => {
    const singular = path('singular.fcs');
    writeFileSync(singular, singularSpilloverFile());
    const { status, out, err } = await run(['apoptosis', path(SAMPLES[1]), singular, path(SAMPLES[2]), '--annexin', 'FITC-A', '--pi', 'PE-A', ...CONTROLS, '--json']);
    expect(status).toBe(1);
    expect(err).toContain(`flowfate apoptosis: "${singular}" cannot be compensated: its own spillover matrix ($SPILLOVER) cannot be inverted`);
    const entries = JSON.parse(out);
    expect(entries.map((e: { file: string }) => e.file)).toEqual([path(SAMPLES[1]), singular, path(SAMPLES[2])]);
    expect(entries[0].percent.viable).toBeGreaterThan(0);
    expect(entries[1].error).toEqual({ code: 'NOT_ANALYSED', message: expect.stringContaining('Export the file again with a valid matrix') });
    expect(entries[2].percent.viable).toBeGreaterThan(0);
  });

  it('exits 1 with a clear message when nothing can place the quadrant', async () => {
    const { status, err } = await run(['apoptosis', path(SAMPLES[1]), '--annexin', 'FITC-A', '--pi', 'PE-A']);
    expect(status).toBe(1);
    expect(err).toContain('The quadrant cannot be placed');
    expect(err).toContain('No PI-only control, untreated (dose 0) tube or unstained control was given');
  });

  it.each([
    [[], 'no FCS file given'],
    [['a.fcs', '--annexin', 'FITC-A', '--pi-threshold', 'low'], '--pi-threshold needs a number'],
    [['a.fcs', '--annexin', 'FITC-A', '--pi', 'PE-A', '--json', '--out', 'x.csv'], 'either --json or --out'],
    [['a.fcs', '--annexin', 'FITC-A', '--pi', 'PE-A', '--percentile', '100'], 'at least 50 and below 100'],
    [['a.fcs', '--annexin', 'FITC-A', '--pi', 'PE-A', '--percentile', 'high'], 'at least 50 and below 100, got NaN'],
    [['a.fcs', '--annexin', 'FITC-A', '--pi', 'PE-A', '--compensation', 'magic'], '--compensation must be auto, file, controls or none'],
    [['a.fcs', '--annexin', 'FITC-A', '--pi', 'PE-A', '--colour'], "Unknown option '--colour'"],
  ])('exits 2 with the usage for %j', async (args, message) => {
    const { status, err } = await run(['apoptosis', ...args]);
    expect(status).toBe(2);
    expect(err).toContain(message);
    expect(err).toContain('Usage: flowfate apoptosis');
  });
});

describe('flowfate apoptosis on files without $SPILLOVER', () => {
  const write = (name: string, stain: 'annexinAndPi' | 'annexinOnly' | 'piOnly' | 'unstained', dose: number, seed: number) => {
    const simulated = simulateApoptosisSample({ ...apoptosisParamsForTreatment(dose, 48, 20_000, stain), writeSpilloverKeyword: false }, seed);
    writeFileSync(path(name), writeFcs(simulated.input));
    return simulated.truth;
  };
  const truth = write('nospill-100nM.fcs', 'annexinAndPi', 100, 11);
  write('nospill-annexin-only.fcs', 'annexinOnly', 0, 12);
  write('nospill-pi-only.fcs', 'piOnly', 0, 13);
  const args = ['apoptosis', path('nospill-100nM.fcs'), '--annexin', 'FITC-A', '--pi', 'PE-A', '--annexin-only', path('nospill-annexin-only.fcs'), '--pi-only', path('nospill-pi-only.fcs'), '--json'];

  it('with --compensation file, warns on stderr that FITC spills into PI when compensation is missing', async () => {
    const { status, err } = await run([...args, '--compensation', 'file']);
    expect(status).toBe(0);
    expect(err).toMatch(/warning COMPENSATION_MISSING \(.*nospill-100nM\.fcs\): No compensation is applied, yet FITC-A \(Annexin V\) spills 2\d\.\d% of its signal into PE-A \(PI\)/);
  });

  it.each([[['--compensation', 'controls']], [[]]])('with %j, computes the matrix from the single stains and recovers the true fractions', async (flags) => {
    const { status, out, err } = await run([...args, ...flags]);
    expect(status).toBe(0);
    expect(err).not.toContain('COMPENSATION_MISSING');
    const [entry] = JSON.parse(out);
    expect(entry.compensation).toBe(`computed from the single-stain controls${flags.length === 0 ? ' (chosen automatically)' : ''}`);
    for (const key of ['viable', 'earlyApoptotic', 'lateApoptotic', 'necrotic', 'totalApoptotic'] as const) {
      expect(Math.abs(entry.percent[key] - 100 * truth.fractionsOfSingleCells[key]), key).toBeLessThanOrEqual(1.5);
    }
  });
});
