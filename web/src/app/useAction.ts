import { useCallback, useState } from 'react';
import type { Outcome } from './Feedback';

/**
 * One action at a time on a panel: `run` marks the panel busy, shows the message the action
 * returns (none for null) or its error, then runs `after` (reload the list, the session...).
 */
export function useAction(after: () => Promise<unknown> = async () => undefined) {
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const run = useCallback(
    async (action: () => Promise<string | null>) => {
      setBusy(true);
      setOutcome(null);
      try {
        const message = await action();
        if (message) setOutcome({ ok: true, message });
        await after();
      } catch (error) {
        setOutcome({ ok: false, error });
      } finally {
        setBusy(false);
      }
    },
    [after],
  );
  return { busy, outcome, setOutcome, run };
}
