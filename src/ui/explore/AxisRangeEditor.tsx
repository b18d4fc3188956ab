import { type FormEvent, useId } from 'react';
import type { AxisSpec } from '../../analysis/axes.ts';

const number = new Intl.NumberFormat('en-US', { maximumSignificantDigits: 6, useGrouping: false });

/** Min and max of an axis in data units, applied with Enter or the button; invalid ranges are explained. */
export function AxisRangeEditor({ name, axis, onRange }: { name: string; axis: AxisSpec; onRange(domain: [number, number]): void }) {
  const id = useId();
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const min = Number((form.elements.namedItem('min') as HTMLInputElement).value);
    const max = Number((form.elements.namedItem('max') as HTMLInputElement).value);
    const output = form.querySelector('output');
    const problem = !Number.isFinite(min) || !Number.isFinite(max) ? 'Both ends must be numbers.' : min >= max ? 'Min must be below max.' : axis.scale?.kind === 'log' && min <= 0 ? 'A log axis starts above 0.' : '';
    if (output) output.textContent = problem;
    if (!problem) onRange([min, max]);
  };
  return (
    <details className="axis-range">
      <summary>Range</summary>
      <form onSubmit={submit} aria-label={`${name} range`} key={axis.domain.join()}>
        <label htmlFor={`${id}-min`}>{name} minimum</label>
        <input id={`${id}-min`} name="min" inputMode="decimal" defaultValue={number.format(axis.domain[0])} />
        <label htmlFor={`${id}-max`}>{name} maximum</label>
        <input id={`${id}-max`} name="max" inputMode="decimal" defaultValue={number.format(axis.domain[1])} />
        <button type="submit">Apply</button>
        <output className="error" aria-live="polite" />
      </form>
    </details>
  );
}
