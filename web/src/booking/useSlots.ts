import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../api/client';
import type { Slot } from '../api/types';
import { lastDayOf } from '../lib/calendar';
import { todayIn } from '../lib/time';

/** How often open pages ask again, so a time someone else took disappears without a reload. */
export const POLL_INTERVAL_MS = 20_000;

export interface SlotQuery {
  org: string;
  serviceId: string;
  staffId: string | null;
  zone: string;
  month: string;
}

export interface SlotsState {
  slots: Slot[];
  loading: boolean;
  failed: boolean;
  /** Asks again now; resolves with the fresh list. */
  refresh(): Promise<Slot[]>;
}

/** Free times of one month in the customer's zone, kept fresh by polling and on return to the tab. */
export function useSlots(q: SlotQuery): SlotsState {
  const [slots, setSlots] = useState<Slot[]>([]);
  const [loading, setLoading] = useState(true);
  const [failed, setFailed] = useState(false);
  const sequence = useRef(0);
  const { org, serviceId, staffId, zone, month } = q;

  const refresh = useCallback(async (): Promise<Slot[]> => {
    const mine = ++sequence.current;
    const today = todayIn(zone);
    const from = `${month}-01` < today ? today : `${month}-01`;
    const to = lastDayOf(month);
    if (from > to) {
      setSlots([]);
      setLoading(false);
      return [];
    }
    try {
      const answer = await api.slots(org, { serviceId, staffId, from, to, timeZone: zone });
      if (mine === sequence.current) {
        setSlots(answer.slots);
        setFailed(false);
        setLoading(false);
      }
      return answer.slots;
    } catch {
      if (mine === sequence.current) {
        setFailed(true);
        setLoading(false);
      }
      return [];
    }
  }, [org, serviceId, staffId, zone, month]);

  useEffect(() => {
    setLoading(true);
    void refresh();
    const timer = window.setInterval(() => void refresh(), POLL_INTERVAL_MS);
    const onVisible = () => {
      if (document.visibilityState === 'visible') void refresh();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      window.clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisible);
      sequence.current++;
    };
  }, [refresh]);

  return { slots, loading, failed, refresh };
}
