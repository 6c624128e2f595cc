import { useState } from 'preact/hooks';
import { t } from '../shared/i18n';
import type { Settings } from '../shared/settings';
import { checkEndpointUrl } from '../shared/url';
import type { BackgroundClient } from '../shared/protocol/ui-client';
import type { LockedSetting } from '../shared/managed-settings';
import { LockedNote } from './locked-note';
import type { EndpointCheck } from '../shared/protocol/ui-replies';

export function EndpointSection(props: { client: BackgroundClient; settings: Settings; locked: readonly LockedSetting[]; onSave: (next: Settings) => Promise<void> }) {
  const isLocked = props.locked.includes('endpoint');
  const [url, setUrl] = useState(props.settings.endpoint?.url ?? '');
  const [token, setToken] = useState(props.settings.endpoint?.token ?? '');
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);

  function endpoint() {
    return { url: url.trim(), ...(token.trim() ? { token: token.trim() } : {}) };
  }

  function urlProblem(): string | null {
    if (!url.trim()) return null;
    const problem = checkEndpointUrl(url.trim());
    return problem ? t(`endpointProblem_${problem}`) : null;
  }

  async function save(event: Event) {
    event.preventDefault();
    const problem = urlProblem();
    if (problem) return setMessage({ text: problem, error: true });
    await props.onSave({ ...props.settings, endpoint: url.trim() ? endpoint() : null });
    setMessage({ text: url.trim() ? t('endpointSaved') : t('endpointCleared'), error: false });
  }

  async function test() {
    const problem = urlProblem() ?? (url.trim() ? null : t('endpointProblem_invalid'));
    if (problem) return setMessage({ text: problem, error: true });
    setMessage({ text: t('endpointTesting'), error: false });
    try {
      const result: EndpointCheck = await props.client.call({ type: 'endpoint/test', endpoint: endpoint() });
      setMessage(result.ok ? { text: t('endpointOk'), error: false } : { text: t(`endpointCheck_${result.problem.replace("-", "_")}`, [result.detail]), error: true });
    } catch (error) {
      setMessage({ text: String(error), error: true });
    }
  }

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
