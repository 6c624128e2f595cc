import { useEffect, useState } from 'preact/hooks';
import { t } from '../shared/i18n';
import type { Settings } from '../shared/settings';
import type { BackgroundClient } from '../shared/protocol/ui-client';
import { EndpointSection } from './endpoint-section';
import { PrivacySection } from './privacy-section';
import { HighlightSection } from './highlight-section';
import { PhrasesSection } from './phrases-section';
import { ListsSection } from './lists-section';
import { TransferSection } from './transfer-section';
import type { LockedSetting } from '../shared/managed-settings';
import { saveSettings } from './save-settings';

export function OptionsApp({ client }: { client: BackgroundClient }) {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [locked, setLocked] = useState<LockedSetting[]>([]);
  const [error, setError] = useState<string | null>(null);
  // Bumped after *Delete all local data*: the endpoint form keeps what was typed, so it starts afresh.
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    client.call({ type: 'settings/get' }).then(setSettings, (err: unknown) => setError(String(err)));
    client.call({ type: 'settings/locked' }).then(setLocked, () => setLocked([]));
  }, []);

  /** After *Delete all local data*: show the settings as they now are (the defaults, and any policy). */
  async function reload() {
    const next = await client.call({ type: 'settings/get' });
    setSettings(next);
    setGeneration((n) => n + 1);
  }

  async function save(next: Settings) {
    const outcome = await saveSettings(client, next);
    if (outcome.ok) setSettings(outcome.settings);
    setError(outcome.ok ? null : outcome.error);
  }

  return (
    <main>
      <h1>{t('optionsTitle')}</h1>
      {error && <p class="error" role="alert">{error}</p>}
      {settings ? (
        <>
          <EndpointSection key={generation} client={client} settings={settings} locked={locked} onSave={save} />
          <HighlightSection settings={settings} locked={locked} onSave={save} />
          <PhrasesSection settings={settings} onSave={save} />
          <ListsSection client={client} settings={settings} locked={locked} onSave={save} />
          <PrivacySection client={client} settings={settings} locked={locked} onSave={save} onCleared={reload} />
          <TransferSection settings={settings} onSave={save} />
        </>
      ) : (
        !error && <p aria-busy="true">{t('loading')}</p>
      )}
    </main>
  );
}
