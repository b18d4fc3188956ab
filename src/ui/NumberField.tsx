import { useState } from 'react';

interface NumberFieldProps {
  label: string;
  value: number | null;
  /** Called with each parseable entry (null when emptied, if allowed). */
  onChange(value: number | null): void;
  allowEmpty?: boolean;
  min?: number;
  max?: number;
  step?: number | 'any';
  className?: string;
}

function parse(text: string, allowEmpty: boolean): number | null | undefined {
  if (text.trim() === '') return allowEmpty ? null : undefined;
  const value = Number(text);
  return Number.isFinite(value) ? value : undefined;
}

/**
 * A number input that keeps what is being typed ("0." or "") while passing every parseable value on, and shows
 * the value anew when it changes from elsewhere.
 */
export function NumberField({ label, value, onChange, allowEmpty = false, min, max, step = 'any', className }: NumberFieldProps) {
  const [text, setText] = useState(value === null ? '' : String(value));
  const [shown, setShown] = useState(value);
  if (value !== shown) {
    setShown(value);
    if (parse(text, allowEmpty) !== value) setText(value === null ? '' : String(value));
  }
  return (
    <input
      type="number"
      className={className}
      aria-label={label}
      value={text}
      min={min}
      max={max}
      step={step}
      onChange={(event) => {
        setText(event.currentTarget.value);
        const parsed = parse(event.currentTarget.value, allowEmpty);
        if (parsed !== undefined) onChange(parsed);
      }}
    />
  );
}
