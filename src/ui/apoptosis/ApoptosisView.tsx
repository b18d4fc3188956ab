import './apoptosis.css';
import { useMemo } from 'react';
import { useShallow } from 'zustand/shallow';
import { useAppStore } from '../../state/store.ts';
import { HistoryButtons } from '../gating/HistoryButtons.tsx';
import { liveRows } from './liveRows.ts';
import { ResultsPanel } from './ResultsPanel.tsx';
import { SampleReview } from './SampleReview.tsx';
import { SetupPanel } from './SetupPanel.tsx';

/** The guided Annexin V / PI analysis on one screen, top to bottom: setup, review of each sample, results. */
export function ApoptosisView() {
  const hasSamples = useAppStore((s) => s.samples.length > 0);
  const run = useAppStore((s) => s.apoptosisRun?.run ?? null);
  const { samples, gating, results } = useAppStore(useShallow((s) => ({ samples: s.samples, gating: s.gating, results: s.gatingResults })));
  const rows = useMemo(() => (run ? liveRows({ run, samples, gating, results }) : []), [run, samples, gating, results]);
  if (!hasSamples) return <p className="hint">Open FCS files or the demo experiment to analyse Annexin V / PI apoptosis.</p>;
  return (
    <div className="apoptosis">
      <div className="apoptosis-header">
        <h2>Annexin V / PI apoptosis</h2>
        <HistoryButtons />
      </div>
      <SetupPanel />
      {run && <SampleReview run={run} rows={rows} />}
      {run && <ResultsPanel rows={rows} />}
    </div>
  );
}
