import type { ChannelRole } from '../../apoptosis/channels.ts';
import type { ApoptosisSetup } from '../../state/apoptosisSlice.ts';
import { useStoreApi } from '../../state/store.ts';
import type { ChannelSummary } from '../../../workers/api.ts';
import type { ChannelChoice } from './setup.ts';

const DYES: Record<ChannelRole, { name: string; setting: 'annexinChannel' | 'piChannel' }> = {
  annexin: { name: 'Annexin V', setting: 'annexinChannel' },
  pi: { name: 'PI', setting: 'piChannel' },
};

/** Why the channel in use is there: the suggestion and its evidence, or the user's own pick. */
function reasonOf(choice: ChannelChoice, dye: string, display: (name: string) => string): string {
  const { channel, suggestion } = choice;
  if (channel !== null && channel === suggestion.suggested) return `${display(channel)}: ${suggestion.candidates[0].reason}.`;
  if (channel !== null) return suggestion.suggested ? `Chosen by you (suggested: ${display(suggestion.suggested)}).` : 'Chosen by you.';
  if (suggestion.status === 'ambiguous') return `${suggestion.candidates.filter((c) => c.score === suggestion.candidates[0].score).map((c) => display(c.name)).join(', ')} fit equally well: choose one.`;
  return `No channel's stain or detector name ($PnS, $PnN) mentions ${dye}: choose one.`;
}

/** Annexin V on x, PI on y: prefilled from the files' stain and detector names, confirmed or changed by the user. */
export function ChannelsSetup({ channels, choices }: { channels: readonly ChannelSummary[]; choices: Record<ChannelRole, ChannelChoice> }) {
  const store = useStoreApi();
  const display = (name: string) => channels.find((c) => c.name === name)?.display ?? name;
  return (
    <div className="apoptosis-channels">
      <h4>Channels</h4>
      {(['annexin', 'pi'] as const).map((role) => {
        const { name, setting } = DYES[role];
        const choice = choices[role];
        return (
          <div key={role} className="channel-choice">
            <label className="inline-field">
              {name} channel
              <select
                value={choice.channel ?? ''}
                onChange={(event) => store.getState().changeApoptosisSetup({ [setting]: event.currentTarget.value || null } satisfies Partial<ApoptosisSetup>)}
              >
                {choice.channel === null && <option value="">Choose…</option>}
                {channels.map((c) => (
                  <option key={c.name} value={c.name}>
                    {c.display}
                  </option>
                ))}
              </select>
            </label>
            <p className={choice.channel === null ? 'warning-text' : 'muted'}>{reasonOf(choice, name, display)}</p>
          </div>
        );
      })}
    </div>
  );
}
