import { t } from '../shared/i18n';
import type { Settings } from '../shared/settings';
import { useState } from 'preact/hooks';
import type { BackgroundClient } from '../shared/protocol/ui-client';
import type { LockedSetting } from '../shared/managed-settings';
import { LockedNote } from './locked-note';
import { SnapshotFormatField } from './snapshot-format-field';

export function PrivacySection({ client, settings, locked, onSave, onCleared }: { client: BackgroundClient; settings: Settings; locked: readonly LockedSetting[]; onSave: (next: Settings) => Promise<void>; onCleared?: () => Promise<void> }) {
  const retentionLocked = locked.includes('privacy.retentionDays');
  const [cleared, setCleared] = useState<string | null>(null);
  async function clearAll() {
    if (!confirm(t('confirmClearAll'))) return;
    try {
      const deleted = await client.call({ type: 'data/clear' });
      setCleared(t('clearedAllCounts', [deleted.reports, deleted.parts, deleted.drafts, deleted.storedItems, deleted.secrets].map(String)));
      await onCleared?.();
    } catch (error) {
      setCleared(String(error));
    }
  }
  const set = (change: Partial<Settings['privacy']>) => void onSave({ ...settings, privacy: { ...settings.privacy, ...change } });
  return (
    <section aria-labelledby="privacy-heading">
      <h2 id="privacy-heading">{t('privacyHeading')}</h2>
      <div class="field">
        <label class="inline">
          <input type="checkbox" id="anonymous" checked={settings.privacy.anonymous} aria-describedby="anonymous-hint" onChange={(e) => set({ anonymous: e.currentTarget.checked })} />
          {t('anonymousLabel')}
        </label>
        <div class="hint" id="anonymous-hint">{t('anonymousHint')}</div>
      </div>
      <div class="field">
        <label class="inline">
          <input type="checkbox" id="snapshot-default" checked={settings.privacy.snapshotByDefault} aria-describedby="snapshot-default-hint" onChange={(e) => set({ snapshotByDefault: e.currentTarget.checked })} />
          {t('snapshotDefaultLabel')}
        </label>
        <div class="hint" id="snapshot-default-hint">{t('snapshotDefaultHint')}</div>
      </div>
      <SnapshotFormatField settings={settings} set={set} />
      <div class="field">
        <label for="contact-default">{t('contactDefaultLabel')}</label>
        <input id="contact-default" type="text" value={settings.privacy.contact} maxLength={500} onChange={(e) => set({ contact: e.currentTarget.value })} aria-describedby="contact-hint" />
        <div class="hint" id="contact-hint">{t('contactDefaultHint')}</div>
      </div>
      <div class="field">
        <label for="retention">{t('retentionLabel')}</label>
        <input id="retention" type="number" min={1} max={3650} value={settings.privacy.retentionDays} disabled={retentionLocked} aria-describedby={retentionLocked ? 'retention-locked' : undefined} onChange={(e) => {
          const days = Number(e.currentTarget.value);
          if (Number.isInteger(days) && days >= 1 && days <= 3650) set({ retentionDays: days });
        }} />
        {retentionLocked && <LockedNote id="retention-locked" />}
      </div>
      <div class="field">
        <button type="button" class="danger" id="clear-all" onClick={() => void clearAll()}>{t('clearAll')}</button>
        <p role="status" class="hint">{cleared ?? ''}</p>
      </div>
    </section>
  );
}
