import { useId, useState } from 'react';
import { useLocale } from '../../components/useLocale';
import { embedSnippet } from './embed';

export function EmbedSnippet({ slug, origins }: { slug: string; origins: string[] }) {
  const { t } = useLocale('app');
  const titleId = useId();
  const codeId = useId();
  const [copied, setCopied] = useState<boolean | null>(null);
  const code = embedSnippet(window.location.origin, slug, t('embed.frameTitle'));

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(code);
      setCopied(true);
    } catch {
      // Clipboard refused (permissions): the snippet stays selectable in its field.
      setCopied(false);
    }
  };

  return (
    <div className="embed" aria-labelledby={titleId} role="group">
      <h3 id={titleId}>{t('embed.title')}</h3>
      <p>{origins.length > 0 ? t('embed.allowed', { origins: origins.join(', ') }) : t('embed.noneAllowed')}</p>
      <label htmlFor={codeId}>{t('embed.code')}</label>
      <textarea id={codeId} className="snippet" readOnly rows={3} value={code} onFocus={(e) => e.target.select()} />
      <div className="actions">
        <button type="button" className="button-secondary" onClick={() => void copy()}>
          {t('embed.copy')}
        </button>
        {copied === null ? null : (
          <span role="status">{copied ? t('embed.copied') : t('embed.copyFailed')}</span>
        )}
      </div>
    </div>
  );
}
