import { useState } from 'react';
import { describeThreshold } from '../../apoptosis/thresholds.ts';
import { formatNumber } from '../../export/table.ts';
import { useAppStore, useStoreApi } from '../../state/store.ts';
import { useClient } from '../context.ts';
import { handEdits } from './analysisGates.ts';
import { sharedQuadrant } from './liveRows.ts';
import { NumberField } from '../NumberField.tsx';
import { runApoptosisAnalysis } from './runAnalysis.ts';
import { TypedThresholds } from './TypedThresholds.tsx';
import { focusWhenShown } from '../focusWhenShown.ts';
import type { ApoptosisPlan } from './setup.ts';

const threshold = (value: number) => formatNumber(value, 'significant');

/** Threshold sources up to this many characters are said inline, after their value. */
const SHORT_SOURCE = 80;

/** The percentile, the Run button, and what the last run did or why it cannot run. */
export function RunControls({ plan }: { plan: ApoptosisPlan }) {
  const client = useClient();
  const store = useStoreApi();
  const percentile = useAppStore((s) => s.apoptosisSetup.percentile);
  const status = useAppStore((s) => s.apoptosisStatus);
  const record = useAppStore((s) => s.apoptosisRun);
  const committed = useAppStore((s) => s.committedGating);
  const [keepHandEdits, setKeepHandEdits] = useState(true);
  const edited = record ? Object.keys(handEdits(committed, record.run)).length : 0;
  const stale = record !== null && plan.ok && plan.setupKey !== record.setupKey;
  const running = status.kind === 'running';
  const live = record && sharedQuadrant(committed);
  const { thresholdSources, sharedThresholds, compensation } = record?.run.analysis ?? {};
  const sources = thresholdSources && { annexin: describeThreshold(thresholdSources.annexin), pi: describeThreshold(thresholdSources.pi) };
  // Long sources (six untreated tubes with instrument names fill fifteen lines) fold under the thresholds.
  const folded = sources !== undefined && (sources.annexin.length > SHORT_SOURCE || sources.pi.length > SHORT_SOURCE);
  return (
    <div className="apoptosis-run">
      <h4>Quadrant thresholds</h4>
      <div className="inline-field">
        <span aria-hidden="true">Percentile of the negative controls</span>
        <NumberField className="short" label="Percentile of the negative controls" value={percentile} min={50} max={99.9} step={0.5} onChange={(value) => value !== null && store.getState().changeApoptosisSetup({ percentile: value })} />
      </div>
      <p className="muted">
        On each compensated axis the quadrant centre, shared by every sample, is the value typed below; else this percentile of the single stain that
        is negative there (Annexin V from the PI-only control, PI from the Annexin V-only control), raised to the upper edge of the untreated
        tubes&apos; viable population where that is higher (without untreated tubes, to the edge of the cells of the axis&apos;s own single stain
        that are negative for its dye); without that single stain, the untreated tubes&apos; edge alone (their viable mode plus 3.5 robust SDs),
        then the unstained control.
      </p>
      <TypedThresholds channels={plan.ok ? plan.request.fluorescence : null} />
      {record && edited > 0 && (
        <label className="inline-field">
          <input type="checkbox" checked={keepHandEdits} onChange={(event) => setKeepHandEdits(event.currentTarget.checked)} />
          Keep the gates I adjusted by hand ({edited} {edited === 1 ? 'sample' : 'samples'})
        </label>
      )}
      <div className="run-row">
        <button
          type="button"
          className="button primary"
          disabled={!plan.ok || running}
          aria-busy={running}
          onClick={() =>
            void runApoptosisAnalysis(client, store, { keepHandEdits }).then(() => {
              if (store.getState().apoptosisStatus.kind === 'idle') focusWhenShown('apoptosis-results-heading');
            })
          }
        >
          Run analysis
        </button>
        {running && <span role="status">Analysing…</span>}
      </div>
      {!plan.ok && (
        <ul className="problems" aria-label="Before the analysis can run">
          {plan.problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
      {status.kind === 'failed' && (
        <p role="alert" className="error">
          The analysis could not run: {status.message}
        </p>
      )}
      {stale && (
        <p role="status" className="stale">
          The setup has changed since the last run: the gates and results below still follow the earlier setup. Run the analysis again to update them.
        </p>
      )}
      {record && sources && sharedThresholds && compensation && (
        <dl className="run-summary" aria-label="Last run">
          <dt>Quadrant centre (compensated)</dt>
          <dd>
            {folded ? (
              <>
                Annexin V {threshold(sharedThresholds.annexin)}, PI {threshold(sharedThresholds.pi)}
              </>
            ) : (
              <>
                Annexin V {threshold(sharedThresholds.annexin)} ({sources.annexin}), PI {threshold(sharedThresholds.pi)} ({sources.pi})
              </>
            )}
            {live && (live.annexin !== sharedThresholds.annexin || live.pi !== sharedThresholds.pi) && `; moved by hand for all samples to ${threshold(live.annexin)}, ${threshold(live.pi)}`}
            {folded && (
              <details className="threshold-sources">
                <summary>Where they come from</summary>
                <p>Annexin V: {sources.annexin}.</p>
                <p>PI: {sources.pi}.</p>
              </details>
            )}
          </dd>
          <dt>Compensation</dt>
          <dd>{compensation.description}</dd>
        </dl>
      )}
    </div>
  );
}
