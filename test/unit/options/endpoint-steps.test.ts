import { describe, expect, it, vi } from 'vitest';
import { defaultSettings, type Settings } from '../../../src/shared/settings';
import type { StatusMessage } from '../../../src/options/status-message';

vi.mock('webextension-polyfill', () => import('../popup/fake-polyfill'));
const { backgroundClientDouble } = await import('../../../src/shared/protocol/ui-client-double');
const { saveEndpoint, testEndpoint } = await import('../../../src/options/endpoint-steps');

async function test(client: ReturnType<typeof backgroundClientDouble>, url: string, token = '') {
  const shown: StatusMessage[] = [];
  await testEndpoint(client, { url, token }, (message) => shown.push(message));
  return shown;
}

describe('the endpoint section: test connection', () => {
  it('says it is testing, then that the endpoint speaks the protocol, sending the trimmed URL and token', async () => {
    const client = backgroundClientDouble({ 'endpoint/test': () => ({ ok: true }) });
    expect(await test(client, ' https://tips.example.org/r ', ' secret ')).toEqual([
      { text: 'endpointTesting', error: false },
      { text: 'endpointOk', error: false },
    ]);
    expect(client.callsOf('endpoint/test')).toEqual([{ type: 'endpoint/test', endpoint: { url: 'https://tips.example.org/r', token: 'secret' } }]);
  });

  it('names what the endpoint got wrong, with its detail', async () => {
    const client = backgroundClientDouble({ 'endpoint/test': () => ({ ok: false, problem: 'wrong-protocol', detail: 'HTTP 200 without a receipt' }) });
    expect((await test(client, 'https://tips.example.org/r')).at(-1)).toEqual({ text: 'endpointCheck_wrong_protocol(HTTP 200 without a receipt)', error: true });
  });

  it('shows a failure of the background itself', async () => {
    const client = backgroundClientDouble();
    expect((await test(client, 'https://tips.example.org/r')).at(-1)).toEqual({ text: 'Error: error_no_answer', error: true });
  });

  it('refuses an empty or insecure URL without asking the background', async () => {
    const client = backgroundClientDouble({ 'endpoint/test': () => ({ ok: true }) });
    expect(await test(client, '  ')).toEqual([{ text: 'endpointProblem_invalid', error: true }]);
    expect(await test(client, 'http://tips.example.org/r')).toEqual([{ text: 'endpointProblem_insecure', error: true }]);
    expect(client.calls).toEqual([]);
  });
});

describe('the endpoint section: save', () => {
  it('saves the endpoint, the token left out when empty', async () => {
    const onSave = vi.fn(async (_next: Settings) => undefined);
    const settings = defaultSettings();
    expect(await saveEndpoint({ settings, url: ' https://tips.example.org/r ', token: ' ', onSave })).toEqual({ text: 'endpointSaved', error: false });
    expect(onSave).toHaveBeenCalledWith({ ...settings, endpoint: { url: 'https://tips.example.org/r' } });
  });

  it('clears the endpoint when the URL is emptied', async () => {
    const onSave = vi.fn(async (_next: Settings) => undefined);
    const settings = { ...defaultSettings(), endpoint: { url: 'https://tips.example.org/r' } };
    expect(await saveEndpoint({ settings, url: '', token: 'x', onSave })).toEqual({ text: 'endpointCleared', error: false });
    expect(onSave.mock.calls[0]?.[0].endpoint).toBeNull();
  });

  it('changes nothing for a URL that cannot be used', async () => {
    const onSave = vi.fn(async (_next: Settings) => undefined);
    expect(await saveEndpoint({ settings: defaultSettings(), url: 'https://user:pw@tips.example.org/', token: '', onSave })).toEqual({ text: 'endpointProblem_credentials', error: true });
    expect(onSave).not.toHaveBeenCalled();
  });
});
