import { useState } from 'preact/hooks';
import { t } from '../shared/i18n';
import type { Settings } from '../shared/settings';
import type { BackgroundClient } from '../shared/protocol/ui-client';
import type { LockedSetting } from '../shared/managed-settings';
import { LockedNote } from './locked-note';
import { saveEndpoint, testEndpoint } from './endpoint-steps';
import type { StatusMessage } from './status-message';

export function EndpointSection(props: { client: BackgroundClient; settings: Settings; locked: readonly LockedSetting[]; onSave: (next: Settings) => Promise<void> }) {
  const isLocked = props.locked.includes('endpoint');
  const [url, setUrl] = useState(props.settings.endpoint?.url ?? '');
  const [token, setToken] = useState(props.settings.endpoint?.token ?? '');
  const [message, setMessage] = useState<StatusMessage | null>(null);

  async function save(event: Event) {
    event.preventDefault();
    setMessage(await saveEndpoint({ settings: props.settings, url, token, onSave: props.onSave }));
  }

  const test = () => testEndpoint(props.client, { url, token }, setMessage);

  return (
    <section aria-labelledby="endpoint-heading">
      <h2 id="endpoint-heading">{t('endpointHeading')}</h2>
      {isLocked && <LockedNote id="endpoint-locked" />}
      <form onSubmit={save}>
        <div class="field">
          <label for="endpoint-url">{t('endpointUrlLabel')}</label>
          <input id="endpoint-url" type="url" value={url} placeholder="https://tips.example.org/reports" onInput={(e) => setUrl(e.currentTarget.value)} aria-describedby={isLocked ? 'endpoint-url-hint endpoint-locked' : 'endpoint-url-hint'} readOnly={isLocked} />
          <div class="hint" id="endpoint-url-hint">{t('endpointUrlHint')}</div>
        </div>
        <div class="field">
          <label for="endpoint-token">{t('endpointTokenLabel')}</label>
          <input id="endpoint-token" type="password" autocomplete="off" value={token} onInput={(e) => setToken(e.currentTarget.value)} readOnly={isLocked} />
        </div>
        <div class="row">
          <button type="submit" class="primary" id="endpoint-save" disabled={isLocked}>{t('save')}</button>
          <button type="button" id="endpoint-test" onClick={test}>{t('endpointTest')}</button>
        </div>
        <p role="status" id="endpoint-status" class={message?.error ? 'error' : 'success'}>{message?.text ?? ''}</p>
      </form>
    </section>
  );
}
