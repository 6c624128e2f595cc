import { useState } from 'preact/hooks';
import { t } from '../shared/i18n';
import type { Settings } from '../shared/settings';
import { exportSettings, importSettings, MAX_SETTINGS_FILE_BYTES } from '../shared/settings-file';

/** Export and import of the whole settings file (docs/SETTINGS.md); a bad file changes nothing. */
export function TransferSection({ settings, onSave }: { settings: Settings; onSave: (next: Settings) => Promise<void> }) {
  const [includeToken, setIncludeToken] = useState(false);
  const [status, setStatus] = useState<{ text: string; error: boolean } | null>(null);

  function download() {
    const blob = new Blob([exportSettings(settings, { includeToken })], { type: 'application/json' });
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = `tipline-settings-${new Date().toISOString().slice(0, 10)}.json`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    setStatus({ text: t('settingsExported'), error: false });
  }

  async function upload(event: Event) {
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    // Said before the file is read: a file of gigabytes would be copied whole first.
    if (file.size > MAX_SETTINGS_FILE_BYTES) return setStatus({ text: t('importProblem_too_big', [`${file.size} > ${MAX_SETTINGS_FILE_BYTES}`]), error: true });
    const result = importSettings(await file.text(), settings);
    if (!result.ok) return setStatus({ text: t(`importProblem_${result.problem.replace(/-/g, '_')}`, [result.detail]), error: true });
    await onSave(result.settings);
    setStatus({ text: t('settingsImported', [file.name]), error: false });
  }

  return (
    <section aria-labelledby="transfer-heading">
      <h2 id="transfer-heading">{t('transferHeading')}</h2>
      <div class="field">
        <label class="inline">
          <input type="checkbox" id="export-token" checked={includeToken} onChange={(e) => setIncludeToken(e.currentTarget.checked)} />
          {t('exportIncludeToken')}
        </label>
      </div>
      <div class="row">
        <button type="button" id="settings-export" onClick={download}>{t('settingsExport')}</button>
        <button type="button" id="settings-import-button" onClick={() => document.getElementById('settings-import')?.click()}>{t('settingsImport')}</button>
        <input id="settings-import" hidden type="file" accept="application/json,.json" onChange={(e) => void upload(e)} />
      </div>
      <p role="status" id="transfer-status" class={status?.error ? 'error' : 'success'}>{status?.text ?? ''}</p>
    </section>
  );
}
