import { t } from '../shared/i18n';
import type { ReportView } from '../shared/protocol/ui-replies';

export function formatTime(iso: string | number): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : date.toLocaleString();
}

/** One sentence for where a report stands, in the reporter's words rather than the protocol's. */
export function describeStatus(record: ReportView): string {
  switch (record.status) {
    case 'local':
      return t('statusLocalLong');
    case 'queued':
    case 'sending':
      return t('statusSendingLong');
    case 'delivered':
      return t('statusDeliveredLong', [record.receipt ?? '']);
    case 'rejected':
      return t('statusRejectedLong', [record.lastError ?? '']);
    case 'retry':
      return t('statusRetryLong', [formatTime(record.nextAttemptAt ?? Date.now()), String(record.attempts), record.lastError ?? '']);
    case 'cancelled':
      return t('statusCancelledLong');
  }
}

export function StatusChip({ record }: { record: ReportView }) {
  const key = `status_${record.status}`;
  return <span class={`chip ${record.status}`} data-status={record.status}>{t(key)}</span>;
}

export function DroppedNotice({ record }: { record: ReportView }) {
  if (!record.droppedParts?.length) return null;
  return <p class="notice" role="alert">{t('droppedPartsNotice', [record.droppedParts.join(', ')])}</p>;
}
