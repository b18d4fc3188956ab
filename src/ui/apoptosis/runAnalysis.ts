/**
 * Runs the guided analysis in the worker and makes its gates the experiment's apoptosis gates as one undoable
 * change; from then on the gating sync brings the live counts, and every gate is edited like any other.
 */
import { setAssayGates } from '../../analysis/gatingDocument.ts';
import type { CytometryClient } from '../../engine/cytometryClient.ts';
import type { AppStore } from '../../state/store.ts';
import { gatesOfRun, handEdits } from './analysisGates.ts';
import { planApoptosisRun } from './setup.ts';

export interface RunOptions {
  /** Keep the Cells/Singlets gates and per-sample quadrant centres the user adjusted since the last run. */
  keepHandEdits: boolean;
}

export async function runApoptosisAnalysis(client: CytometryClient, store: AppStore, { keepHandEdits }: RunOptions): Promise<void> {
  const state = store.getState();
  const edits = keepHandEdits && state.apoptosisRun ? handEdits(state.committedGating, state.apoptosisRun.run) : {};
  const plan = planApoptosisRun(state.samples, state.apoptosisSetup, edits);
  if (!plan.ok) {
    state.apoptosisFailed(plan.problems.join(' '));
    return;
  }
  state.apoptosisStarted();
  try {
    const result = await client.call((worker) => worker.analyseApoptosis(plan.request));
    if (!result.ok) {
      store.getState().apoptosisFailed(result.error.message);
      return;
    }
    const { tree, perSample } = gatesOfRun(result.value);
    // setAssayGates refuses (RangeError) when a gate drawn elsewhere already uses one of the analysis's gate ids.
    store.getState().changeGating((document) => setAssayGates(document, 'apoptosis', tree, perSample));
    store.getState().apoptosisFinished({ run: result.value, setupKey: plan.setupKey });
  } catch (error) {
    // A dead worker (WorkerFailedError) or gates that cannot join the document: the previous results stay.
    store.getState().apoptosisFailed(error instanceof Error ? error.message : String(error));
  }
}
