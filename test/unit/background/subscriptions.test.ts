import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from './fake-browser';

const browser = fakeBrowser();
vi.mock('webextension-polyfill', () => ({ default: browser }));

const { fetchPhraseList, refreshSubscriptions, MAX_LIST_BYTES } = await import('../../../src/background/subscriptions');

const LIST = { schema: 'tipline.phrases/v1', name: 'Ops list', version: '3', entries: [{ phrase: 'zorblax', category: 'other', strength: 'strong' }] };

/** A fetch double answering each URL with a canned response. */
function fakeFetch(answers: Record<string, () => Response | Promise<Response>>): typeof fetch {
  return (async (input: RequestInfo | URL) => {
    const answer = answers[String(input)];
    if (!answer) throw new TypeError('Failed to fetch');
    return answer();
  }) as typeof fetch;
}

const json = (body: unknown, init: ResponseInit = {}) => new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' }, ...init });

describe('fetchPhraseList', () => {
  const url = 'https://lists.example.org/l.json';

  it('accepts a valid list', async () => {
    const result = await fetchPhraseList(url, fakeFetch({ [url]: () => json(LIST) }));
    expect(result).toMatchObject({ ok: true, list: { name: 'Ops list', version: '3' } });
  });

  it('says why a list is refused', async () => {
    const cases: [string, () => Response | Promise<Response>, string][] = [
      ['http', () => new Response('no', { status: 503 }), 'http'],
      ['not-json', () => new Response('{oops', { status: 200 }), 'not-json'],
      ['invalid', () => json({ ...LIST, entries: [{ phrase: 'x', category: 'child-sexual-abuse', strength: 'strong' }] }), 'invalid'],
      ['declared too big', () => new Response('{}', { status: 200, headers: { 'content-length': String(MAX_LIST_BYTES + 1) } }), 'too-big'],
      ['streamed too big', () => new Response(new Blob(['x'.repeat(MAX_LIST_BYTES + 10)]).stream(), { status: 200 }), 'too-big'],
    ];
    for (const [name, answer, code] of cases) {
      const result = await fetchPhraseList(url, fakeFetch({ [url]: answer }));
      expect(result.ok ? 'ok' : result.error.code, name).toBe(code);
    }
    expect(await fetchPhraseList('http://lists.example.org/l.json', fakeFetch({}))).toMatchObject({ ok: false, error: { code: 'url' } });
    // No redirect is followed, wherever it leads: the worker cannot check each hop.
    const redirected = (to: string) => () => Object.defineProperties(json(LIST), { redirected: { value: true }, url: { value: to } });
    expect(await fetchPhraseList(url, fakeFetch({ [url]: redirected('http://192.0.2.2/l.json') }))).toMatchObject({ ok: false, error: { code: 'http' } });
    expect(await fetchPhraseList(url, fakeFetch({ [url]: redirected('https://cdn.example.net/l.json') }))).toMatchObject({ ok: false, error: { code: 'http' } });
    expect(await fetchPhraseList(url, fakeFetch({ [url]: () => new Response(null, { status: 302, headers: { location: 'https://x.example/' } }) }))).toMatchObject({ ok: false, error: { code: 'http' } });
    expect(await fetchPhraseList(url, fakeFetch({}))).toMatchObject({ ok: false, error: { code: 'network' } });
    const slow = (async (input: RequestInfo | URL, init?: RequestInit) =>
      new Promise<Response>((_, reject) => init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))))) as typeof fetch;
    expect(await fetchPhraseList(url, slow, 20)).toMatchObject({ ok: false, error: { code: 'timeout' } });
  });
});

describe('refreshSubscriptions', () => {
  const good = 'https://lists.example.org/good.json';
  const flaky = 'https://lists.example.org/flaky.json';

  beforeEach(() => {
    browser._storage.clear();
    browser._storage.set('settings', { subscriptions: [{ url: good, enabled: true }, { url: flaky, enabled: true }] });
  });

  it('keeps the last good version of a list that fails, records why, and drops unsubscribed lists', async () => {
    const first = await refreshSubscriptions(undefined, fakeFetch({ [good]: () => json(LIST), [flaky]: () => json({ ...LIST, name: 'Flaky' }) }), () => new Date('2026-11-24T00:00:00Z'));
    expect(first[flaky]).toMatchObject({ name: 'Flaky', entries: [{ phrase: 'zorblax' }], fetchedAt: '2026-11-24T00:00:00.000Z' });
    expect(first[flaky]?.lastError).toBeUndefined();

    const second = await refreshSubscriptions(undefined, fakeFetch({ [good]: () => json(LIST), [flaky]: () => new Response('{', { status: 200 }) }), () => new Date('2026-11-25T00:00:00Z'));
    expect(second[flaky]).toMatchObject({ name: 'Flaky', entries: [{ phrase: 'zorblax' }], fetchedAt: '2026-11-24T00:00:00.000Z', lastAttemptAt: '2026-11-25T00:00:00.000Z', lastError: { code: 'not-json' } });

    browser._storage.set('settings', { subscriptions: [{ url: good, enabled: true }] });
    const third = await refreshSubscriptions(undefined, fakeFetch({ [good]: () => json(LIST) }));
    expect(Object.keys(third)).toEqual([good]);
    expect(browser._storage.get('phraseLists')).toEqual(third);
  });

  it('fetches only the given lists, keeping the others as they are', async () => {
    await refreshSubscriptions(undefined, fakeFetch({ [good]: () => json(LIST), [flaky]: () => json(LIST) }));
    const fetchSpy = vi.fn(fakeFetch({ [flaky]: () => json({ ...LIST, version: '4' }) }));
    const next = await refreshSubscriptions([flaky], fetchSpy);
    expect(fetchSpy).toHaveBeenCalledTimes(1);
    expect(next[flaky]?.version).toBe('4');
    expect(next[good]?.version).toBe('3');
  });
});
