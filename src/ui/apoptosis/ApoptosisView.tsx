import './apoptosis.css';
import { useMemo } from 'react';
import { useShallow } from 'zustand/shallow';
import { useAppStore } from '../../state/store.ts';
import type { ApoptosisRun } from '../../../workers/api.ts';
import { ConditionSummary } from '../experiment/ConditionSummary.tsx';
import { apoptosisTubes } from '../experiment/experimentTubes.ts';
import { HistoryButtons } from '../gating/HistoryButtons.tsx';
import { liveRows } from './liveRows.ts';
import { ResultsPanel } from './ResultsPanel.tsx';
import { SampleReview } from './SampleReview.tsx';
import { SetupPanel } from './SetupPanel.tsx';

/** The guided Annexin V / PI analysis on one screen, top to bottom: setup, review of each sample, results. */
export function ApoptosisView() {
  const hasSamples = useAppStore((s) => s.samples.length > 0);
  const run = useAppStore((s) => s.apoptosisRun?.run ?? null);
  if (!hasSamples) return <p className="hint">Open FCS files or the demo experiment to analyse Annexin V / PI apoptosis.</p>;
  return (
    <div className="apoptosis">
      <div className="apoptosis-header">
        <h2>Annexin V / PI apoptosis</h2>
        <HistoryButtons />
      </div>
      <SetupPanel />
      {run && <LiveResults run={run} />}
    </div>
  );
}

/** Review and results follow every gating change (each step of a drag included); the setup above does not re-render. */
function LiveResults({ run }: { run: ApoptosisRun }) {
  const { samples, gating, committed, results } = useAppStore(useShallow((s) => ({ samples: s.samples, gating: s.gating, committed: s.committedGating, results: s.gatingResults })));
  const rows = useMemo(() => liveRows({ run, samples, gating, committed, results }), [run, samples, gating, committed, results]);
  const tubes = useMemo(() => apoptosisTubes(rows, samples), [rows, samples]);
  return (
    <>
      <SampleReview run={run} rows={rows} />
      <ResultsPanel rows={rows} />
      <ConditionSummary assay="apoptosis" tubes={tubes} />
    </>
  );
}
