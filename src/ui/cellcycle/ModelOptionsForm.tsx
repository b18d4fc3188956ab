import { useId, useState } from 'react';
import { MODEL_NAMES } from '../../cellcycle/resultsTable.ts';
import { defaultModelOptions, FREE_LINEARITY, validateModelOptions } from '../../cellcycle/modelOptions.ts';
import type { CellCycleModelOptions, DebrisMode, ModelKind } from '../../cellcycle/types.ts';
import { formatNumber } from '../../export/table.ts';
import { useAppStore, useStoreApi } from '../../state/store.ts';
import { NumberField } from '../NumberField.tsx';

const MODELS = Object.keys(MODEL_NAMES) as ModelKind[];
const DEBRIS_MODES: readonly DebrisMode[] = ['auto', 'on', 'off'];
const DEBRIS_MODE_NAMES: Record<DebrisMode, string> = {
  auto: 'When the histogram shows debris',
  on: 'Always modelled',
  off: 'Never modelled',
};
const FIXED_LINEARITY = 2;

/** Constraints a control's fit put on every sample, in words. */
function heldFromControl(options: CellCycleModelOptions): string[] {
  const held: string[] = [];
  if (options.g1Mean.kind === 'fixed') held.push(`G0/G1 mean at ${formatNumber(options.g1Mean.value, 'significant')}`);
  if (options.g1CvPercent.kind === 'fixed') held.push(`G0/G1 CV at ${options.g1CvPercent.value.toFixed(2)}%`);
  if (options.g2CvPercent.kind === 'fixed') held.push(`G2/M CV at ${options.g2CvPercent.value.toFixed(2)}%`);
  return held;
}

/** The model and constraints every sample is fitted with; each change refits all samples in the worker. */
export function ModelOptionsForm() {
  const store = useStoreApi();
  const id = useId();
  const options = useAppStore((s) => s.cellCycleOptions);
  const [problem, setProblem] = useState<string | null>(null);
  const apply = (next: CellCycleModelOptions) => {
    try {
      validateModelOptions(next);
    } catch (error) {
      setProblem(error instanceof RangeError ? error.message : String(error));
      return;
    }
    setProblem(null);
    store.getState().setCellCycleOptions(next);
  };
  const { linearity } = options;
  const range = linearity.kind === 'range' ? linearity : FREE_LINEARITY;
  const held = heldFromControl(options);

  return (
    <fieldset className="cell-cycle-model">
      <legend>Model (every sample)</legend>
      <div className="field-row">
        <label htmlFor={`${id}-model`}>Model</label>
        <select id={`${id}-model`} value={options.model} onChange={(e) => apply(defaultModelOptions(MODELS.find((m) => m === e.currentTarget.value) ?? 'djf'))}>
          {MODELS.map((model) => (
            <option key={model} value={model}>
              {MODEL_NAMES[model]}
            </option>
          ))}
        </select>
      </div>
      <fieldset className="linearity">
        <legend>G2/M position (× G0/G1 mean)</legend>
        <label>
          <input type="radio" name={`${id}-linearity`} checked={linearity.kind === 'fixed'} onChange={() => apply({ ...options, linearity: { kind: 'fixed', value: FIXED_LINEARITY } })} />
          Fixed at
        </label>
        <NumberField
          className="short"
          label="Fixed G2/M ÷ G0/G1 ratio"
          value={linearity.kind === 'fixed' ? linearity.value : FIXED_LINEARITY}
          step={0.01}
          onChange={(value) => value !== null && apply({ ...options, linearity: { kind: 'fixed', value } })}
        />
        <label>
          <input type="radio" name={`${id}-linearity`} checked={linearity.kind !== 'fixed'} onChange={() => apply({ ...options, linearity: { kind: 'free' } })} />
          Fitted within
        </label>
        <NumberField className="short" label="Lowest G2/M ÷ G0/G1 ratio" value={range.min} step={0.01} onChange={(min) => min !== null && apply({ ...options, linearity: { kind: 'range', min, max: range.max } })} />
        <NumberField className="short" label="Highest G2/M ÷ G0/G1 ratio" value={range.max} step={0.01} onChange={(max) => max !== null && apply({ ...options, linearity: { kind: 'range', min: range.min, max } })} />
      </fieldset>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={options.g2CvPercent.kind === 'equal-to-g1'}
          onChange={(e) => apply({ ...options, g2CvPercent: e.currentTarget.checked ? { kind: 'equal-to-g1' } : { kind: 'free' } })}
        />
        Equal CVs (G2/M CV = G0/G1 CV)
      </label>
      <div className="field-row">
        <label htmlFor={`${id}-debris`}>Single-cut debris</label>
        <select id={`${id}-debris`} value={options.debris} onChange={(e) => apply({ ...options, debris: DEBRIS_MODES.find((m) => m === e.currentTarget.value) ?? 'auto' })}>
          {DEBRIS_MODES.map((mode) => (
            <option key={mode} value={mode}>
              {DEBRIS_MODE_NAMES[mode]}
            </option>
          ))}
        </select>
      </div>
      <label className="checkbox">
        <input type="checkbox" checked={options.aggregates !== 'off'} onChange={(e) => apply({ ...options, aggregates: e.currentTarget.checked ? 'doublets' : 'off' })} />
        Aggregates (doublets)
      </label>
      {held.length > 0 && (
        <p className="held">
          Held from a control: {held.join('; ')}.{' '}
          <button type="button" className="link" onClick={() => apply({ ...options, g1Mean: { kind: 'free' }, g1CvPercent: { kind: 'free' }, g2CvPercent: defaultModelOptions(options.model).g2CvPercent })}>
            Release
          </button>
        </p>
      )}
      {problem && (
        <p role="alert" className="error">
          {problem}
        </p>
      )}
    </fieldset>
  );
}
