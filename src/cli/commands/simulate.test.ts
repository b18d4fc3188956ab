import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readFcs } from '../../fcs/read.ts';
import type { FcsDataset } from '../../fcs/types.ts';
import { simulateApoptosisSample } from '../../simulate/apoptosisModel.ts';
import { apoptosisParamsForTreatment } from '../../simulate/drugResponse.ts';
import { type CapturedRun, runCaptured } from '../runCaptured.fixtures.ts';

function run(args: string[]): Promise<CapturedRun> {
  return runCaptured(['simulate', ...args]);
}

function tempPath(name: string): string {
  return join(mkdtempSync(join(tmpdir(), 'flowfate-simulate-')), name);
}

function readDataset(path: string): FcsDataset {
  return readFcs(readFileSync(path), { fileName: path }).datasets[0];
}

describe('flowfate simulate', () => {
  it('writes the apoptosis tube the simulator makes for that dose, time and seed, and prints its truth as JSON', async () => {
    const out = tempPath('nested/AnnV-PI_48h_050nM.fcs');
    const { status, out: printed, err } = await run(['--assay', 'apoptosis', '--events', '3000', '--dose', '50', '--time', '48', '--seed', '9', '--out', out, '--json']);
    expect(err).toBe('');
    expect(status).toBe(0);
    const expected = simulateApoptosisSample(apoptosisParamsForTreatment(50, 48, 3000), 9, { fileName: 'AnnV-PI_48h_050nM.fcs' });
    expect(JSON.parse(printed)).toEqual(JSON.parse(JSON.stringify(expected.truth)));
    const dataset = readDataset(out);
    expect(dataset.eventCount).toBe(3000);
    expect(dataset.byteOrder).toBe('big');
    expect(dataset.keywords.$FIL).toBe('AnnV-PI_48h_050nM.fcs');
    expect(dataset.spillover?.matrix).toEqual(expected.truth.spillover.matrix);
    dataset.columns.forEach((column, i) => expect(column).toEqual(expected.input.columns[i]));
  });

  it('leaves $SPILLOVER out with --no-spillover and writes little-endian on request', async () => {
    const out = tempPath('lost-comp.fcs');
    const { status, out: printed } = await run(['--assay', 'apoptosis', '--events', '500', '--no-spillover', '--byte-order', 'little', '--out', out]);
    expect(status).toBe(0);
    expect(printed).toMatch(/^Wrote .*lost-comp\.fcs \(500 events, [\d,]+ bytes\): viable \d+\.\d%/);
    const dataset = readDataset(out);
    expect(dataset.spillover).toBeNull();
    expect(dataset.byteOrder).toBe('little');
  });

  it('writes a PI DNA file with PI-A/PI-H/PI-W, whose G2/M fraction rises with dose', async () => {
    const untreated = tempPath('PI-DNA_24h_000nM.fcs');
    const treated = tempPath('PI-DNA_24h_100nM.fcs');
    const first = await run(['--assay', 'cellcycle', '--events', '2000', '--out', untreated, '--json']);
    const second = await run(['--assay', 'cellcycle', '--events', '2000', '--dose', '100', '--out', treated, '--json']);
    expect([first.status, second.status]).toEqual([0, 0]);
    expect(JSON.parse(second.out).phaseFractions.g2m).toBeGreaterThan(JSON.parse(first.out).phaseFractions.g2m + 0.15);
    const dataset = readDataset(treated);
    expect(dataset.channels.map((c) => c.name)).toEqual(['FSC-A', 'FSC-H', 'SSC-A', 'PI-A', 'PI-H', 'PI-W', 'Time']);
    expect(dataset.spillover).toBeNull();
  });

  it.each([
    [[], /--assay must be apoptosis or cellcycle, got nothing/],
    [['--assay', 'facs', '--out', 'x.fcs'], /--assay must be apoptosis or cellcycle, got "facs"/],
    [['--assay', 'apoptosis'], /--out FILE.fcs is required/],
    [['--assay', 'apoptosis', '--out', 'x.fcs', '--events', 'many'], /--events needs a number, got "many"/],
    [['--assay', 'apoptosis', '--out', 'x.fcs', '--events', '0'], /eventCount must be an integer in \[1, 10000000\]/],
    [['--assay', 'apoptosis', '--out', 'x.fcs', '--dose=-5'], /doseNm must be in/],
    [['--assay', 'apoptosis', '--out', 'x.fcs', '--dose', '-5'], /To specify an option argument starting with a dash use '--dose=-XYZ'/],
    [['--assay', 'apoptosis', '--out', 'x.fcs', '--seed', '1.5'], /seed must be an integer/],
    [['--assay', 'apoptosis', '--out', 'x.fcs', '--byte-order', 'middle'], /--byte-order must be big or little/],
    [['--assay', 'apoptosis', '--out', 'x.fcs', '--colour', 'red'], /Unknown option '--colour'/],
    [['--assay', 'apoptosis', '--out', 'x.fcs', 'extra'], /unexpected argument "extra"/],
  ])('refuses %j with exit status 2 and says why', async (args, message) => {
    const { status, err, out } = await run(args);
    expect(status).toBe(2);
    expect(err).toMatch(message);
    expect(err).toContain('Usage: flowfate simulate');
    expect(out).toBe('');
  });

  it('exits with status 1 when the file cannot be written', async () => {
    const blocker = tempPath('not-a-folder');
    writeFileSync(blocker, 'x');
    const { status, err } = await run(['--assay', 'apoptosis', '--events', '100', '--out', join(blocker, 'x.fcs')]);
    expect(status).toBe(1);
    expect(err).toMatch(/cannot write ".*not-a-folder.x\.fcs"/);
  });

  it('prints its usage for --help', async () => {
    const { status, out } = await run(['--help']);
    expect(status).toBe(0);
    expect(out).toContain('--no-spillover');
  });
});

describe('flowfate simulate --layout', () => {
  it('writes an apoptosis tube as a FACSCalibur records it, which the apoptosis command then reads', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'flowfate-layout-'));
    const out = join(dir, 'calibur.fcs');
    const written = await runCaptured(['simulate', '--assay', 'apoptosis', '--layout', 'facsCalibur', '--biology', 'messy', '--events', '5000', '--out', out]);
    expect(written.status).toBe(0);
    const inspected = await runCaptured(['inspect', out, '--json']);
    const channels = JSON.parse(inspected.out)[0].datasets[0].channels as { name: string; amplification: number[] }[];
    expect(channels.map((c) => c.name)).toEqual(['FSC-H', 'SSC-H', 'FL1-H', 'FL2-H', 'FL3-H', 'FL2-A', 'Time']);
    expect(channels[2].amplification).toEqual([4, 0]);
    const analysed = await runCaptured(['apoptosis', out, '--untreated', out, '--json']);
    expect(analysed.status).toBe(0);
    expect(JSON.parse(analysed.out)[0].percentOf).toBe('cells');
  });

  it('refuses a layout it does not know, and layouts for cell cycle', async () => {
    expect((await runCaptured(['simulate', '--assay', 'apoptosis', '--layout', 'lsrII', '--out', 'x.fcs'])).err).toContain('--layout must be one of cantoII, cantoAreaOnly');
    expect((await runCaptured(['simulate', '--assay', 'cellcycle', '--layout', 'facsCalibur', '--out', 'x.fcs'])).err).toContain('--layout and --biology are for --assay apoptosis');
  });
});
