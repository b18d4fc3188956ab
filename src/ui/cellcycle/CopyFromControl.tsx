import { useState } from 'react';
import { copyConstraintsFromControl } from '../../cellcycle/modelOptions.ts';
import type { CellCycleFit } from '../../cellcycle/types.ts';
import { useStoreApi } from '../../state/store.ts';

/** FlowJo's "drag a good control's model onto the other samples": its model, with its positions and/or CVs held. */
export function CopyFromControl({ fileName, fit }: { fileName: string; fit: CellCycleFit }) {
  const store = useStoreApi();
  const [positions, setPositions] = useState(true);
  const [cvs, setCvs] = useState(false);
  return (
    <fieldset className="copy-from-control">
      <legend>Use this sample as the control</legend>
      <label className="checkbox">
        <input type="checkbox" checked={positions} onChange={(e) => setPositions(e.currentTarget.checked)} />
        Hold its G0/G1 position and G2/G1 ratio
      </label>
      <label className="checkbox">
        <input type="checkbox" checked={cvs} onChange={(e) => setCvs(e.currentTarget.checked)} />
        Hold its CVs
      </label>
      <button type="button" className="button" onClick={() => store.getState().setCellCycleOptions(copyConstraintsFromControl(fit, { positions, cvs }))}>
        Copy model and constraints from {fileName} to all samples
      </button>
    </fieldset>
  );
}
