/**
 * The ISAC Gating-ML 2.0 compliance suite (../shared/corpus/gatingml, from FlowKit's data/gate_ref): every gate file
 * of its README, read by parseGatingMl and evaluated by GatingEvaluator on data1.fcs read by readFcs — the code path
 * of the app and the CLI — must reproduce each expected per-event membership vector exactly (13,367 events).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { readFcs } from '../fcs/read.ts';
import { channelSourceFromDataset } from '../gating/channelSource.ts';
import { GatingEvaluator } from '../gating/evaluator.ts';
import { corpusDir, describeWithCorpus } from '../testing/corpus.ts';
import { parseGatingMl } from './parse.ts';

const suite = join(corpusDir, 'gatingml', 'gate_ref');

/** Gate file → expected result files, as listed in the suite's README ("Gate files and expected results"). */
const CASES: [string, string[]][] = [
  ['gml_boolean_and1_gate.xml', ['Polygon1', 'Range2', 'And1']],
  ['gml_boolean_and2_gate.xml', ['Polygon1', 'Ellipse1', 'Range1', 'And2']],
  ['gml_boolean_and3_complement_gate.xml', ['Polygon1', 'Ellipse1', 'Range1', 'And3']],
  ['gml_boolean_and4_not_gate.xml', ['Polygon1', 'Ellipse1', 'Range1', 'Not1', 'And4']],
  ['gml_boolean_not1_gate.xml', ['Ellipse1', 'Not1']],
  ['gml_boolean_or1_gate.xml', ['Polygon1', 'Ellipse1', 'Range1', 'Or1']],
  ['gml_boolean_or2_gate.xml', ['Rectangle2', 'FL2P-FL4P', 'FL2N-FL4P', 'FL2N-FL4N', 'FL2P-FL4N', 'Or2']],
  ['gml_ellipse1_gate.xml', ['Ellipse1']],
  ['gml_ellipsoid3d_gate.xml', ['Ellipsoid3D']],
  ['gml_log_ratio_range1_gate.xml', ['RatRange1a']],
  ['gml_matrix_poly4_gate.xml', ['Polygon4']],
  ['gml_matrix_rect3_gate.xml', ['Rectangle3']],
  ['gml_matrix_rect4_gate.xml', ['Rectangle4']],
  ['gml_matrix_rect5_gate.xml', ['Rectangle5']],
  ['gml_matrix_transform_asinh_range1c_gate.xml', ['ScaleRange1c']],
  ['gml_matrix_transform_asinh_range6c_gate.xml', ['ScaleRange6c']],
  ['gml_matrix_transform_hyperlog_range2c_gate.xml', ['ScaleRange2c']],
  ['gml_matrix_transform_hyperlog_range7c_gate.xml', ['ScaleRange7c']],
  ['gml_matrix_transform_linear_range3c_gate.xml', ['ScaleRange3c']],
  ['gml_matrix_transform_logicle_range4c_gate.xml', ['ScaleRange4c']],
  ['gml_matrix_transform_logicle_range5c_gate.xml', ['ScaleRange5c']],
  ['gml_matrix_transform_logicle_range8c_gate.xml', ['ScaleRange8c']],
  ['gml_matrix_transform_logicle_rect1_gate.xml', ['ScaleRect1']],
  ['gml_parent_poly1_boolean_and2_gate.xml', ['Polygon1', 'Ellipse1', 'Range1', 'ParAnd2']],
  ['gml_parent_quadrant_rect_gate.xml', ['FL2P-FL4P', 'FL2N-FL4P', 'FL2N-FL4N', 'FL2P-FL4N', 'ParRectangle1:ParQuadRect']],
  ['gml_parent_range1_boolean_and3_gate.xml', ['Polygon1', 'Ellipse1', 'Range1', 'ParAnd3']],
  ['gml_parent_rect1_rect_par1_gate.xml', ['ScaleRect1', 'ScalePar1']],
  ['gml_poly1_gate.xml', ['Polygon1']],
  ['gml_poly2_gate.xml', ['Polygon2']],
  ['gml_poly3ns_gate.xml', ['Polygon3NS']],
  ['gml_quadrant1_gate.xml', ['FL2P-FL4P', 'FL2N-FL4P', 'FL2N-FL4N', 'FL2P-FL4N']],
  ['gml_quadrant2_gate.xml', ['FSCN-SSCN', 'FSCD-SSCN-FL1N', 'FSCP-SSCN-FL1N', 'FSCD-FL1P', 'FSCN-SSCP-FL1P']],
  ['gml_range_gate.xml', ['Range1']],
  ['gml_range_gate_attr_testing.xml', ['Range1']],
  ['gml_ratio_range1_gate.xml', ['RatRange1']],
  ['gml_ratio_range2_gate.xml', ['RatRange2']],
  ['gml_rect1_gate.xml', ['Rectangle1']],
  ['gml_rect2_gate.xml', ['Rectangle2']],
  ['gml_time_range_gate.xml', ['Range2']],
  ['gml_transform_asinh_range1_gate.xml', ['ScaleRange1']],
  ['gml_transform_hyperlog_range2_gate.xml', ['ScaleRange2']],
  ['gml_transform_linear_range3_gate.xml', ['ScaleRange3']],
  ['gml_transform_log_range6_gate.xml', ['ScaleRange6']],
  ['gml_transform_logicle_range4_gate.xml', ['ScaleRange4']],
  ['gml_transform_logicle_range5_gate.xml', ['ScaleRange5']],
];

/** "GateId" or "GateId:ResultName" when the result file is named differently (ParRectangle1 → Results_ParQuadRect). */
function expectedFile(entry: string): { gateId: string; file: string } {
  const [gateId, result = gateId] = entry.split(':');
  return { gateId, file: join(suite, 'truth', `Results_${result}.txt`) };
}

function readTruth(file: string): Uint8Array {
  const lines = readFileSync(file, 'utf8').split(/\r?\n/).filter((line) => line.trim() !== '');
  return Uint8Array.from(lines, (line) => Number(line.trim()));
}

describeWithCorpus('Gating-ML 2.0 compliance suite on data1.fcs', () => {
  const [dataset] = readFcs(readFileSync(join(suite, 'data1.fcs')), { fileName: 'data1.fcs' }).datasets;

  it('reads data1.fcs as the suite describes (13,367 events, 8 parameters)', () => {
    expect(dataset.eventCount).toBe(13367);
    expect(dataset.channels.map((c) => c.name)).toEqual(['FSC-H', 'SSC-H', 'FL1-H', 'FL2-H', 'FL3-H', 'FL2-A', 'FL4-H', 'Time']);
  });

  it.each(CASES)('%s', (file, entries) => {
    const evaluator = new GatingEvaluator(channelSourceFromDataset(dataset));
    evaluator.update(parseGatingMl(readFileSync(join(suite, 'gml', file), 'utf8')));
    for (const entry of entries) {
      const { gateId, file: truthFile } = expectedFile(entry);
      const truth = readTruth(truthFile);
      expect(truth.length, `${truthFile} length`).toBe(13367);
      const mask = evaluator.mask(gateId);
      let mismatches = 0;
      for (let i = 0; i < truth.length; i++) if (mask[i] !== truth[i]) mismatches++;
      expect(mismatches, `${gateId}: events differing from ${truthFile}`).toBe(0);
    }
  });

  it('evaluates the whole ISAC file gml_all_gates.xml against every expected result', () => {
    const evaluator = new GatingEvaluator(channelSourceFromDataset(dataset));
    evaluator.update(parseGatingMl(readFileSync(join(suite, 'gml', 'gml_all_gates.xml'), 'utf8')));
    // Ellipsoid3D (own file) and ParRectangle1 (Results_ParQuadRect) are not in gml_all_gates.xml; the rest are.
    const results = readdirSync(join(suite, 'truth')).filter((f) => f !== 'Results_ParQuadRect.txt' && f !== 'Results_Ellipsoid3D.txt');
    expect(results.length).toBe(49);
    for (const result of results) {
      const gateId = result.replace(/^Results_/, '').replace(/\.txt$/, '');
      const truth = readTruth(join(suite, 'truth', result));
      const mask = evaluator.mask(gateId);
      let mismatches = 0;
      for (let i = 0; i < truth.length; i++) if (mask[i] !== truth[i]) mismatches++;
      expect(mismatches, `${gateId} in gml_all_gates.xml`).toBe(0);
    }
  });
});
