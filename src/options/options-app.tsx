import { useEffect, useState } from 'preact/hooks';
import { t } from '../shared/i18n';
import type { Settings } from '../shared/settings';
import type { BackgroundClient } from '../ui/background-client';
import { EndpointSection } from './endpoint-section';
import { PrivacySection } from './privacy-section';

export function OptionsApp({ client }: { client: BackgroundClient }) {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    client.call({ type: 'settings/get' }).then(setSettings, (err: unknown) => setError(String(err)));
  }, []);

  async function save(next: Settings) {
    try {
      setSettings(await client.call({ type: 'settings/save', settings: next }));
      setError(null);
    } catch (err) {
      setError(t('error_save', [err instanceof Error ? err.message : String(err)]));
    }
  }

  return (
    <main>
      <h1>{t('optionsTitle')}</h1>
      {error && <p class="error" role="alert">{error}</p>}
      {settings ? (
        <>
          <EndpointSection client={client} settings={settings} onSave={save} />
          <PrivacySection client={client} settings={settings} onSave={save} />
        </>
      ) : (
        !error && <p aria-busy="true">{t('loading')}</p>
      )}
    </main>
  );
}
