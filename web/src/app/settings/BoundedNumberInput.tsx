import { useId } from 'react';
import { wholeNumberIn } from './whole-number';

/**
 * A whole-number input with its bounds, marked invalid as soon as its text is not a number
 * within them, with the message (`error`) under it. The label is the caller's (`id` ties it).
 */
export function BoundedNumberInput(p: { id: string; value: string; min: number; max: number; error: string; describedBy?: string; onChange: (text: string) => void }) {
  const errorId = useId();
  const invalid = wholeNumberIn(p.value, p.min, p.max) === null;
  const describedBy = [p.describedBy, invalid ? errorId : null].filter(Boolean).join(' ') || undefined;
  return (
    <>
      <input
        id={p.id}
        type="number"
        inputMode="numeric"
        min={p.min}
        max={p.max}
        step={1}
        required
        aria-invalid={invalid}
        aria-describedby={describedBy}
        value={p.value}
        onChange={(e) => p.onChange(e.target.value)}
      />
      {invalid ? (
        <p className="field-error" id={errorId}>
          {p.error}
        </p>
      ) : null}
    </>
  );
}
