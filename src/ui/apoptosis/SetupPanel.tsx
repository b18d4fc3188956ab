import { useMemo } from 'react';
import { useShallow } from 'zustand/shallow';
import { useAppStore } from '../../state/store.ts';
import { ChannelsSetup } from './ChannelsSetup.tsx';
import { CompensationSetup } from './CompensationSetup.tsx';
import { RunControls } from './RunControls.tsx';
import { SamplesSetup } from './SamplesSetup.tsx';
import { apoptosisEntries, chosenChannels, planApoptosisRun, referenceChannels } from './setup.ts';
import { groupWarnings } from './warningGroups.ts';
import { WarningList } from './WarningList.tsx';

/** Step 1: the tubes and their roles, the channels, the compensation and the thresholds, then Run. */
export function SetupPanel() {
  const samples = useAppStore(useShallow((s) => s.samples));
  const setup = useAppStore((s) => s.apoptosisSetup);
  const run = useAppStore((s) => s.apoptosisRun?.run ?? null);
  const channels = useMemo(() => referenceChannels(apoptosisEntries(samples)), [samples]);
  const choices = chosenChannels(setup, channels);
  const plan = planApoptosisRun(samples, setup);
  const { annexin, pi } = choices;
  const runWarnings = run ? [...run.analysis.warnings, ...run.analysis.tubes.flatMap((t) => t.row.warnings)] : [];
  return (
    <section className="apoptosis-step" aria-labelledby="apoptosis-setup-heading">
      <h3 id="apoptosis-setup-heading">1. Setup</h3>
      {/* Run comes first: everything below is prefilled, so a keyboard user reaches it in a few keys. */}
      <RunControls plan={plan} />
      <div className="setup-grid">
        {channels.length > 0 && <ChannelsSetup channels={channels} choices={choices} />}
        {annexin.channel !== null && pi.channel !== null && (
          <div>
            <CompensationSetup fluorescence={{ annexin: annexin.channel, pi: pi.channel }} />
            <WarningList label="Warnings about compensation" groups={groupWarnings(runWarnings, 'compensation')} />
          </div>
        )}
      </div>
      <SamplesSetup />
      <WarningList label="Warnings about the controls" groups={groupWarnings(runWarnings, 'controls')} />
      <WarningList label="Warnings about the gates" groups={groupWarnings(runWarnings, 'gates')} />
    </section>
  );
}
