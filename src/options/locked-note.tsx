import { t } from '../shared/i18n';

/** Shown next to a control that the organisation's policy sets (docs/DEPLOYMENT.md). */
export function LockedNote({ id }: { id: string }) {
  return (
    <p class="hint locked" id={id}>
      {t('lockedByPolicy')}
    </p>
  );
}
