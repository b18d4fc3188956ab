import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DemoManifest } from '../../simulate/experiment.ts';
import { corpusDir, describeWithCorpus } from '../../testing/corpus.ts';
import { type CapturedRun, runCaptured } from '../runCaptured.fixtures.ts';

function run(args: string[]): Promise<CapturedRun> {
  return runCaptured(args);
}

const dir = mkdtempSync(join(tmpdir(), 'flowfate-cellcycle-'));
const path = (name: string) => join(dir, name);
const SAMPLES = ['24h', '48h'].flatMap((t) => ['000', '010', '020', '050', '100'].map((d) => `PI-DNA_${t}_${d}nM_R1.fcs`));
let manifest: DemoManifest;

// Writing the 63-file demo takes 5–7 s on a loaded machine, beyond Vitest's 10 s hook limit when the suite runs in parallel.
beforeAll(async () => {
  expect((await run(['demo', dir, '--quiet'])).status).toBe(0);
  manifest = JSON.parse(readFileSync(path('manifest.json'), 'utf8'));
}, 120_000);

function truthOf(fileName: string) {
  const entry = manifest.files.find((f) => f.fileName === fileName);
  if (entry?.truth.assay !== 'cellCycle') throw new Error(`no cell-cycle truth for ${fileName}`);
  return entry.truth;
}

/** Issue 7's fields, in their order, then issue 10's (the second population's only when there is one). */
const KEYS = [
  'file', 'singlets', 'subG1Percent', 'model', 'G1', 'S', 'G2M', 'g1Mean', 'g2Mean', 'g1CV', 'g2CV', 'g2g1Ratio', 'rcs', 'debrisPercent',
  'aggregatesPercent', 'flags', 'offScalePercent', 'debrisModelled',
];

describe('flowfate cellcycle on the demo experiment', () => {
  it.each(['--width PI-W', '--height PI-H'])('prints the documented JSON per FILE (%s), within the issue tolerances of the truth', async (pulse) => {
    const { status, out } = await run(['cellcycle', ...SAMPLES.map(path), '--dna', 'PI-A', ...pulse.split(' '), '--json']);
    expect(status).toBe(0);
    const entries = JSON.parse(out);
    expect(entries.map((e: { file: string }) => e.file)).toEqual(SAMPLES.map(path));
    for (const entry of entries) {
      expect(Object.keys(entry)).toEqual(KEYS);
      expect(entry.model).toBe('djf');
      expect(entry.G1 + entry.S + entry.G2M).toBeCloseTo(100, 9);
      const truth = truthOf(entry.file.slice(dir.length + 1));
      const where = `${entry.file}: ${JSON.stringify(entry)}`;
      expect(Math.abs(entry.G1 - 100 * truth.phaseFractions.g0g1), where).toBeLessThanOrEqual(1.5);
      expect(Math.abs(entry.S - 100 * truth.phaseFractions.s), where).toBeLessThanOrEqual(1.5);
      expect(Math.abs(entry.G2M - 100 * truth.phaseFractions.g2m), where).toBeLessThanOrEqual(1.5);
      expect(Math.abs(entry.g1CV - 100 * truth.g1CvMeasured), where).toBeLessThanOrEqual(0.5);
      expect(Math.abs(entry.subG1Percent - 100 * truth.subG1FractionOfSingleCells), where).toBeLessThanOrEqual(1);
      expect(Math.abs(entry.g1Mean / truth.g1MeanPiA - 1)).toBeLessThan(0.01);
      expect(entry.singlets).toBeLessThan(truth.params.eventCount);
    }
  });

  it('writes the CSV table with one row per file and explicit denominators', async () => {
    const csv = path('cellcycle.csv');
    const { status, out } = await run(['cellcycle', ...SAMPLES.map(path), '--dna', 'pi-a', '--width', 'pi-w', '--model', 'rectangle', '--out', csv]);
    expect(status).toBe(0);
    expect(out).toContain(`Wrote ${SAMPLES.length} rows`);
    const lines = readFileSync(csv, 'utf8').split('\r\n');
    // The sample-sheet columns after the file, read from the names as the app reads them.
    expect(lines[0]).toMatch(/^File,Assay,Role,Cell line,Compound,Concentration \(nM\),Time \(h\),Replicate,Condition label,Condition,Model,Singlets,Cycling cells modelled,Sub-G1 % of singlets \(suggested range\),G0\/G1 % of cycling cells \(fit\),S % of cycling cells \(fit\),G2\/M % of cycling cells \(fit\),/);
    expect(lines.slice(1, SAMPLES.length + 1).every((line) => line.includes(',Broadened rectangle,'))).toBe(true);
    expect(lines[SAMPLES.length + 1]).toBe('');
  });

  it('fills the CSV\'s sample-sheet columns from --sheet, a European Excel export naming the compound and cell line', async () => {
    const sheet = path('sheet.csv');
    writeFileSync(sheet, `File;Cell line;Compound\r\n${SAMPLES.slice(1, 3).map((f) => `${f};KMS-11;Ixazomib`).join('\r\n')}\r\n`);
    const csv = path('cellcycle-sheet.csv');
    const { status } = await run(['cellcycle', ...SAMPLES.slice(0, 3).map(path), '--out', csv, '--sheet', sheet]);
    expect(status).toBe(0);
    const [header, ...rows] = readFileSync(csv, 'utf8').split('\r\n').map((line) => line.split(','));
    const cell = (row: string[], name: string) => row[header.indexOf(name)];
    expect(rows.slice(0, 3).map((row) => [cell(row, 'Role'), cell(row, 'Cell line'), cell(row, 'Compound'), cell(row, 'Concentration (nM)'), cell(row, 'Time (h)'), cell(row, 'Replicate')])).toEqual([
      ['Untreated', 'MM1S-like', '', '0', '24', '1'],
      ['Sample', 'KMS-11', 'Ixazomib', '10', '24', '1'],
      ['Sample', 'KMS-11', 'Ixazomib', '20', '24', '1'],
    ]);
    expect((await run(['cellcycle', path(SAMPLES[0]), '--sheet', sheet])).err).toContain('--sheet goes with --out');
  });

  it('prints a text table by default', async () => {
    const { status, out } = await run(['cellcycle', path(SAMPLES[0]), '--dna', 'PI-A', '--width', 'PI-W', '--model', 'watson']);
    expect(status).toBe(0);
    expect(out).toMatch(/^file\s+singlets\s+off-scale %\s+sub-G1 %/);
    expect(out).toContain('G0/G1 + S + G2/M = 100% of the modelled cycling cells');
  });

  it('analyses the other files when one cannot be read or lacks the channel, and exits 1', async () => {
    const { status, out, err } = await run(['cellcycle', path('missing.fcs'), path(SAMPLES[0]), '--dna', 'DAPI-A', '--json']);
    expect(status).toBe(1);
    expect(err).toContain('Cannot open');
    expect(err).toMatch(/No channel is named "DAPI-A" \(--dna\) by \$PnN or \$PnS; the file's channels are FSC-A, FSC-H, SSC-A, PI-A/);
    const entries = JSON.parse(out);
    expect(entries.map((e: { error: { code: string } }) => e.error.code)).toEqual(['FILE_UNREADABLE', 'ANALYSIS_FAILED']);
  });

  it.each([
    [['--dna', 'PI-A'], /no FCS file given/],
    [['x.fcs', '--width', 'PI-W'], /give --dna CH with --width or --height/],
    [['x.fcs', '--dna', 'PI-A', '--width', 'PI-W', '--height', 'PI-H'], /either --width or --height/],
    [['x.fcs', '--dna', 'PI-A', '--model', 'modfit'], /--model must be djf, watson or rectangle/],
    [['x.fcs', '--dna', 'PI-A', '--debris', 'yes'], /--debris must be auto, on or off, got "yes"/],
    [['x.fcs', '--dna', 'PI-A', '--json', '--out', 'a.csv'], /either --json or --out/],
  ])('rejects bad usage %j with status 2', async (args, message) => {
    const { status, err } = await run(['cellcycle', ...args]);
    expect(status).toBe(2);
    expect(err).toMatch(message);
  });
});

const corpus = (name: string) => join(corpusDir, name);

describeWithCorpus('flowfate cellcycle on real DNA files (issue 10)', () => {
  it.each(['djf', 'watson', 'rectangle'])('--model %s: the internal-standard files report both G0/G1 peaks, their DNA index and the off-scale pile-up', async (model) => {
    const files = ['dna/222.LMD', 'dna/248+r.LMD', 'fcs/cytoflow--DNA-PI-genome-size--PU88_12_B200.fcs'].map(corpus);
    const { status, out } = await run(['cellcycle', ...files.slice(0, 2), '--dna', 'FL3-A', '--model', model, '--json']);
    expect(status).toBe(0);
    const [lmd222, lmd248] = JSON.parse(out);
    for (const entry of [lmd222, lmd248]) {
      expect(Object.keys(entry)).toEqual([...KEYS, 'secondG1Mean', 'secondG1CV', 'dnaIndex', 'secondPopulationPercent']);
      expect(entry.flags.map((f: { code: string }) => f.code)).toEqual(expect.arrayContaining(['off-scale', 'second-g1-population']));
      expect(entry.dnaIndex).toBeCloseTo(entry.secondG1Mean / entry.g1Mean, 9);
    }
    expect(lmd222.offScalePercent).toBeGreaterThan(5);
    const pu88 = JSON.parse((await run(['cellcycle', files[2], '--dna', 'PI', '--model', model, '--json'])).out)[0];
    expect(pu88.flags.map((f: { code: string }) => f.code)).toContain('second-g1-population');
    expect(pu88.offScalePercent).toBeLessThan(2);
  });

  it('--debris on|off|auto: auto models the debris slope of a Gallios plant-nuclei file, off leaves it out', async () => {
    const file = corpus('dna/222.LMD');
    const entry = async (debris: string) => JSON.parse((await run(['cellcycle', file, '--dna', 'FL3-A', '--debris', debris, '--json'])).out)[0];
    const [auto, on, off] = [await entry('auto'), await entry('on'), await entry('off')];
    expect([auto.debrisModelled, on.debrisModelled, off.debrisModelled]).toEqual([true, true, false]);
    expect(auto.G1).toBe(on.G1);
    expect(off.debrisPercent).toBe(0);
    expect(on.debrisPercent).toBeGreaterThan(5);
  });

  it('without --dna finds the DNA dye and its pulse pair in each file, says so, and skips singlets where there is none', async () => {
    const files = ['dna/Specimen_001_AI_0_001.fcs', 'dna/222.LMD', 'fcs/cytoflow--DNA-PI-genome-size--PU87_10_B200.fcs'].map(corpus);
    const { status, out, err } = await run(['cellcycle', ...files, '--json']);
    expect(status).toBe(0);
    expect(err).toContain(`channels (${files[0]}): DNA content read from PI-A; singlets gated on PI-A vs PI-W (pulse width).`);
    expect(err).toContain(`channels (${files[1]}): DNA content read from FL3-A; singlets gated on FL3-A vs FL3-H (pulse height).`);
    expect(err).toContain(`channels (${files[2]}): DNA content read from FL1; no pulse width or height of FL1, so singlets are not gated`);
    expect(JSON.parse(out).map((e: { flags: { code: string }[] }) => e.flags.some((f) => f.code === 'second-g1-population'))).toEqual([false, true, true]);
    const panel = await run(['cellcycle', corpus('fcs/fcsparser--BD-LSRFortessa--FCS_3.0_Fortessa_PBS_Specimen_001_A1_A01.fcs'), '--json']);
    expect(panel.status).toBe(1);
    expect(panel.err).toMatch(/Several channels could hold the DNA dye: PerCP-Cy5-5-A, PE-Texas Red-A; give it with --dna CH\./);
  });

  it('one-population human time course: no second population, G2/M above zero with every model, flags in plain words', async () => {
    const file = corpus('dna/Specimen_001_AI_0_001.fcs');
    for (const model of ['djf', 'watson', 'rectangle']) {
      const { status, out, err } = await run(['cellcycle', file, '--dna', 'PI-A', '--width', 'PI-W', '--model', model, '--json']);
      expect(status).toBe(0);
      const [entry] = JSON.parse(out);
      expect(Object.keys(entry)).toEqual(KEYS);
      expect(entry.G2M).toBeGreaterThan(5);
      expect(err).not.toMatch(/Error|undefined|NaN|typed array/i);
    }
  });
});
