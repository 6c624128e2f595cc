import { t } from '../shared/i18n';
import { categoryMessageKey } from '../shared/taxonomy';
import type { BackgroundClient } from '../shared/protocol/ui-client';
import { describeStatus, formatTime, StatusChip } from './delivery-status';
import { exportEvidencePackage } from './export-package';
import type { ReportView } from '../shared/protocol/ui-replies';
import { TimestampNote } from './timestamp-note';

export const RETRYABLE = ['retry', 'rejected', 'local', 'cancelled'];
export const CANCELLABLE = ['queued', 'retry'];

export function ReportActions(props: { client: BackgroundClient; record: ReportView; onChanged: () => void; onError: (message: string) => void }) {
  const { client, record } = props;
  async function run(work: () => Promise<unknown>) {
    try {
      await work();
      props.onChanged();
    } catch (error) {
      props.onError(error instanceof Error ? error.message : String(error));
    }
  }
  return (
    <div class="actions">
      {RETRYABLE.includes(record.status) && (
        <button type="button" data-action="retry" onClick={() => run(() => client.call({ type: 'history/retry', id: record.id }))}>{t('retryNow')}</button>
      )}
      {CANCELLABLE.includes(record.status) && (
        <button type="button" data-action="cancel" onClick={() => run(() => client.call({ type: 'history/cancel', id: record.id }))}>{t('cancelSend')}</button>
      )}
      <button type="button" data-action="export" onClick={() => run(() => exportEvidencePackage(record))}>{t('exportPackage')}</button>
      <button
        type="button"
        class="danger"
        data-action="delete"
        onClick={() => confirm(t('confirmDelete')) && run(() => client.call({ type: 'history/delete', id: record.id }))}
      >
        {t('delete')}
      </button>
    </div>
  );
}

export function HistoryItem(props: { client: BackgroundClient; record: ReportView; onChanged: () => void; onOpen: () => void; onError: (message: string) => void }) {
  const { record } = props;
  return (
    <li data-id={record.id}>
      <div class="row">
        <button type="button" class="link" onClick={props.onOpen}>
          <strong>{t(categoryMessageKey(record.report.category))}</strong>
          <span class="sr-only"> — {t('openDetails')}</span>
        </button>
        <StatusChip record={record} />
      </div>
      <div class="url">{record.report.page.url}</div>
      <div class="muted">{formatTime(record.createdAt)}</div>
      {record.status !== 'delivered' && <p class="status">{describeStatus(record)}</p>}
      {record.receipt && (
        <div>
          {t('receiptLabel')}: <span class="receipt" data-receipt>{record.receipt}</span>
          {record.signedReceipt && <span class="muted" data-receipt-signed> · {t('receiptSigned')}</span>}
        </div>
      )}
      <TimestampNote record={record} />
      <ReportActions client={props.client} record={record} onChanged={props.onChanged} onError={props.onError} />
    </li>
  );
}
