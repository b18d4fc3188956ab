/** Small, serialisable descriptions of files and channels: what the UI lists and what the CLI prints. */
import { isTimeChannel, timestepSeconds } from '../fcs/scale.ts';
import type { Channel, FcsDataset } from '../fcs/types.ts';

/** "FITC-A (Annexin V)": $PnN, with $PnS in parentheses when it adds something. */
export function describeChannel(channel: Pick<Channel, 'name' | 'label'>): string {
  const label = channel.label?.trim();
  return label && label.toLowerCase() !== channel.name.toLowerCase() ? `${channel.name} (${label})` : channel.name;
}

/** $CYT, falling back to the acquisition software, or null. */
export function cytometerOf(dataset: FcsDataset): string | null {
  return dataset.keywords['$CYT'] || dataset.keywords['CREATOR'] || null;
}

/**
 * The unit of a channel's values as the reader delivers them: seconds for the time parameter when $TIMESTEP is
 * given (the reader scales by it), arbitrary units (a.u.) for every measured signal.
 */
export function channelUnit(channel: Channel, dataset: Pick<FcsDataset, 'keywords'>): string {
  return isTimeChannel(channel) && timestepSeconds(dataset.keywords) !== null ? 's' : 'a.u.';
}
