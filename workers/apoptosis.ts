/**
 * The worker's side of the guided Annexin V/PI analysis, in the three steps the engine's pool runs where each tube
 * lives (src/engine/crossSample.ts puts them together, as `flowfate apoptosis` runs analyseApoptosisExperiment):
 * 1. each worker, for its tubes: can the tube take part (channels, scatter), and its pre-gates;
 * 2. one worker: the experiment's settings from the tubes that set them (controls, untreated tubes);
 * 3. each worker, for its tubes: strategy, counts and results row under those settings.
 * Only small plain data goes between the steps. Every step runs on scratch sessions, so the samples' own gating stays
 * whatever the UI's gating sync last sent.
 */
import { SampleSession } from '../src/analysis/sampleSession.ts';
import { type ApoptosisOptions, type ApoptosisTube } from '../src/apoptosis/analysisInput.ts';
import { analyseTube, type AnalysedTube } from '../src/apoptosis/experiment.ts';
import { experimentSettings, type ApoptosisSettings } from '../src/apoptosis/experimentSettings.ts';
import { isFailedTube, prepareTube, type FailedTube, type PreparedTube } from '../src/apoptosis/preparedTubes.ts';
import { DEFAULT_THRESHOLD_RULE } from '../src/apoptosis/thresholds.ts';
import { describeChannel } from '../src/channels/dyes.ts';
import { findScatterChannels, isScatterProblem } from '../src/channels/scatter.ts';
import type { ApoptosisPreparation, ApoptosisRequest, ApoptosisRequestTube, ApoptosisRunOptions, ApoptosisSettingsRequest, ApoptosisTubesRequest, PreparedRequestTube } from './api.ts';
import type { SampleRegistry } from './sampleRegistry.ts';

function optionsOf(run: ApoptosisRunOptions): ApoptosisOptions {
  return { ...run, thresholdRule: DEFAULT_THRESHOLD_RULE };
}

/** The tube on a scratch session of its sample's data set. */
function scratchTube(registry: SampleRegistry, { sampleId, name, role, thresholdOverride }: Omit<ApoptosisRequestTube, 'preGates'>): ApoptosisTube {
  return { name, role, session: new SampleSession(registry.session(sampleId).dataset), ...(thresholdOverride && { thresholdOverride }) };
}

function prepared(registry: SampleRegistry, tube: PreparedRequestTube): PreparedTube {
  return { tube: scratchTube(registry, tube), preGates: tube.preGates };
}

/** Step 1 for the request's tubes (all living in this worker). */
export function prepareApoptosisTubes(registry: SampleRegistry, request: ApoptosisRequest): ApoptosisPreparation[] {
  return request.tubes.map((tube): ApoptosisPreparation => {
    const { dataset } = registry.session(tube.sampleId);
    const common = { sampleId: tube.sampleId, name: tube.name, role: tube.role, spillover: dataset.spillover };
    const names = new Set(dataset.channels.map((c) => c.name));
    const missing = [request.fluorescence.annexin, request.fluorescence.pi].filter((name) => !names.has(name));
    if (missing.length > 0) {
      return { ...common, scatter: null, outcome: { kind: 'unusable', message: `"${tube.name}" has no ${missing.join(' or ')} channel; its channels are ${dataset.channels.map(describeChannel).join(', ')}.` } };
    }
    const scatter = findScatterChannels(dataset.channels);
    if (isScatterProblem(scatter)) return { ...common, scatter: null, outcome: { kind: 'unusable', message: `"${tube.name}" ${scatter.problem}.` } };
    const result = prepareTube({ ...scratchTube(registry, tube), ...(tube.preGates && { preGates: tube.preGates }) }, scatter);
    return { ...common, scatter, outcome: isFailedTube(result) ? { kind: 'unprepared', failed: result } : { kind: 'prepared', preGates: result.preGates } };
  });
}

/** Step 2: the settings, from the setting tubes (living in this worker, or read into it for the run). */
export function apoptosisSettings(registry: SampleRegistry, { tubes, spillovers, options }: ApoptosisSettingsRequest): ApoptosisSettings {
  return experimentSettings(tubes.map((tube) => prepared(registry, tube)), spillovers.map((spillover) => ({ spillover })), optionsOf(options));
}

/** Step 3 for the request's tubes (all living in this worker), in order. */
export function analyseApoptosisTubes(registry: SampleRegistry, { tubes, settings, options }: ApoptosisTubesRequest): (AnalysedTube | FailedTube)[] {
  return tubes.map((tube) => analyseTube(prepared(registry, tube), settings, optionsOf(options)));
}
