/** Small, serialisable descriptions of files and channels: what the UI lists and what the CLI prints. */
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
