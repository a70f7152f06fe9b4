import { useEffect, useRef, useState } from 'react';
import { api } from '../api/client';

/** Errors in a row (no event between them) after which the page stops listening and polls instead. */
const MAX_STREAM_ERRORS = 3;

/**
 * Listens (EventSource, same origin) for the server's word that a service's free times may
 * have changed, and calls `onChange` then: at the first event too, which closes the gap
 * between the page's first request and the stream's start, and after a reconnection when the
 * version moved meanwhile. Listens only while the tab is visible. Answers false when live
 * updates are not to be had (no EventSource, the server refused the stream, or it failed
 * MAX_STREAM_ERRORS times in a row): the caller then polls.
 */
export function useLiveAvailability(org: string, serviceId: string, onChange: () => void): boolean {
  const [live, setLive] = useState(() => typeof window.EventSource === 'function');
  const listener = useRef(onChange);
  useEffect(() => {
    listener.current = onChange;
  }, [onChange]);

  useEffect(() => {
    if (typeof window.EventSource !== 'function') {
      setLive(false);
      return;
    }
    setLive(true);
    let source: EventSource | null = null;
    let errors = 0;
    let gaveUp = false;
    let lastVersion: string | null = null;
    const open = () => {
      if (source || gaveUp) return;
      const mine = new EventSource(api.availabilityEventsUrl(org, serviceId));
      source = mine;
      mine.addEventListener('availability', (event) => {
        errors = 0;
        const version = versionOf(event.data);
        if (version !== null && version === lastVersion) return;
        lastVersion = version;
        listener.current();
      });
      mine.addEventListener('error', () => {
        errors += 1;
        // CLOSED: the server answered with an error (a 429 beyond its limits); EventSource gives up.
        if (mine.readyState === EventSource.CLOSED || errors >= MAX_STREAM_ERRORS) {
          gaveUp = true;
          close();
          setLive(false);
        }
      });
    };
    const close = () => {
      source?.close();
      source = null;
    };
    // A hidden tab needs no live updates (the page asks again when it comes back), and an open
    // stream holds one of the few connections a browser keeps to one site.
    const onVisibility = () => (document.visibilityState === 'hidden' ? close() : open());
    if (document.visibilityState !== 'hidden') open();
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      document.removeEventListener('visibilitychange', onVisibility);
      close();
    };
  }, [org, serviceId]);

  return live;
}

function versionOf(data: unknown): string | null {
  if (typeof data !== 'string') return null;
  try {
    const parsed: unknown = JSON.parse(data);
    return typeof parsed === 'object' && parsed !== null && 'version' in parsed && typeof parsed.version === 'string' ? parsed.version : null;
  } catch {
    return null;
  }
}
