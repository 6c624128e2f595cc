import { useEffect, useState } from 'preact/hooks';
import type { ReportView } from '../background/records';
import { t } from '../shared/i18n';
import { categoryMessageKey } from '../shared/taxonomy';
import type { BackgroundClient } from '../ui/background-client';
import { describeStatus, formatTime, StatusChip } from './delivery-status';

const PAGE = 25;

export function HistoryList({ client }: { client: BackgroundClient }) {
  const [items, setItems] = useState<ReportView[] | null>(null);
  const [more, setMore] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function load(before?: string) {
    try {
      const page = await client.call({ type: 'history/list', limit: PAGE, before });
      setItems((current) => (before && current ? [...current, ...page] : page));
      setMore(page.length === PAGE);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  }

  useEffect(() => {
    void load();
  }, []);

  async function act(type: 'history/retry' | 'history/delete', record: ReportView) {
    if (type === 'history/delete' && !confirm(t('confirmDelete'))) return;
    await client.call({ type, id: record.id }).catch((err: unknown) => setError(String(err)));
    await load();
  }

  if (error) return <p class="error" role="alert">{error}</p>;
  if (!items) return <p aria-busy="true">{t('loading')}</p>;
  if (items.length === 0) return <p class="muted">{t('historyEmpty')}</p>;
  return (
    <>
      <h2 class="sr-only">{t('viewHistory')}</h2>
      <ul class="history" aria-label={t('viewHistory')}>
        {items.map((record) => (
          <li key={record.id} data-id={record.id}>
            <div class="row">
              <strong>{t(categoryMessageKey(record.report.category))}</strong>
              <StatusChip record={record} />
            </div>
            <div class="url">{record.report.page.url}</div>
            <div class="muted">{formatTime(record.createdAt)}</div>
            <p class="status">{describeStatus(record)}</p>
            {record.receipt && (
              <div>
                {t('receiptLabel')}: <span class="receipt" data-receipt>{record.receipt}</span>
              </div>
            )}
            <div class="actions">
              {['retry', 'rejected', 'local', 'cancelled'].includes(record.status) && (
                <button type="button" onClick={() => act('history/retry', record)}>{t('retryNow')}</button>
              )}
              <button type="button" class="danger" onClick={() => act('history/delete', record)}>{t('delete')}</button>
            </div>
          </li>
        ))}
      </ul>
      {more && (
        <button type="button" onClick={() => void load(items[items.length - 1]?.createdAt)}>{t('loadMore')}</button>
      )}
    </>
  );
}
