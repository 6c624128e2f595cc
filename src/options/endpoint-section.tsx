import { useEffect, useState } from 'preact/hooks';
import { t } from '../shared/i18n';
import type { Settings } from '../shared/settings';
import type { BackgroundClient } from '../shared/protocol/ui-client';
import type { LockedSetting } from '../shared/managed-settings';
import { LockedNote } from './locked-note';
import { accessMessage, saveEndpoint, testEndpoint } from './endpoint-steps';
import { askEndpointAccess, whenEndpointAccessGranted, type AccessAnswer } from './endpoint-access-request';
import { endpointHost } from '../shared/endpoint-access';
import type { StatusMessage } from './status-message';

export function EndpointSection(props: { client: BackgroundClient; settings: Settings; locked: readonly LockedSetting[]; onSave: (next: Settings) => Promise<void> }) {
  const isLocked = props.locked.includes('endpoint');
  const [url, setUrl] = useState(props.settings.endpoint?.url ?? '');
  const [token, setToken] = useState(props.settings.endpoint?.token ?? '');
  const [message, setMessage] = useState<StatusMessage | null>(null);

  // The endpoint whose access the browser was asked for and has not granted yet.
  const [waitingFor, setWaitingFor] = useState<string | null>(null);

  useEffect(() => {
    if (!waitingFor) return undefined;
    return whenEndpointAccessGranted(waitingFor, () => {
      setWaitingFor(null);
      setMessage(accessMessage('granted', endpointHost(waitingFor)));
    });
  }, [waitingFor]);

  async function save(event: Event) {
    event.preventDefault();
    // Asked before anything else, while the click still counts as the user's gesture.
    const access: Promise<AccessAnswer> = url.trim() ? askEndpointAccess(url) : Promise.resolve('not-needed');
    const saved = await saveEndpoint({ settings: props.settings, url, token, onSave: props.onSave });
    if (saved.error || !url.trim()) return setMessage(saved);
    const host = endpointHost(url);
    // Already granted answers at once; a prompt waits for the user, and the page says what it waits for.
    const quick = await Promise.race([access, new Promise<'pending'>((resolve) => setTimeout(() => resolve('pending'), 300))]);
    if (quick !== 'pending') return settle(quick, host, saved);
    setWaitingFor(url);
    setMessage(accessMessage('asking', host));
    settle(await access, host, saved);
  }

  function settle(answer: AccessAnswer, host: string, saved: StatusMessage) {
    if (answer === 'not-needed') return setMessage(saved);
    if (answer === 'granted') setWaitingFor(null);
    else setWaitingFor(url);
    setMessage(accessMessage(answer, host));
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
