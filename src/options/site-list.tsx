import { useState } from 'preact/hooks';
import { t } from '../shared/i18n';
import { siteOf } from '../shared/url';

/** A host name as typed ("https://Shop.example/x", "shop.example") → "shop.example", or null. */
export function normaliseSite(input: string): string | null {
  const trimmed = input.trim();
  if (!trimmed) return null;
  const site = siteOf(/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`).toLowerCase();
  // URL parsing already turned IDNs into punycode; what is left must look like a host name.
  if (site === 'localhost' || /^\d{1,3}(\.\d{1,3}){3}$/.test(site)) return site;
  return /^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(site) ? site : null;
}

/** An editable list of sites (paused, stealth): add by name, remove each. */
export function SiteList(props: { id: string; label: string; hint: string; sites: readonly string[]; onChange: (sites: string[]) => void }) {
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string | null>(null);
  function add(event: Event) {
    event.preventDefault();
    const site = normaliseSite(draft);
    if (!site) return setError(t('siteInvalid', [draft.trim()]));
    setError(null);
    setDraft('');
    if (!props.sites.includes(site)) props.onChange([...props.sites, site]);
  }
  return (
    <div class="field">
      <label for={`${props.id}-input`}>{props.label}</label>
      <form class="row" onSubmit={add}>
        <input id={`${props.id}-input`} class="grow" type="text" value={draft} placeholder="shop.example" onInput={(e) => { setDraft(e.currentTarget.value); setError(null); }} aria-describedby={`${props.id}-hint ${props.id}-error`} />
        <button type="submit" id={`${props.id}-add`}>{t('add')}</button>
      </form>
      <div class="hint" id={`${props.id}-hint`}>{props.hint}</div>
      <p class="error" id={`${props.id}-error`} role="alert">{error ?? ''}</p>
      {props.sites.length > 0 && (
        <ul class="chips" id={`${props.id}-list`} aria-label={props.label}>
          {props.sites.map((site) => (
            <li key={site}>
              <span>{site}</span>
              <button type="button" class="link" aria-label={t('removeItem', [site])} onClick={() => props.onChange(props.sites.filter((s) => s !== site))}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
