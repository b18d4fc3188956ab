import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { logisticValue } from '../../experiment/fourParameterLogistic.ts';
import { createRng } from '../../simulate/rng.ts';
import { sampleNormal } from '../../simulate/samplers.ts';
import { referenceFits, rscriptAvailable } from '../../testing/rReference.ts';
import { runCaptured } from '../runCaptured.fixtures.ts';

const dir = mkdtempSync(join(tmpdir(), 'flowfate-doseresponse-'));
const KEYS = ['group', 'n', 'ec50', 'ec50Low', 'ec50High', 'hill', 'bottom', 'top', 'warnings', 'unit', 'concentrations'];

/** Viable % of triplicate tubes at 24 h and 48 h, as a European Excel saves them: semicolons, decimal commas, units. */
function excelExport(): { path: string; points: Map<string, { concentration: number; response: number }[]> } {
  const rng = createRng(11);
  const doses = [0, 0.003, 0.01, 0.03, 0.1, 0.3, 1];
  const curves = { '24 h': { bottom: 30, top: 92, logEc50: Math.log10(0.12), hill: -1.3 }, '48 h': { bottom: 12, top: 90, logEc50: Math.log10(0.04), hill: -1.6 } };
  const points = new Map<string, { concentration: number; response: number }[]>();
  const lines = ['Time;Concentration;Replicate;Viable % of singlets'];
  for (const [time, curve] of Object.entries(curves)) {
    points.set(time, []);
    for (const dose of doses) {
      for (const replicate of [1, 2, 3]) {
        const response = Number((logisticValue(dose, curve) + sampleNormal(rng, 0, 2.5)).toFixed(2));
        points.get(time)?.push({ concentration: dose, response });
        const cell = dose === 0 ? (replicate === 1 ? 'untreated' : '0') : dose >= 0.03 ? `${String(dose).replace('.', ',')} µM` : `${dose * 1000} nM`;
        lines.push(`${time};${cell};R${replicate};${String(response).replace('.', ',')}`);
      }
    }
    lines.push(';;;');
  }
  const path = join(dir, 'viability.csv');
  writeFileSync(path, `\uFEFF${lines.join('\r\n')}\r\n`);
  return { path, points };
}

describe('flowfate doseresponse', () => {
  const { path, points } = excelExport();

  it('fits every group of a plain table and prints the documented JSON', async () => {
    const { status, out, err } = await runCaptured(['doseresponse', path, '--x', 'concentration', '--y', 'Viable % of singlets', '--group', 'Time', '--json']);
    expect(err).toBe('');
    expect(status).toBe(0);
    const results = JSON.parse(out);
    expect(results.map((r: { group: string }) => r.group)).toEqual(['24 h', '48 h']);
    for (const result of results) {
      expect(Object.keys(result)).toEqual(KEYS);
      expect(result).toMatchObject({ n: 21, unit: 'µM', concentrations: 7, warnings: [] });
      expect(result.hill).toBeLessThan(0);
      expect(result.ec50Low).toBeLessThan(result.ec50);
      expect(result.ec50High).toBeGreaterThan(result.ec50);
    }
    expect(results[0].ec50).toBeGreaterThan(0.06);
    expect(results[0].ec50).toBeLessThan(0.25);
  });

  it.runIf(rscriptAvailable())("gives R's nls EC50 and 95 % CI for each group of the same table", async () => {
    const results = JSON.parse((await runCaptured(['doseresponse', path, '--x', 'Concentration', '--y', 'viable % of singlets', '--group', 'time', '--json'])).out);
    const reference = referenceFits([...points].map(([time, list]) => ({ name: time.replace(' ', ''), points: list })));
    for (const result of results) {
      const r = reference.get(result.group.replace(' ', ''));
      expect(r?.converged).toBe(true);
      if (!r) continue;
      expect(Math.abs(result.ec50 / r.ec50 - 1)).toBeLessThan(1e-5);
      expect(Math.abs(result.ec50Low / r.ec50Low - 1)).toBeLessThan(1e-4);
      expect(Math.abs(result.ec50High / r.ec50High - 1)).toBeLessThan(1e-4);
    }
  });

  it('says when a group cannot define its EC50, and prints a readable table by default', async () => {
    const flat = join(dir, 'flat.csv');
    writeFileSync(flat, 'dose_nM,sub-G1\n0,2.1\n0,2.4\n1,2.2\n10,2.6\n100,2.0\n1000,2.3\n1000,2.5\n');
    const json = JSON.parse((await runCaptured(['doseresponse', flat, '--x', 'dose_nM', '--y', 'sub-G1', '--json'])).out);
    expect(json).toEqual([expect.objectContaining({ group: 'all', n: 7, ec50: null, ec50Low: null, ec50High: null, unit: 'nM' })]);
    expect(json[0].warnings[0]).toMatch(/no EC50/);
    const { out } = await runCaptured(['doseresponse', flat, '--x', 'dose_nM', '--y', 'sub-G1']);
    expect(out).toMatch(/^group\s+n\s+EC50\s+95 % CI\s+Hill\s+Bottom\s+Top\nall\s+7\s+–/);
    expect(out).toContain('Concentrations in nM.');
  });

  it.each([
    [[], 2, /the table TABLE.csv is required/],
    [['t.csv'], 2, /--x COLUMN and --y COLUMN are required/],
    [['missing.csv', '--x', 'a', '--y', 'b'], 1, /Cannot open "missing.csv": no such file/],
  ])('refuses %j with exit status %i', async (args, status, message) => {
    const run = await runCaptured(['doseresponse', ...args]);
    expect(run.status).toBe(status);
    expect(run.err).toMatch(message);
  });

  it('names the missing column and lists the ones there are (exit 2)', async () => {
    const run = await runCaptured(['doseresponse', path, '--x', 'dose', '--y', 'viable']);
    expect(run.status).toBe(2);
    expect(run.err).toContain('no column "dose" (--x); the columns are "Time", "Concentration", "Replicate", "Viable % of singlets"');
  });

  it("reads FlowFate's own results CSV: the staining controls (no time, no dose) are named on stderr, not a curve", async () => {
    const lines = ['File,Role,Concentration (nM),Time (h),Viable (AnnV-/PI-) % of singlets', 'AnnV-PI_unstained.fcs,Unstained,,,96.1'];
    for (const [time, ec50] of [[24, 40], [48, 15]]) {
      for (const dose of [0, 10, 20, 50, 100]) lines.push(`AnnV-PI_${time}h_${dose}nM.fcs,Sample,${dose},${time},${(10 + 80 / (1 + (dose / ec50) ** 1.5)).toFixed(3)}`);
    }
    const table = join(dir, 'apoptosis.csv');
    writeFileSync(table, `${lines.join('\r\n')}\r\n`);
    const { status, out, err } = await runCaptured(['doseresponse', table, '--x', 'Concentration (nM)', '--y', 'Viable (AnnV-/PI-) % of singlets', '--group', 'Time (h)', '--json']);
    expect(status).toBe(0);
    expect(JSON.parse(out).map((r: { group: string; ec50: number }) => [r.group, Number(r.ec50.toPrecision(3))])).toEqual([['24', 40], ['48', 15]]);
    expect(err).toContain('1 row has no Time (h) and nothing to fit, so it is in no curve (line 2: no concentration in "").');
  });
});
