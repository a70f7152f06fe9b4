import { useId, useMemo, useState } from 'react';
import { searchTimeZones, zoneCity, zoneName } from '../lib/time';
import { useLocale } from './useLocale';

interface Props {
  zone: string;
  onChange(zone: string): void;
  /** The business's zone, noted when it differs from the customer's. */
  businessZone: string;
  businessName: string;
}

/** "Times in New York time" with a searchable list of every zone the browser knows. */
export function TimeZonePicker({ zone, onChange, businessZone, businessName }: Props) {
  const { t, language } = useLocale();
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const panelId = useId();
  const searchId = useId();
  const results = useMemo(() => (open ? searchTimeZones(query, language) : []), [open, query, language]);

  const choose = (z: string) => {
    onChange(z);
    setOpen(false);
    setQuery('');
  };

  return (
    <section className="zone" aria-label={t('zone.region')}>
      <p className="zone-current">
        {t('zone.shownIn', { zone: zoneCity(zone), name: zoneName(zone, language) })}{' '}
        <button type="button" className="link-button" aria-expanded={open} aria-controls={panelId} onClick={() => setOpen(!open)}>
          {open ? t('zone.close') : t('zone.change')}
        </button>
      </p>
      {businessZone !== zone && (
        <p className="zone-note">{t('zone.businessDiffers', { business: businessName, zone: zoneCity(businessZone), name: zoneName(businessZone, language) })}</p>
      )}
      {open && (
        <div id={panelId} className="zone-panel">
          <label htmlFor={searchId}>{t('zone.search')}</label>
          <input
            id={searchId}
            type="search"
            autoComplete="off"
            value={query}
            placeholder={t('zone.searchPlaceholder')}
            onChange={(e) => setQuery(e.target.value)}
            onKeyDown={(e) => {
              const first = results[0];
              if (e.key === 'Enter' && first) {
                e.preventDefault();
                choose(first);
              }
            }}
          />
          <p className="visually-hidden" role="status">
            {t('zone.results', { count: results.length })}
          </p>
          <ul className="zone-results">
            {results.map((z) => (
              <li key={z}>
                <button type="button" className="zone-option" aria-pressed={z === zone} onClick={() => choose(z)}>
                  <span>{z.replace(/_/g, ' ')}</span>
                  <span className="muted">{zoneName(z, language)}</span>
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
