/**
 * The automatic compensation choice, what a new user gets without choosing: the files' own spillover matrices when
 * every file has one covering Annexin V and PI (the acquisition-defined matrix, field-anchors c2); otherwise a
 * matrix computed from the Annexin V-only and PI-only controls when both are there and Annexin V's dye visibly
 * spills into the viability dye's detector (FlowJo's compensation wizard does the same with single stains); otherwise each file's own matrix where it has
 * one, and the files without one stay uncompensated (with a warning when FITC is known to spill). Files compensated
 * at acquisition (FACSCalibur analog compensation, exports of compensated data) carry no matrix and their single
 * stains show no spill: they are left as they are, since a near-identity matrix would only smear their values.
 */
import type { FcsDataset } from '../fcs/types.ts';
import { fileCompensates, SPILL_THAT_MATTERS, spilloverFromControls, type CompensationChoice, type FluorescenceChannels } from './compensation.ts';
import type { GatedControl } from './gatedControl.ts';

export function autoCompensation(
  datasets: readonly Pick<FcsDataset, 'spillover'>[], channels: FluorescenceChannels, rawAnnexinOnly: GatedControl | null, rawPiOnly: GatedControl | null,
): Exclude<CompensationChoice, { kind: 'auto' }> {
  if (datasets.every((d) => fileCompensates(d, channels))) return { kind: 'file' };
  const computed = rawAnnexinOnly && rawPiOnly ? spilloverFromControls(rawAnnexinOnly, rawPiOnly, channels) : null;
  // Annexin V's dye always spills into the viability dye's detector of raw data (FITC into PE: ~20%); none left
  // means the files were compensated when acquired, and the small spill the other way is noise.
  if (computed?.ok && computed.annexinIntoPi.kind === 'measured' && computed.annexinIntoPi.spill >= SPILL_THAT_MATTERS) return { kind: 'controls' };
  return { kind: 'file' };
}
