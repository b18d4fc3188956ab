import { noDnaChannelMessage, suggestDnaChannels } from '../../cellcycle/dnaChannels.ts';
import type { SampleEntry } from '../../state/samplesSlice.ts';
import { useAppStore, useStoreApi } from '../../state/store.ts';
import { useClient } from '../context.ts';
import { analyseAllSamples } from './analyseAll.ts';
import { ChannelChoice } from './ChannelChoice.tsx';
import { ModelOptionsForm } from './ModelOptionsForm.tsx';
import { focusWhenShown } from '../focusWhenShown.ts';

/**
 * "Analyse all samples" first (with its progress and what it could not do), then the channels and model options it
 * uses, which start from suggestions: a keyboard user reaches Run in a few Tabs, as in the apoptosis view.
 */
export function AnalysisPanel({ samples }: { samples: readonly SampleEntry[] }) {
  const client = useClient();
  const store = useStoreApi();
  const chosen = useAppStore((s) => s.cellCycleChannels);
  const status = useAppStore((s) => s.cellCycleStatus);
  const run = useAppStore((s) => s.cellCycleRun);
  const first = samples[0];
  const channels = first.status.kind === 'ready' ? first.status.summary.datasets[first.status.summary.activeDataset].channels : [];
  const suggested = suggestDnaChannels(channels);
  const inUse = chosen ?? (suggested && { ...suggested, scatter: null });
  const running = status.kind === 'running';
  const failures = run ? samples.filter((e) => run.failures[e.id]) : [];

  return (
    <section className="cell-cycle-setup" aria-labelledby="cell-cycle-setup-heading">
      <h2 id="cell-cycle-setup-heading">PI DNA cell cycle</h2>
      <div className="cell-cycle-run">
        <button type="button" className="button primary" disabled={running || inUse === null} onClick={() =>
            inUse &&
            void analyseAllSamples(client, store, inUse).then(() => {
              if (store.getState().cellCycleStatus.kind === 'idle') focusWhenShown('cell-cycle-results-heading');
            })
          }
        >
          Analyse all samples
        </button>
        <p className="hint">
          Suggests each sample&rsquo;s singlet band and fits its DNA histogram with the channels and model below; the band and the sub-G1 | G0/G1 | S | G2/M ranges become gates you can edit
          (one undo step). DNA content is read uncompensated: one DNA dye needs no compensation, so a file&rsquo;s spillover matrix does not change the fit.{' '}
          {samples.length} PI DNA {samples.length === 1 ? 'sample' : 'samples'}.
        </p>
        {run && inUse && JSON.stringify(run.channels) !== JSON.stringify(inUse) && (
          <p role="status">The channels differ from those of the last analysis: analyse again to use them.</p>
        )}
        {status.kind === 'running' && (
          <p role="status">
            Analysing sample {status.done + 1} of {status.total}…
          </p>
        )}
        {status.kind === 'failed' && (
          <p role="alert" className="error">
            {status.message}
          </p>
        )}
        {failures.length > 0 && (
          <ul className="error" aria-label="Samples without their own gates">
            {failures.map((e) => (
              <li key={e.id}>
                {e.fileName}: {run?.failures[e.id].message} It uses the first sample&rsquo;s gates.
              </li>
            ))}
          </ul>
        )}
      </div>
      <ChannelChoice channels={channels} chosen={inUse} />
      {inUse === null && <p role="status">{noDnaChannelMessage(channels, 'choose it above')}</p>}
      <ModelOptionsForm />
    </section>
  );
}
