import { useEffect, useLayoutEffect, useState } from 'preact/hooks';
import { t } from '../shared/i18n';
import { CATEGORY_IDS, categoryMessageKey, type Category } from '../shared/taxonomy';
import type { BackgroundClient } from '../shared/protocol/ui-client';
import { HistoryItem } from './history-item';
import { ReportDetail } from './report-detail';
import type { ReportView } from '../shared/protocol/ui-replies';
import { HISTORY_PAGE, takeFirstPage } from './history-first-page';

const STATUSES = ['local', 'queued', 'sending', 'retry', 'delivered', 'rejected', 'cancelled'] as const;

export function HistoryList({ client }: { client: BackgroundClient }) {
  const [items, setItems] = useState<ReportView[] | null>(null);
  const [more, setMore] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [text, setText] = useState('');
  const [status, setStatus] = useState('');
  const [category, setCategory] = useState<Category | ''>('');
  const [open, setOpen] = useState<ReportView | null>(null);

  const filter = () => ({
    ...(text.trim() ? { text: text.trim() } : {}),
    ...(status ? { status } : {}),
    ...(category ? { category } : {}),
  });

  async function load(before?: string, asked?: Promise<ReportView[]>) {
    try {
      const page = await (asked ?? client.call({ type: 'history/list', limit: HISTORY_PAGE, before, filter: filter() }));
      setItems((current) => (before && current ? [...current, ...page] : page));
      setMore(page.length === HISTORY_PAGE);
      setError(null);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  }

  // In the first render's task: the first page may be on its way already (history-first-page.ts).
  useLayoutEffect(() => {
    const filtered = text.trim() || status || category;
    void load(undefined, filtered ? undefined : takeFirstPage());
  }, [text, status, category]);

  useEffect(() => {
    if (items && !performance.getEntriesByName('tipline-history-rendered').length) performance.mark('tipline-history-rendered');
  }, [items]);

  if (open) return <ReportDetail client={client} record={open} onClose={() => { setOpen(null); void load(); }} />;

  return (
    <section aria-labelledby="history-heading">
      <h2 id="history-heading" class="sr-only">{t('viewHistory')}</h2>
      <div class="filters">
        <label for="history-search" class="sr-only">{t('historySearch')}</label>
        <input id="history-search" type="search" placeholder={t('historySearch')} value={text} onInput={(e) => setText(e.currentTarget.value)} />
        <label for="history-status" class="sr-only">{t('historyStatusFilter')}</label>
        <select id="history-status" value={status} onChange={(e) => setStatus(e.currentTarget.value)}>
          <option value="">{t('historyAllStatuses')}</option>
          {STATUSES.map((s) => <option value={s} key={s}>{t(`status_${s}`)}</option>)}
        </select>
        <label for="history-category" class="sr-only">{t('historyCategoryFilter')}</label>
        <select id="history-category" value={category} onChange={(e) => setCategory(e.currentTarget.value as Category | '')}>
          <option value="">{t('historyAllCategories')}</option>
          {CATEGORY_IDS.map((id) => <option value={id} key={id}>{t(categoryMessageKey(id))}</option>)}
        </select>
      </div>
      {error && <p class="error" role="alert">{error}</p>}
      {!items ? (
        <p aria-busy="true">{t('loading')}</p>
      ) : items.length === 0 ? (
        <p class="muted" id="history-empty">{t('historyEmpty')}</p>
      ) : (
        <ul class="history" aria-label={t('viewHistory')}>
          {items.map((record) => (
            <HistoryItem key={record.id} client={client} record={record} onChanged={() => void load()} onOpen={() => setOpen(record)} onError={setError} />
          ))}
        </ul>
      )}
      {more && items && (
        <button type="button" onClick={() => void load(items[items.length - 1]?.createdAt)}>{t('loadMore')}</button>
      )}
    </section>
  );
}
