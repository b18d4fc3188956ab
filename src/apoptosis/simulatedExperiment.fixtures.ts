/**
 * Simulated Annexin V/PI experiments with known answers, as real files: the project's simulator writes each tube
 * (the demo series: unstained, Annexin V-only and PI-only controls of untreated cells, then 0, 10, 20, 50 and 100 nM
 * at 24 h and 48 h in up to three replicate cultures), writeFcs encodes it and readFcs decodes it, so tests run the whole path from FCS bytes.
 */
import { SampleSession } from '../analysis/sampleSession.ts';
import { findScatterChannels, isScatterProblem, type ScatterChannels } from '../channels/scatter.ts';
import { readFcs } from '../fcs/read.ts';
import { writeFcs } from '../fcs/write.ts';
import { simulateApoptosisSample, type ApoptosisTruth } from '../simulate/apoptosisModel.ts';
import { apoptosisParamsForTreatment } from '../simulate/drugResponse.ts';
import { demoApoptosisParams, demoExperiment, type DemoFileSpec } from '../simulate/experiment.ts';
import { resolveCompensation } from './compensation.ts';
import type { ApoptosisTube } from './experiment.ts';
import type { GatedControl } from './gatedControl.ts';
import { SINGLETS_ID } from './populations.ts';
import { suggestPreGates } from './preGates.ts';
import { buildPreGateStrategy } from './strategy.ts';

export interface SimulatedTube {
  tube: ApoptosisTube;
  spec: DemoFileSpec;
  truth: ApoptosisTruth;
  /** True class of every event (simulator labels), in file order. */
  labels: Uint8Array;
}

export interface SimulatedExperimentOptions {
  baseSeed?: number;
  /** Replicate cultures per condition (the demo has 3); 1 by default: the first culture of each condition. */
  replicates?: number;
  /** false reproduces files whose $SPILLOVER was lost. */
  writeSpillover?: boolean;
  eventCount?: number;
}


/** One tube of the demo series, through FCS bytes. */
export function simulatedTube(spec: DemoFileSpec, options: SimulatedExperimentOptions = {}): SimulatedTube {
  const params = { ...demoApoptosisParams({ ...spec, eventCount: options.eventCount ?? spec.eventCount }), writeSpilloverKeyword: options.writeSpillover ?? true };
  const simulated = simulateApoptosisSample(params, spec.seed, { fileName: spec.fileName });
  const file = readFcs(writeFcs(simulated.input, { byteOrder: 'big' }), { fileName: spec.fileName });
  return {
    tube: { name: spec.fileName, role: spec.role, session: new SampleSession(file.datasets[0]) },
    spec,
    truth: simulated.truth,
    labels: simulated.labels,
  };
}

/** The apoptosis tubes of the demo experiment (controls first), through FCS bytes. */
export function simulatedExperiment(options: SimulatedExperimentOptions = {}): SimulatedTube[] {
  const replicates = options.replicates ?? 1;
  return demoExperiment(options.baseSeed).files.filter((spec) => spec.assay === 'apoptosis' && spec.replicate <= replicates).map((spec) => simulatedTube(spec, options));
}

/** The scatter channels of a test file, which must have them. */
export function scatterOf(channels: readonly { name: string; label: string | null }[]): ScatterChannels {
  const found = findScatterChannels(channels);
  if (isScatterProblem(found)) throw new Error(`test file ${found.problem}`);
  return found;
}

/** FCS bytes of a simulated 50 nM tube whose $SPILLOVER for FITC-A and PE-A is singular (cannot be inverted). */
export function singularSpilloverFile(): Uint8Array {
  const simulated = simulateApoptosisSample(apoptosisParamsForTreatment(50, 48, 5000), 4242);
  return writeFcs({ ...simulated.input, spillover: { channels: ['FITC-A', 'PE-A'], matrix: [[1, 1], [1, 1]], source: '$SPILLOVER' } });
}

/** The demo tube of a role (a sample at a dose and time), replicate 1. */
export function demoTubeSpec(role: DemoFileSpec['role'], doseNm = 0, timeH = 24): DemoFileSpec {
  const found = demoExperiment().files.find((f) => f.assay === 'apoptosis' && f.role === role && f.doseNm === doseNm && f.timeH === timeH && f.replicate <= 1);
  if (!found) throw new Error(`no ${role} tube at ${doseNm} nM, ${timeH} h`);
  return found;
}

/** A tube pre-gated automatically, as a control (its singlets, the file's compensation). */
export function gatedTube(tube: ApoptosisTube): GatedControl {
  const scatter = scatterOf(tube.session.dataset.channels);
  const preGates = suggestPreGates(tube.session, scatter, tube.name).vertices;
  const compensation = resolveCompensation({ kind: 'file' }, null);
  tube.session.applyStrategy(buildPreGateStrategy({ scatter, fluorescence: { annexin: 'FITC-A', pi: 'PE-A' }, compensation, preGates }));
  return { name: tube.name, session: tube.session, events: tube.session.evaluator.indices(SINGLETS_ID), population: 'singlets' };
}

/** A demo tube through FCS bytes, pre-gated automatically, as a control. */
export function gatedDemoTube(spec: DemoFileSpec, eventCount?: number): GatedControl {
  return gatedTube(simulatedTube(spec, { eventCount }).tube);
}
