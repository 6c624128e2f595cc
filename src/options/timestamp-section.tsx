import { useState } from 'preact/hooks';
import { t } from '../shared/i18n';
import type { Settings } from '../shared/settings';
import type { LockedSetting } from '../shared/managed-settings';
import { LockedNote } from './locked-note';
import { saveTimestampUrl } from './timestamp-steps';
import { askEndpointAccess, type AccessAnswer } from './endpoint-access-request';
import { endpointHost } from '../shared/endpoint-access';
import type { StatusMessage } from './status-message';

/** The Time-Stamp Authority asked for a trusted timestamp before each report's first send (docs/SETTINGS.md). */
export function TimestampSection(props: { settings: Settings; locked: readonly LockedSetting[]; onSave: (next: Settings) => Promise<void> }) {
  const isLocked = props.locked.includes('timestampUrl');
  const [url, setUrl] = useState(props.settings.timestampUrl ?? '');
  const [message, setMessage] = useState<StatusMessage | null>(null);

  async function save(event: Event) {
    event.preventDefault();
    // Asked within the click, as for the endpoint: with site access limited, the worker reaches the
    // Time-Stamp Authority only if the browser grants its host.
    const access: Promise<AccessAnswer> = url.trim() ? askEndpointAccess(url) : Promise.resolve('not-needed');
    const saved = await saveTimestampUrl({ settings: props.settings, url, onSave: props.onSave });
    setMessage(saved);
    if (saved.error || !url.trim()) return;
    if ((await access) === 'refused') setMessage({ text: t('timestampAccessRefused', endpointHost(url)), error: true });
  }

  return (
    <section aria-labelledby="timestamp-heading">
      <h2 id="timestamp-heading">{t('timestampHeading')}</h2>
      {isLocked && <LockedNote id="timestamp-locked" />}
      <form onSubmit={save}>
        <div class="field">
          <label for="timestamp-url">{t('timestampUrlLabel')}</label>
          <input id="timestamp-url" type="url" value={url} placeholder="https://tsa.example.org/tsr" onInput={(e) => setUrl(e.currentTarget.value)} aria-describedby={isLocked ? 'timestamp-url-hint timestamp-locked' : 'timestamp-url-hint'} readOnly={isLocked} />
          <div class="hint" id="timestamp-url-hint">{t('timestampUrlHint')}</div>
        </div>
        <div class="row">
          <button type="submit" class="primary" id="timestamp-save" disabled={isLocked}>{t('save')}</button>
        </div>
        <p role="status" id="timestamp-status" class={message?.error ? 'error' : 'success'}>{message?.text ?? ''}</p>
      </form>
    </section>
  );
}
