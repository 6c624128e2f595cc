import { t } from '../shared/i18n';
import { evidencePolicy } from '../shared/taxonomy';
import type { BackgroundClient } from '../shared/protocol/ui-client';
import type { ReportView } from '../shared/protocol/ui-replies';
import { describeStatus, DroppedNotice } from './delivery-status';
import { exportEvidencePackage } from './export-package';
import { OfficialSites } from './official-sites';
import { useDelivery } from './use-delivery';

/** After the submit: where the report stands (followed until it settles), its package, the official sites. */
export function ReportDone(props: { client: BackgroundClient; sent: ReportView; onShowHistory: () => void }) {
  const delivered = useDelivery(props.client, props.sent);
  const record = delivered ?? props.sent;
  return (
    <section aria-labelledby="done-heading">
      <h2 id="done-heading">{t('reportSaved')}</h2>
      <p class={`status ${record.status === 'rejected' ? 'error' : record.status === 'delivered' ? 'success' : ''}`} role="status" data-status={record.status}>
        {describeStatus(record)}
      </p>
      <DroppedNotice record={record} />
      {evidencePolicy(record.report.category) !== 'forbidden' && (
        <button type="button" id="export-package" onClick={() => void exportEvidencePackage(record)}>{t('exportPackage')}</button>
      )}
      <OfficialSites record={record} />
      <button type="button" onClick={props.onShowHistory}>{t('viewHistory')}</button>
    </section>
  );
}
