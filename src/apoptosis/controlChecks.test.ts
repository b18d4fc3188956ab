/**
 * Controls checked against their roles on simulated tubes written as FCS files: the demo's own controls raise no
 * warning; tubes given the wrong role, and cells on which the viability dye stains everything (as a DNA stain of
 * fixed cells does), are named in plain words.
 */
import { describe, expect, it } from 'vitest';
import { SampleSession } from '../analysis/sampleSession.ts';
import { readFcs } from '../fcs/read.ts';
import { writeFcs } from '../fcs/write.ts';
import { DEFAULT_APOPTOSIS_PARAMS, simulateApoptosisSample } from '../simulate/apoptosisModel.ts';
import { analyseApoptosisExperiment, type ApoptosisAnalysis, type ApoptosisTube } from './experiment.ts';
import type { ApoptosisRole } from './populations.ts';
import { demoTubeSpec, scatterOf, simulatedTube } from './simulatedExperiment.fixtures.ts';
import { DEFAULT_PERCENTILE, DEFAULT_THRESHOLD_RULE } from './thresholds.ts';
import type { ApoptosisWarningCode } from './warnings.ts';

const EVENTS = 8000;
const ROLE_CODES: ApoptosisWarningCode[] = ['CONTROL_NOT_NEGATIVE', 'CONTROL_NOT_SEPARATED', 'VIABILITY_ALL_POSITIVE'];

function demoTube(role: Parameters<typeof demoTubeSpec>[0], doseNm = 0, timeH = 24, as: ApoptosisRole = role): ApoptosisTube {
  return { ...simulatedTube(demoTubeSpec(role, doseNm, timeH), { eventCount: EVENTS }).tube, role: as };
}

/** An untreated-looking tube whose viability dye stained every cell (all cells PI-bright, few Annexin V-bright). */
function everyCellStained(name: string): ApoptosisTube {
  const params = { ...DEFAULT_APOPTOSIS_PARAMS, eventCount: EVENTS, singleCellFractions: { viable: 0, earlyApoptotic: 0, lateApoptotic: 0.05, necrotic: 0.95 } };
  const file = readFcs(writeFcs(simulateApoptosisSample(params, 77).input), { fileName: name });
  return { name, role: 'untreated', session: new SampleSession(file.datasets[0]) };
}

function analyse(tubes: ApoptosisTube[]): ApoptosisAnalysis {
  return analyseApoptosisExperiment(tubes, {
    fluorescence: { annexin: 'FITC-A', pi: 'PE-A' }, scatter: scatterOf(tubes[0].session.dataset.channels), compensation: { kind: 'file' },
    percentile: DEFAULT_PERCENTILE, thresholdRule: DEFAULT_THRESHOLD_RULE,
  });
}

/** "file CODE: message" of every role warning, tube by tube. */
function roleWarnings(analysis: ApoptosisAnalysis): string[] {
  return analysis.tubes.flatMap((t) => t.row.warnings.filter((w) => ROLE_CODES.includes(w.code)).map((w) => `${w.file} ${w.code}: ${w.message}`));
}

describe('controls checked against their roles', () => {
  it('raises nothing on controls that are what they say, with an untreated tube beside them', () => {
    const analysis = analyse([demoTube('unstained'), demoTube('annexinOnly'), demoTube('piOnly'), demoTube('untreated'), demoTube('sample', 50, 48)]);
    expect(roleWarnings(analysis)).toEqual([]);
  });

  it('names a treated sample marked as the unstained control, bright on both dyes', () => {
    const mislabelled = demoTube('sample', 100, 48, 'unstained');
    const warnings = roleWarnings(analyse([mislabelled, demoTube('annexinOnly'), demoTube('piOnly'), demoTube('untreated')]));
    expect(warnings).toEqual([expect.stringMatching(new RegExp(
      `^${mislabelled.name} CONTROL_NOT_NEGATIVE: The unstained control "${mislabelled.name}" holds a separate bright population on FITC-A \\(Annexin V: \\d+% of its singlets\\) and on PE-A \\(the viability dye: \\d+% of its singlets\\) where it should be negative\\. Check the tube's label and staining, or the compensation\\.$`,
    ))]);
  });

  it('names single stains that lack their own dye, once each, saying what the threshold falls back to', () => {
    const unstained = demoTube('unstained', 0, 24, 'annexinOnly');
    const annexinOnly = demoTube('annexinOnly', 0, 24, 'piOnly');
    const warnings = roleWarnings(analyse([unstained, annexinOnly, demoTube('untreated')]));
    expect(warnings.filter((w) => w.startsWith(`${unstained.name} CONTROL_NOT_SEPARATED`))).toEqual([
      `${unstained.name} CONTROL_NOT_SEPARATED: The Annexin V-only control "${unstained.name}" shows no Annexin V-positive cells on FITC-A, the dye it should carry: was it stained, or is it another tube? Its role decides thresholds and compensation. No distinct dye-positive population in the Annexin V-only control: its spread into PI cannot be measured, so the threshold is taken over all its singlets.`,
    ]);
    expect(warnings.filter((w) => w.startsWith(`${annexinOnly.name} CONTROL_NOT_SEPARATED: The PI-only control "${annexinOnly.name}" shows no viability dye-positive cells on PE-A`))).toHaveLength(1);
    expect(warnings.find((w) => w.startsWith(`${annexinOnly.name} CONTROL_NOT_NEGATIVE`))).toContain('holds a separate bright population on FITC-A (Annexin V: ');
  });

  it('says when the viability dye stained nearly every cell of an untreated tube, with controls and without', () => {
    const stained = everyCellStained('fixed-cells_0nM.fcs');
    const withControls = roleWarnings(analyse([demoTube('unstained'), demoTube('annexinOnly'), demoTube('piOnly'), stained]));
    expect(withControls).toEqual([expect.stringMatching(
      /^fixed-cells_0nM\.fcs VIABILITY_ALL_POSITIVE: (9\d|100)% of the singlets of the untreated tube "fixed-cells_0nM\.fcs" are above the 99th percentile of the Annexin V-only control on PE-A: nearly every cell took up the viability dye, as a DNA stain of fixed or permeabilized cells does\./,
    )]);
    const alone = roleWarnings(analyse([stained]));
    expect(alone).toEqual([expect.stringMatching(/^fixed-cells_0nM\.fcs VIABILITY_ALL_POSITIVE: The median cell of the untreated tube "fixed-cells_0nM\.fcs" is \d+ times brighter on PE-A \(the viability dye\) than on FITC-A \(Annexin V\)/)]);
    expect(roleWarnings(analyse([demoTube('untreated')]))).toEqual([]);
  });
});
