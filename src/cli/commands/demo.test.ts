import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readFcs } from '../../fcs/read.ts';
import { DEMO_MANIFEST_VERSION, demoExperiment, simulateDemoFile, type DemoManifest } from '../../simulate/experiment.ts';
import { type CapturedRun, runCaptured } from '../runCaptured.fixtures.ts';

function run(args: string[]): Promise<CapturedRun> {
  return runCaptured(['demo', ...args]);
}

describe('flowfate demo', () => {
  it('writes every demo file and a versioned manifest with each file\'s truth', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'flowfate-demo-')), 'public-demo');
    const { status, out, err } = await run([dir]);
    expect(err).toBe('');
    expect(status).toBe(0);
    const experiment = demoExperiment();
    const expectedNames = [...experiment.files.map((f) => f.fileName), 'manifest.json'];
    expect(readdirSync(dir).toSorted()).toEqual(expectedNames.toSorted());
    expect(out).toMatch(/Wrote 63 FCS files \([\d.]+ MB\) and manifest\.json to .* in [\d.]+ s\./);
    expect(out).toContain('AnnV-PI_48h_100nM_R1.fcs: viable ');

    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as DemoManifest;
    expect(manifest.version).toBe(DEMO_MANIFEST_VERSION);
    expect(manifest.files.map((f) => [f.fileName, f.assay, f.role, f.doseNm, f.timeH])).toEqual(
      experiment.files.map((f) => [f.fileName, f.assay, f.role, f.doseNm, f.timeH]),
    );

    for (const entry of manifest.files) {
      const [dataset] = readFcs(readFileSync(join(dir, entry.fileName)), { fileName: entry.fileName }).datasets;
      expect(dataset.warnings).toEqual([]);
      expect(dataset.eventCount).toBe(entry.eventCount);
      expect(dataset.keywords.$FIL).toBe(entry.fileName);
      expect(dataset.keywords.$CYT).toBe('FACSCantoII');
      expect(dataset.spillover === null).toBe(entry.assay === 'cellCycle');
    }
    // The manifest's truth is the truth of the file on disk: regenerate one tube and compare values.
    const spec = experiment.files.find((f) => f.fileName === 'PI-DNA_24h_050nM_R1.fcs');
    if (!spec) throw new Error('demo lost PI-DNA_24h_050nM_R1.fcs');
    const regenerated = simulateDemoFile(spec);
    const [onDisk] = readFcs(readFileSync(join(dir, spec.fileName))).datasets;
    onDisk.columns.forEach((column, i) => expect(column).toEqual(regenerated.input.columns[i]));
    expect(manifest.files.find((f) => f.fileName === spec.fileName)?.truth).toEqual(JSON.parse(JSON.stringify(regenerated.truth)));
  });

  it.each([
    [[], /the output folder DIR is required/],
    [['a', 'b'], /one folder expected, got 2/],
    [['dir', '--seed=-1'], /seed must be an integer/],
    [['dir', '--seed', ''], /seed must be an integer/],
    [['dir', '--fast'], /Unknown option '--fast'/],
  ])('refuses %j with exit status 2', async (args, message) => {
    const { status, err } = await run(args);
    expect(status).toBe(2);
    expect(err).toMatch(message);
  });
});
