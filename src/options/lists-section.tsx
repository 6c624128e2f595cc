import { useEffect, useState } from 'preact/hooks';
import { t } from '../shared/i18n';
import type { LockedSetting } from '../shared/managed-settings';
import type { StoredLists } from '../shared/phrase-subscriptions';
import type { Settings } from '../shared/settings';
import type { BackgroundClient } from '../shared/protocol/ui-client';
import { LockedNote } from './locked-note';
import { addList, listErrorText, loadLists, refreshLists, withSubscription, type ListsView } from './lists-steps';
import type { StatusMessage } from './status-message';

const when = (iso: string | undefined) => (iso ? new Date(iso).toLocaleString() : t('never'));

/** Subscribed phrase lists (docs/PHRASE-LISTS.md): add by URL, refresh, enable, remove. */
export function ListsSection({ client, settings, locked, onSave }: { client: BackgroundClient; settings: Settings; locked: readonly LockedSetting[]; onSave: (next: Settings) => Promise<void> }) {
  const [lists, setLists] = useState<StoredLists>({});
  const [url, setUrl] = useState('');
  const [status, setStatus] = useState<StatusMessage | null>(null);
  const [busy, setBusy] = useState(false);
  const isLocked = locked.includes('subscriptions');

  const view: ListsView = { lists: setLists, status: setStatus, busy: setBusy, added: () => setUrl('') };

  useEffect(() => {
    void loadLists(client, view);
  }, [settings.subscriptions.length]);

  const add = (event: Event) => {
    event.preventDefault();
    return addList(client, { settings, url, onSave }, view);
  };
  const refresh = () => refreshLists(client, view);
  const setSubscription = (target: string, change: { enabled?: boolean; remove?: boolean }) => void onSave(withSubscription(settings, target, change));

  return (
    <section aria-labelledby="lists-heading">
      <h2 id="lists-heading">{t('listsHeading')}</h2>
      <p class="hint">{t('listsHint')}</p>
      {isLocked && <LockedNote id="lists-locked" />}
      {!isLocked && (
        <form class="field" onSubmit={(e) => void add(e)}>
          <label for="list-url">{t('listUrlLabel')}</label>
          <div class="row">
            <input id="list-url" type="url" value={url} placeholder="https://lists.example.org/phrases.json" onInput={(e) => setUrl(e.currentTarget.value)} class="grow" />
            <button type="submit" class="primary" id="list-add" disabled={busy}>{t('add')}</button>
          </div>
        </form>
      )}
      {settings.subscriptions.length > 0 && (
        <ul class="lists" id="lists">
          {settings.subscriptions.map((s) => {
            const list = lists[s.url];
            return (
              <li key={s.url} class="list-item" data-url={s.url}>
                <div class="row between">
                  <strong>{list?.name ?? s.url}</strong>
                  {list?.version && <span class="muted">{t('listVersion', [list.version])}</span>}
                </div>
                <div class="hint url">{s.url}</div>
                <div class="hint">
                  {t('listSummary', [String(list?.entries.length ?? 0), when(list?.fetchedAt)])}
                </div>
                {list?.lastError && (
                  <p class="error list-error" role="status">
                    {t('listLastAttemptFailed', [when(list.lastAttemptAt)])} {listErrorText(list.lastError)}
                    {list.entries.length > 0 ? ` ${t('listKeptLastGood')}` : ''}
                  </p>
                )}
                {!isLocked && (
                  <div class="row">
                    <label class="inline">
                      <input type="checkbox" checked={s.enabled} onChange={(e) => setSubscription(s.url, { enabled: e.currentTarget.checked })} />
                      {t('listEnabled')}
                    </label>
                    <button type="button" class="link danger" aria-label={t('removeItem', [list?.name ?? s.url])} onClick={() => setSubscription(s.url, { remove: true })}>{t('remove')}</button>
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {settings.subscriptions.length > 0 && (
        <button type="button" id="lists-refresh" disabled={busy} onClick={() => void refresh()}>{t('listsRefresh')}</button>
      )}
      <p role="status" id="lists-status" class={status?.error ? 'error' : 'success'}>{status?.text ?? ''}</p>
    </section>
  );
}
