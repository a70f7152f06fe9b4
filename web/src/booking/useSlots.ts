import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../api/client';
import type { Slot } from '../api/types';
import { lastDayOf } from '../lib/calendar';
import { todayIn } from '../lib/time';
import { useLiveAvailability } from './useLiveAvailability';

/** How often open pages ask again without live updates, so a time someone else took disappears without a reload. */
export const POLL_INTERVAL_MS = 20_000;
/**
 * With live updates, how often the page still asks: minimum notice moves with the clock,
 * which no event announces (a time that became too soon would still be refused at booking).
 */
export const LIVE_REFRESH_MS = 60_000;

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

/**
 * Free times of one month in the customer's zone, asked again when the server says they
 * changed (useLiveAvailability), else every POLL_INTERVAL_MS, and on return to the tab.
 */
export function useSlots(q: SlotQuery): SlotsState {
  const [slots, setSlots] = useState<Slot[]>([]);
  const [loading, setLoading] = useState(true);
  const [failed, setFailed] = useState(false);
  const sequence = useRef(0);
  /**
   * The newest answer shown, and the first request of the current query. Answers may come back
   * out of order (the first live event asks again while the first request is still out): one
   * older than the answer shown, or asked for another query, is dropped; a newer one is shown
   * at once, without waiting for the last request.
   */
  const shown = useRef(0);
  const queryStart = useRef(0);
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
      if (mine > shown.current && mine > queryStart.current) {
        shown.current = mine;
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

  const live = useLiveAvailability(org, serviceId, () => void refresh());

  useEffect(() => {
    setLoading(true);
    void refresh();
    const onVisible = () => {
      if (document.visibilityState === 'visible') void refresh();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      document.removeEventListener('visibilitychange', onVisible);
      queryStart.current = ++sequence.current;
    };
  }, [refresh]);

  useEffect(() => {
    const timer = window.setInterval(() => void refresh(), live ? LIVE_REFRESH_MS : POLL_INTERVAL_MS);
    return () => window.clearInterval(timer);
  }, [refresh, live]);

  return { slots, loading, failed, refresh };
}
