import { useId, useState } from 'react';
import { Feedback, type Outcome } from './Feedback';

/**
 * A secret the server hands out once (an invitation link, an API key): a read-only field that
 * selects itself on focus, what to do with it, and a copy button. Only the browser holds it.
 */
export function ShownOnce(p: { label: string; value: string; note: string; copyLabel: string; copiedMessage: string }) {
  const id = useId();
  const noteId = useId();
  const [outcome, setOutcome] = useState<Outcome>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(p.value);
      setOutcome({ ok: true, message: p.copiedMessage });
    } catch (error) {
      // Clipboard access refused: the value stays selectable in its field.
      setOutcome({ ok: false, error });
    }
  };
  return (
    <div className="notice notice-info">
      <div className="field">
        <label htmlFor={id}>{p.label}</label>
        <input id={id} readOnly spellCheck={false} aria-describedby={noteId} value={p.value} onFocus={(e) => e.target.select()} />
      </div>
      <p id={noteId}>{p.note}</p>
      <button type="button" className="button-secondary" onClick={() => void copy()}>
        {p.copyLabel}
      </button>
      <Feedback outcome={outcome} />
    </div>
  );
}
