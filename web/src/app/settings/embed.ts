/** The HTML a business pastes into its own site to show its booking page in a frame. */
export function embedSnippet(origin: string, slug: string, title: string): string {
  const attribute = (name: string, value: string) => `${name}="${value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;')}"`;
  const attributes = [attribute('src', `${origin}/book/${encodeURIComponent(slug)}`), attribute('title', title), 'width="100%"', 'height="820"', 'loading="lazy"'];
  return `<iframe ${attributes.join(' ')}></iframe>`;
}
