import { type FormEvent, useId, useState } from 'react';
import type { Gate, GatingStrategy } from '../../gating/types.ts';
import { coordinateFields, coordinatesWithEdits, formatField, populationLabels } from '../../tools/coordinateFields.ts';
import { type CoordinateError, coordinatesOf, withCoordinates } from '../../tools/coordinates.ts';

/** What the form asks to change; everything is applied together as one undo step. */
export interface GateChanges {
  gate: Gate | null;
  names: { gate: string; populations: Record<string, string> } | null;
  colour: string | null;
}

interface GateFormProps {
  gate: Gate;
  colour: string;
  transforms: GatingStrategy['transforms'];
  onApply(changes: GateChanges): void;
  onDelete(): void;
}

/**
 * Name, colour and exact coordinates (data units) of one gate. Mount it with a key that changes with the gate, so
 * that an edit made elsewhere (a drag, undo) shows here at once.
 */
export function GateForm({ gate, colour, transforms, onApply, onDelete }: GateFormProps) {
  const id = useId();
  const coordinates = coordinatesOf(gate, transforms);
  const fields = coordinates ? coordinateFields(coordinates) : [];
  const populations = populationLabels(gate);
  const [name, setName] = useState(gate.name);
  const [populationNames, setPopulationNames] = useState<Record<string, string>>({});
  const [newColour, setNewColour] = useState(colour);
  const [edits, setEdits] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<CoordinateError[]>([]);
  const errorOf = (key: string) => errors.find((e) => e.field === key);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    let moved: Gate | null = null;
    if (coordinates && Object.keys(edits).length > 0) {
      const result = withCoordinates(gate, coordinatesWithEdits(coordinates, edits), transforms);
      if (!result.ok) {
        setErrors(result.errors);
        return;
      }
      moved = result.gate;
    }
    const renamed = name !== gate.name || Object.keys(populationNames).length > 0;
    if (renamed && [name, ...Object.values(populationNames)].some((n) => n.trim() === '')) {
      setErrors([{ field: 'name', message: 'names cannot be empty' }]);
      return;
    }
    setErrors([]);
    onApply({ gate: moved, names: renamed ? { gate: name.trim(), populations: populationNames } : null, colour: newColour !== colour ? newColour : null });
  };

  return (
    <form className="gate-form" onSubmit={submit} aria-label={`Edit ${gate.name}`} noValidate>
      <div className="gate-form-row">
        <label htmlFor={`${id}-name`}>Name</label>
        <input id={`${id}-name`} value={name} aria-invalid={errorOf('name') ? true : undefined} onChange={(e) => setName(e.currentTarget.value)} />
        <label htmlFor={`${id}-colour`}>Colour</label>
        <input id={`${id}-colour`} type="color" value={newColour} onChange={(e) => setNewColour(e.currentTarget.value)} />
      </div>
      {populations.length > 0 && (
        <fieldset>
          <legend>Populations</legend>
          {populations.map(({ id: populationId, label }, k) => (
            <div className="gate-form-field" key={populationId}>
              <label htmlFor={`${id}-population-${k}`}>{label}</label>
              <input
                id={`${id}-population-${k}`}
                value={populationNames[populationId] ?? (gate.kind === 'quadrant' ? gate.quadrants[k].name : '')}
                onChange={(e) => setPopulationNames({ ...populationNames, [populationId]: e.currentTarget.value })}
              />
            </div>
          ))}
        </fieldset>
      )}
      {fields.length > 0 && (
        <fieldset className="gate-coordinates">
          <legend>Coordinates (data units{gate.kind === 'rectangle' ? '; empty = unbounded' : ''})</legend>
          {fields.map((field, k) => {
            const error = errorOf(field.key);
            return (
              <div className="gate-form-field" key={field.key}>
                <label htmlFor={`${id}-field-${k}`}>{field.label}</label>
                <input
                  id={`${id}-field-${k}`}
                  inputMode="decimal"
                  spellCheck={false}
                  value={edits[field.key] ?? formatField(field.value)}
                  aria-invalid={error ? true : undefined}
                  aria-describedby={error ? `${id}-error-${k}` : undefined}
                  onChange={(e) => setEdits({ ...edits, [field.key]: e.currentTarget.value })}
                />
                {error && (
                  <span id={`${id}-error-${k}`} className="error">
                    {error.message}
                  </span>
                )}
              </div>
            );
          })}
        </fieldset>
      )}
      {errors.length > 0 && (
        <ul role="alert" className="error">
          {errors.map((e) => (
            <li key={`${e.field}: ${e.message}`}>{e.message}</li>
          ))}
        </ul>
      )}
      <div className="gate-form-actions">
        <button type="submit" className="primary">
          Apply
        </button>
        <button type="button" onClick={onDelete}>
          Delete gate
        </button>
      </div>
    </form>
  );
}
