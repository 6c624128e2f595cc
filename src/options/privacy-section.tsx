import { t } from '../shared/i18n';
import type { Settings } from '../shared/settings';
import { useState } from 'preact/hooks';
import type { BackgroundClient } from '../ui/background-client';

export function PrivacySection({ client, settings, onSave }: { client: BackgroundClient; settings: Settings; onSave: (next: Settings) => Promise<void> }) {
  const [cleared, setCleared] = useState<string | null>(null);
  async function clearAll() {
    if (!confirm(t('confirmClearAll'))) return;
    try {
      await client.call({ type: 'data/clear' });
      setCleared(t('clearedAll'));
    } catch (error) {
      setCleared(String(error));
    }
  }
  const set = (change: Partial<Settings['privacy']>) => void onSave({ ...settings, privacy: { ...settings.privacy, ...change } });
  const setHighlight = (change: Partial<Settings['highlight']>) => void onSave({ ...settings, highlight: { ...settings.highlight, ...change } });
  return (
    <section aria-labelledby="privacy-heading">
      <h2 id="privacy-heading">{t('privacyHeading')}</h2>
      <div class="field">
        <label class="inline">
          <input type="checkbox" id="highlight-enabled" checked={settings.highlight.enabled} onChange={(e) => setHighlight({ enabled: e.currentTarget.checked })} />
          {t('highlightEnabled')}
        </label>
      </div>
      <div class="field">
        <label for="contact-default">{t('contactDefaultLabel')}</label>
        <input id="contact-default" type="text" value={settings.privacy.contact} maxLength={500} onChange={(e) => set({ contact: e.currentTarget.value })} aria-describedby="contact-hint" />
        <div class="hint" id="contact-hint">{t('contactDefaultHint')}</div>
      </div>
      <div class="field">
        <label for="retention">{t('retentionLabel')}</label>
        <input id="retention" type="number" min={1} max={3650} value={settings.privacy.retentionDays} onChange={(e) => {
          const days = Number(e.currentTarget.value);
          if (Number.isInteger(days) && days >= 1 && days <= 3650) set({ retentionDays: days });
        }} />
      </div>
      <div class="field">
        <button type="button" class="danger" id="clear-all" onClick={() => void clearAll()}>{t('clearAll')}</button>
        <p role="status" class="hint">{cleared ?? ''}</p>
      </div>
    </section>
  );
}
