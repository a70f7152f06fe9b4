/** Only a page of this app may be the way back after sign-in (never another site, never a scheme). */
export function safeNext(next: string | null): string | null {
  return next && /^\/app(\/[\w\-/]*)?(\?[\w=&%-]*)?$/.test(next) && !next.includes('//') ? next : null;
}
