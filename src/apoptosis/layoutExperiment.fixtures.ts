/**
 * Simulated Annexin V/PI experiments with known answers on other instruments (src/simulate/layouts.ts) and with
 * messier biology, as real files: each tube is written with writeFcs in the layout's $DATATYPE and read back with
 * readFcs. The series: unstained, Annexin V-only and PI-only controls, an untreated tube, and 10, 25, 50 and 100 nM
 * of the ixazomib-like drug, at one exposure time.
 */
import { SampleSession } from '../analysis/sampleSession.ts';
import { readFcs } from '../fcs/read.ts';
import { writeFcs } from '../fcs/write.ts';
import { simulateApoptosisSample, type ApoptosisBiology, type ApoptosisStain, type ApoptosisTruth } from '../simulate/apoptosisModel.ts';
import { apoptosisParamsForTreatment } from '../simulate/drugResponse.ts';
import { inLayout, type InstrumentLayoutName } from '../simulate/layouts.ts';
import type { ApoptosisTube } from './experiment.ts';
import type { ApoptosisRole } from './populations.ts';

export interface LayoutExperimentOptions {
  layout: InstrumentLayoutName;
  biology: ApoptosisBiology;
  baseSeed: number;
  /** Keep the stain names in $PnS (default true). */
  stainLabels?: boolean;
  timeH?: number;
  eventCount?: number;
}

export interface LayoutTube {
  tube: ApoptosisTube;
  doseNm: number;
  truth: ApoptosisTruth;
}

const SERIES: readonly { role: ApoptosisRole; stain: ApoptosisStain; doseNm: number }[] = [
  { role: 'unstained', stain: 'unstained', doseNm: 0 },
  { role: 'annexinOnly', stain: 'annexinOnly', doseNm: 0 },
  { role: 'piOnly', stain: 'piOnly', doseNm: 0 },
  { role: 'untreated', stain: 'annexinAndPi', doseNm: 0 },
  ...[10, 25, 50, 100].map((doseNm) => ({ role: 'sample' as const, stain: 'annexinAndPi' as const, doseNm })),
];

export function layoutExperiment(options: LayoutExperimentOptions): LayoutTube[] {
  const timeH = options.timeH ?? 48;
  return SERIES.map(({ role, stain, doseNm }, i) => {
    const name = `${options.layout}_${role}_${doseNm}nM.fcs`;
    const params = { ...apoptosisParamsForTreatment(doseNm, timeH, options.eventCount ?? 20_000, stain), biology: options.biology };
    const simulated = inLayout(simulateApoptosisSample(params, options.baseSeed * 100 + i, { fileName: name }), options.layout, { stainLabels: options.stainLabels ?? true });
    const file = readFcs(writeFcs(simulated.input, { datatype: simulated.datatype, byteOrder: 'big' }), { fileName: name });
    return { tube: { name, role, session: new SampleSession(file.datasets[0]) }, doseNm, truth: simulated.truth };
  });
}
