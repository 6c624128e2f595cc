import { useEffect, useRef, useState } from 'preact/hooks';
import { Fragment } from 'preact';
import { t } from '../shared/i18n';
import type { Settings } from '../shared/settings';
import type { BackgroundClient } from '../shared/protocol/ui-client';
import { EndpointSection } from './endpoint-section';
import { TimestampSection } from './timestamp-section';
import { PrivacySection } from './privacy-section';
import { HighlightSection } from './highlight-section';
import { PhrasesSection } from './phrases-section';
import { ListsSection } from './lists-section';
import { TransferSection } from './transfer-section';
import type { LockedSetting } from '../shared/managed-settings';
import { saveSettings } from './save-settings';

/** The page's first questions to the worker: what to show, what is locked, and the browser's own policy. */
export interface FirstAnswers {
  shown: Promise<Settings>;
  shownLocked: Promise<LockedSetting[]>;
  live: Promise<{ settings: Settings; locked: LockedSetting[] }>;
}

/**
 * Asks them. main.tsx does so as the page's script starts, before anything is rendered, rather than
 * after the first paint, when effects run: the worker's answer is most of the page's wait (README, Performance).
 */
export function askFirst(client: BackgroundClient): FirstAnswers {
  const shown = client.call({ type: 'settings/get' });
  const shownLocked = client.call({ type: 'settings/locked' }).catch((): LockedSetting[] => []);
  const live = client.call({ type: 'settings/policy-ready' });
  // Handled below once the page has rendered; not reported as unhandled meanwhile.
  shown.catch(() => undefined);
  live.catch(() => undefined);
  return { shown, shownLocked, live };
}

export function OptionsApp({ client, first }: { client: BackgroundClient; first?: FirstAnswers }) {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [locked, setLocked] = useState<LockedSetting[]>([]);
  const [error, setError] = useState<string | null>(null);
  // Bumped after *Delete all local data*: the endpoint form keeps what was typed, so it starts afresh.
  const [generation, setGeneration] = useState(0);
  // Bumped when the browser's policy replaces the one first shown: every section starts afresh.
  const [policyGeneration, setPolicyGeneration] = useState(0);

  // Bumped by every save and reload: a policy that arrives after one of them no longer replaces what is shown.
  const changes = useRef(0);

  useEffect(() => {
    const { shown, shownLocked, live: liveAnswer } = first ?? askFirst(client);
    shown.then(setSettings, (err: unknown) => setError(String(err)));
    void shownLocked.then(setLocked);
    // Right after a browser start the page is shown under the policy the worker kept from its last read
    // (background/ui-policy.ts); once it has the browser's own, a different one replaces it.
    void Promise.all([shown, shownLocked, liveAnswer]).then(
      ([first, firstLocked, live]) => {
        if (JSON.stringify({ settings: first, locked: firstLocked }) === JSON.stringify(live)) return;
        setLocked(live.locked);
        // Settings saved since were saved under the browser's policy (the worker waits for it to save).
        if (changes.current > 0) return;
        setSettings(live.settings);
        setPolicyGeneration((n) => n + 1);
      },
      () => undefined,
    );
  }, []);

  /** After *Delete all local data*: show the settings as they now are (the defaults, and any policy). */
  async function reload() {
    changes.current++;
    const next = await client.call({ type: 'settings/get' });
    setSettings(next);
    setGeneration((n) => n + 1);
  }

  // Numbers the saves: only the latest one's outcome is shown.
  const saves = useRef(0);

  async function save(next: Settings) {
    changes.current++;
    const mine = ++saves.current;
    const before = settings;
    // Shown at once, before the worker answers: a change made right after this one (a box ticked as a
    // field loses focus and saves) is built on it, not on the settings shown before it, which would
    // undo it.
    setSettings(next);
    const outcome = await saveSettings(client, next);
    if (mine !== saves.current) return;
    setSettings(outcome.ok ? outcome.settings : before);
    setError(outcome.ok ? null : outcome.error);
  }

  return (
    <main>
      <h1>{t('optionsTitle')}</h1>
      {error && <p class="error" role="alert">{error}</p>}
      {settings ? (
        <Fragment key={policyGeneration}>
          <EndpointSection key={generation} client={client} settings={settings} locked={locked} onSave={save} />
          <TimestampSection key={`timestamp-${generation}`} settings={settings} locked={locked} onSave={save} />
          <HighlightSection settings={settings} locked={locked} onSave={save} />
          <PhrasesSection settings={settings} onSave={save} />
          <ListsSection client={client} settings={settings} locked={locked} onSave={save} />
          <PrivacySection client={client} settings={settings} locked={locked} onSave={save} onCleared={reload} />
          <TransferSection settings={settings} onSave={save} />
        </Fragment>
      ) : (
        !error && <p aria-busy="true">{t('loading')}</p>
      )}
    </main>
  );
}
