/**
 * `flowfate apoptosis` on the real instrument layouts of ../shared/corpus/fcs (skipped without it): a FACSCalibur
 * file (heights only, 10-bit log-amplified fluorescence), a Beckman FC500 file (FS/SS, 20-bit) and a FACSCanto II
 * area-only export with log-amplified scatter. None holds an Annexin V/PI stain, so these check that each gates on
 * its own scatter, skips the singlet gate in words, and places a sane quadrant from an "untreated" tube.
 */
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { corpusDir, describeWithCorpus } from '../../testing/corpus.ts';
import { runCaptured } from '../runCaptured.fixtures.ts';

const file = (name: string) => join(corpusDir, 'fcs', name);
const CALIBUR = file('flowcore--BD-FACSCalibur--0877408774.B08');
const FC500 = file('flowio--Beckman-Cytomics-FC500--coulter.lmd');
const CANTO_AREAS = file('flowcal--BD-FACSCantoII--Data002.fcs');

interface Entry {
  events: number;
  cells: number;
  singlets: number | null;
  percentOf: string;
  thresholds: { annexin: number; pi: number };
  thresholdSources: { annexin: string; pi: string };
  percent: Record<'viable' | 'earlyApoptotic' | 'lateApoptotic' | 'necrotic' | 'totalApoptotic', number>;
}

describeWithCorpus('flowfate apoptosis on real instrument layouts', () => {
  // FC500's FL3 holds a stain that is bright on nearly every cell (its median is 233 times FL1's): taken as PI, that
  // is what a DNA stain of fixed cells looks like, and the analysis says so.
  it.each([
    ['FACSCalibur (FSC-H/SSC-H, FL log 4 decades)', CALIBUR, 'FL1-H', 'FL2-H', 1e4, false],
    ['Beckman FC500 (FS/SS)', FC500, 'FL1', 'FL3', 1_048_576, true],
    ['FACSCanto II area-only, log-amplified scatter', CANTO_AREAS, 'FITC-A', 'PE-A', 1e4, false],
  ])('%s: gates cells on its scatter, no singlet gate, a quadrant inside the scale from the untreated tube', async (_, path, annexin, pi, top, allPositive) => {
    const { status, out, err } = await runCaptured(['apoptosis', path, '--annexin', annexin, '--pi', pi, '--untreated', path, '--json']);
    expect(status).toBe(0);
    expect(err).toContain('warning NO_SINGLET_GATE: The files have no pulse pair for a singlet gate');
    expect(err).not.toMatch(/Error|undefined|NaN|at \w+ \(/);
    expect(err.includes('warning VIABILITY_ALL_POSITIVE')).toBe(allPositive);
    const [entry] = JSON.parse(out) as Entry[];
    expect(entry.singlets).toBeNull();
    expect(entry.percentOf).toBe('cells');
    expect(entry.cells).toBeGreaterThan(0.2 * entry.events);
    for (const axis of ['annexin', 'pi'] as const) {
      expect(entry.thresholds[axis]).toBeGreaterThan(0);
      expect(entry.thresholds[axis]).toBeLessThanOrEqual(top);
      expect(entry.thresholdSources[axis]).toBe(`upper edge of the viable population, untreated tube ${path}`);
    }
    const { viable, earlyApoptotic, lateApoptotic, necrotic } = entry.percent;
    expect(viable + earlyApoptotic + lateApoptotic + necrotic).toBeCloseTo(100, 6);
    // The tube sets its own thresholds at the edge of its main population: most of it is "viable".
    expect(viable).toBeGreaterThan(75);
  });

  it('says plainly when the "viability" dye stained every cell: a real PI/RNase DNA file of fixed cells run as apoptosis', async () => {
    const dna = join(corpusDir, 'dna', 'Specimen_001_AX_24_006.fcs');
    const { status, err } = await runCaptured(['apoptosis', dna, '--annexin', 'Alexa Fluor 488-A', '--pi', 'PI-A', '--untreated', dna]);
    expect(status).toBe(0);
    expect(err).toContain(`warning VIABILITY_ALL_POSITIVE (${dna}): The median cell of the untreated tube "${dna}" is 51 times brighter on PI-A (the viability dye) than on Alexa Fluor 488-A (Annexin V)`);
    expect(err).toContain('if it is a DNA-content tube, analyse it as cell cycle.');
  });

  it('without stain names, says which channels could hold each dye instead of guessing', async () => {
    const noPi = await runCaptured(['apoptosis', CALIBUR, '--annexin', 'FL1-H', '--untreated', CALIBUR]);
    expect(noPi.status).toBe(2);
    expect(noPi.err).toBe('flowfate apoptosis: Several channels could hold PI (or another viability dye): FL2-H, FL3-H; give it with --pi.\n');
    const byDetector = await runCaptured(['apoptosis', FC500, '--pi', 'FL3', '--untreated', FC500]);
    expect(byDetector.status).toBe(0);
    expect(byDetector.err).toContain('note: Annexin V is read on FL1 (FL1, the FITC detector of Accuri, FACSCalibur and Beckman instruments); give --annexin to choose.');
  });

  it('without a control, untreated tube or typed threshold, says how to place the quadrant', async () => {
    const { status, err } = await runCaptured(['apoptosis', CALIBUR, '--annexin', 'FL1-H', '--pi', 'FL2-H']);
    expect(status).toBe(1);
    expect(err).toContain('The quadrant cannot be placed: No PI-only control, untreated (dose 0) tube or unstained control was given');
    const typed = await runCaptured(['apoptosis', CALIBUR, '--annexin', 'FL1-H', '--pi', 'FL2-H', '--annexin-threshold', '100', '--pi-threshold', '50', '--json']);
    expect(typed.status).toBe(0);
    const [entry] = JSON.parse(typed.out) as Entry[];
    expect(entry.thresholds).toEqual({ annexin: 100, pi: 50 });
    expect(entry.thresholdSources).toEqual({ annexin: 'typed by hand', pi: 'typed by hand' });
  });
});
