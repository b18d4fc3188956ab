import { useId } from 'react';
import { type GatingDocument, removeGate, replaceGate, setGateAppearance, updateGateEverywhere } from '../../analysis/gatingDocument.ts';
import type { Gate } from '../../gating/types.ts';
import { gateColour } from '../../tools/newGates.ts';
import { useAppStore, useStoreApi } from '../../state/store.ts';
import { useSampleStrategy } from './useSampleStrategy.ts';
import { type GateChanges, GateForm } from './GateForm.tsx';
import { GateGroupField } from './GateGroupField.tsx';

function withNames(gate: Gate, names: NonNullable<GateChanges['names']>): Gate {
  if (gate.kind !== 'quadrant') return { ...gate, name: names.gate };
  return { ...gate, name: names.gate, quadrants: gate.quadrants.map((q) => ({ ...q, name: names.populations[q.id]?.trim() || q.name })) };
}

function applyChanges(document: GatingDocument, sampleId: string, gateId: string, changes: GateChanges): GatingDocument {
  let next = document;
  if (changes.gate) next = replaceGate(next, changes.gate, next.overrides[sampleId]?.[gateId] ? sampleId : null);
  if (changes.names) {
    const names = changes.names;
    next = updateGateEverywhere(next, gateId, (gate) => withNames(gate, names));
  }
  if (changes.colour) next = setGateAppearance(next, gateId, { colour: changes.colour });
  return next;
}

/**
 * The selected gate's name, colour and exact coordinates; choosing a gate here selects it on the plots too. It shows
 * the last recorded edit, so a drag on a plot updates it once, on release, rather than rebuilding the form per step.
 */
export function GateEditor({ sampleId }: { sampleId: string }) {
  const store = useStoreApi();
  const id = useId();
  const gating = useAppStore((s) => s.committedGating);
  const selectedGateId = useAppStore((s) => s.selectedGateId);
  const strategy = useSampleStrategy(sampleId, { committed: true });
  const gate = strategy.gates.find((g) => g.id === selectedGateId) ?? null;
  const colour = gate ? gateColour(gating, gate.id) : '';

  return (
    <section className="gate-editor" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Gate</h2>
      <div className="gate-form-row">
        <label htmlFor={`${id}-gate`}>Gate to edit</label>
        <select id={`${id}-gate`} value={gate?.id ?? ''} onChange={(e) => store.getState().selectGate(e.currentTarget.value || null)}>
          <option value="">None</option>
          {strategy.gates.map((g) => (
            <option key={g.id} value={g.id}>
              {g.name}
            </option>
          ))}
        </select>
      </div>
      {gate && <GateGroupField sampleId={sampleId} gateId={gate.id} />}
      {gate ? (
        <GateForm
          key={`${JSON.stringify(gate)}|${colour}`}
          gate={gate}
          colour={colour}
          transforms={strategy.transforms}
          onApply={(changes) => store.getState().changeGating((d) => applyChanges(d, sampleId, gate.id, changes))}
          onDelete={() => {
            store.getState().changeGating((d) => removeGate(d, gate.id));
            store.getState().selectGate(null);
          }}
        />
      ) : (
        <p className="hint">Select a gate on a plot or draw one with the tools above the plots; its exact coordinates can then be typed here.</p>
      )}
    </section>
  );
}
