import { t } from '../shared/i18n';
import type { ReportView } from '../shared/protocol/ui-replies';
import { formatTime } from './delivery-status';

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

/** Whether the report carries a trusted timestamp (docs/PROTOCOL.md), and if it went without one, why. */
export function TimestampNote({ record }: { record: ReportView }) {
  const stamp = record.timestamp;
  if (stamp?.state === 'stamped') {
    return <p class="muted" data-timestamp="stamped">{t('timestampStamped', [formatTime(stamp.genTime), stamp.genTime, hostOf(stamp.tsaUrl)])}</p>;
  }
  if (stamp?.state === 'none') {
    const key = stamp.problem === 'unreachable' ? 'timestampNone_unreachable' : stamp.problem === 'refused' ? 'timestampNone_refused' : 'timestampNone_changed';
    return <p class="notice" data-timestamp="none">{t(key, [hostOf(stamp.tsaUrl), stamp.detail])}</p>;
  }
  return null;
}
