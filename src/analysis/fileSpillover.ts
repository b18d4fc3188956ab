/**
 * A file's own spillover matrix as the app uses it. A matrix that cannot be inverted (singular, as some Beckman
 * exports write it) cannot compensate anything: the sample is then shown uncompensated, with a note saying so,
 * instead of failing every plot and axis it takes part in.
 */
import { invertMatrix } from '../compensation/matrix.ts';
import type { FcsDataset, FcsWarning, SpilloverMatrix } from '../fcs/types.ts';

export interface FileSpillover {
  /** The matrix, or null when the file has none or it cannot be used. */
  spillover: SpilloverMatrix | null;
  /** Why the file's matrix is not used, for the sample's notes. */
  note: FcsWarning | null;
}

export function usableFileSpillover(dataset: Pick<FcsDataset, 'spillover'>): FileSpillover {
  const { spillover } = dataset;
  if (spillover === null) return { spillover: null, note: null };
  try {
    invertMatrix(spillover.matrix, 'the spillover matrix');
    return { spillover, note: null };
  } catch {
    return {
      spillover: null,
      note: {
        code: 'SPILLOVER_UNUSABLE',
        message: `The file's spillover matrix (${spillover.source}) cannot be inverted (it is singular), so it cannot compensate: this sample is shown uncompensated and is left out of the axes shared with compensated samples. To compensate it, compute a matrix from single-stain controls in the apoptosis setup.`,
      },
    };
  }
}
