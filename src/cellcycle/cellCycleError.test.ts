import { describe, expect, it } from 'vitest';
import { CellCycleError, cellCycleFailureMessage } from './cellCycleError.ts';

describe('cellCycleFailureMessage', () => {
  it("shows a CellCycleError's own sentence and never the text of an internal error", () => {
    expect(cellCycleFailureMessage(new CellCycleError('no-peak', 'No G0/G1 peak stands out.'))).toBe('No G0/G1 peak stands out.');
    for (const internal of [new RangeError('Invalid typed array length: -37'), new TypeError("Cannot read properties of undefined (reading 'mean')"), 'boom']) {
      const message = cellCycleFailureMessage(internal);
      expect(message).toMatch(/^The cell-cycle analysis stopped on an unexpected problem with this file\./);
      expect(message).not.toMatch(/typed array|undefined|boom/);
    }
  });
});
