import { useEffect, useState } from 'react';

/**
 * The token of a link we handed out (/setup#token, /reset-password#token, /not-me#token): the
 * fragment never reaches a server, a log or a Referer. Read once, then taken out of the address
 * bar and the history entry so it is not left behind for the next person at this browser.
 */
export function useLinkToken(): string {
  const [token] = useState(readToken);
  useEffect(() => {
    if (window.location.hash) window.history.replaceState(window.history.state, '', window.location.pathname + window.location.search);
  }, []);
  return token;
}

function readToken(): string {
  try {
    return decodeURIComponent(window.location.hash.replace(/^#/, ''));
  } catch {
    return '';
  }
}

/** Our link tokens are long URL-safe strings; anything else is a cut-off or mangled link. */
export const looksLikeToken = (token: string) => /^[A-Za-z0-9_-]{20,}$/.test(token);
