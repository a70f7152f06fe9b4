import { useId } from 'react';

/** A one-time code field: digits keyboard on phones, the browser's one-time-code autofill. */
export function CodeInput({ label, value, onChange, numeric = true, autoFocus = false }: { label: string; value: string; onChange: (v: string) => void; numeric?: boolean; autoFocus?: boolean }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        name="code"
        inputMode={numeric ? 'numeric' : 'text'}
        autoComplete="one-time-code"
        autoCapitalize="off"
        spellCheck={false}
        required
        minLength={4}
        maxLength={32}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        autoFocus={autoFocus}
      />
    </div>
  );
}
