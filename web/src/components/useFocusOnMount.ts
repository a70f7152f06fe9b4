import { type RefObject, useEffect } from 'react';

/** Moves focus to a step's heading when the step appears, so keyboard and screen reader users follow along. */
export function useFocusOnMount(ref: RefObject<HTMLElement | null>, enabled = true): void {
  useEffect(() => {
    if (enabled) ref.current?.focus();
  }, [ref, enabled]);
}
