import { useEffect, useState } from 'preact/hooks';
import { t } from '../shared/i18n';
import { categoryMessageKey } from '../shared/taxonomy';
import type { BackgroundClient } from '../shared/protocol/ui-client';
import { describeStatus, DroppedNotice, formatTime, StatusChip } from './delivery-status';
import { formatBytes, usePartUrl } from './evidence-preview';
import { ReportActions } from './history-item';
import type { ReportView } from '../shared/protocol/ui-replies';
import { TimestampNote } from './timestamp-note';

function PartPreview({ partId }: { partId: string }) {
  const url = usePartUrl(partId);
  return url ? <img src={url} alt={t('evidencePreviewAlt', [t('evidenceScreenshot')])} class="detail-shot" /> : null;
}

export function ReportDetail(props: { client: BackgroundClient; record: ReportView; onClose: () => void }) {
  const [record, setRecord] = useState(props.record);
  const [error, setError] = useState<string | null>(null);
  const refresh = () =>
    void props.client.call({ type: 'history/get', id: record.id }).then((next) => (next ? setRecord(next) : props.onClose()));

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => event.key === 'Escape' && props.onClose();
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  const { report } = record;
  return (
    <section aria-labelledby="detail-heading" class="detail">
      <div class="row">
        <h2 id="detail-heading">{t(categoryMessageKey(report.category))}</h2>
        <StatusChip record={record} />
      </div>
      <p class="status">{describeStatus(record)}</p>
      {error && <p class="error" role="alert">{error}</p>}
      <DroppedNotice record={record} />
      <TimestampNote record={record} />
      <dl>
        <dt>{t('packageUrl')}</dt><dd>{report.page.url}</dd>
        <dt>{t('packagePageTitle')}</dt><dd>{report.page.title}</dd>
        <dt>{t('packageCapturedUtc')}</dt><dd>{report.page.capturedAt}</dd>
        <dt>{t('packageCapturedLocal')}</dt><dd>{formatTime(report.page.capturedAt)}</dd>
        {report.listing?.text && (<><dt>{t('packageListing')}</dt><dd>{report.listing.text}</dd></>)}
        <dt>{t('noteLabel')}</dt><dd>{report.note}</dd>
        {record.receipt && (<><dt>{t('receiptLabel')}</dt><dd class="receipt">{record.receipt}</dd></>)}
        {record.signedReceipt && (
          <>
            <dt>{t('signedReceiptLabel')}</dt>
            <dd data-signed-receipt>
              {t('signedReceiptDetail', [record.signedReceipt.reportSha256.slice(0, 16), record.signedReceipt.receivedAt, record.signedReceipt.keyUrl, record.signedReceipt.keyId.slice(0, 16)])}
            </dd>
          </>
        )}
        <dt>{t('attemptsLabel')}</dt><dd>{record.attempts}</dd>
        <dt>{t('matchesHeading')}</dt><dd>{report.matches.map((m) => `${m.phrase} ×${m.count}`).join(', ') || '—'}</dd>
      </dl>
      <h3>{t('evidenceHeading')}</h3>
      {report.evidence.length === 0 && <p class="muted">{t('noEvidence')}</p>}
      {report.evidence.map((evidence, index) => (
        <div class="evidence" key={evidence.part}>
          <div>{evidence.part} · {evidence.mediaType} · {formatBytes(evidence.bytes)}</div>
          <div class="receipt">SHA-256 {evidence.sha256}</div>
          {evidence.mediaType === 'image/png' && record.partIds[index] && <PartPreview partId={record.partIds[index]} />}
        </div>
      ))}
      <ReportActions client={props.client} record={record} onChanged={refresh} onError={setError} />
      <button type="button" onClick={props.onClose} id="detail-close">{t('back')}</button>
    </section>
  );
}
