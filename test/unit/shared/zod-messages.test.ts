// As the entry points do: the module that configures zod runs before anything else (src/shared/zod-jitless.ts).
import '../../../src/shared/zod-jitless';
import { describe, expect, it } from 'vitest';
import { importSettings } from '../../../src/shared/settings-file';
import { parsePhraseList } from '../../../src/shared/phrase-list';
import { defaultSettings } from '../../../src/shared/settings';

/*
 * The schemas are zod/mini's, which has no messages of its own: what a reporter reads of a refused
 * settings file or phrase list is zod's English, configured once with jitless.
 */
const file = (settings: unknown) => JSON.stringify({ schema: 'tipline.settings/v1', settings });
const detail = (text: string) => {
  const result = importSettings(text, defaultSettings());
  return result.ok ? null : result.detail;
};

describe("zod's messages", () => {
  it('name the field and what is wrong with it in a refused settings file', () => {
    expect(detail(JSON.stringify([]))).toBe('(root): Invalid input: expected object, received array');
    expect(detail(JSON.stringify({ schema: 'tipline.settings/v1', settings: {}, extra: 1 }))).toBe('(root): Unrecognized key: "extra"');
    expect(detail(JSON.stringify({ schema: 'tipline.settings/v1', exportedAt: 'yesterday', settings: {} }))).toBe('exportedAt: Invalid ISO datetime');
    expect(detail(file({ endpoint: { url: `https://${'x'.repeat(3000)}` } }))).toBe('settings.endpoint.url: Too big: expected string to have <=2048 characters');
    expect(detail(file({ version: 1.5 }))).toBe('settings.version: Invalid input: expected int, received number');
    expect(detail(file({ highlight: { enabled: 'yes' } }))).toBe('settings.highlight.enabled: Invalid input: expected boolean, received string');
    expect(detail(file({ subscriptions: [{ url: 'not a url' }] }))).toBe('settings.subscriptions.0.url: Invalid URL');
    expect(detail(file({ privacy: { retentionDays: 99999 } }))).toBe('settings.privacy.retentionDays: Too big: expected number to be <=3650');
  });

  it('name the entry and what is wrong with it in a refused phrase list', () => {
    const list = (entries: unknown) => ({ schema: 'tipline.phrases/v1', name: 'a', version: '1', entries });
    expect(parsePhraseList({ ...list([]), name: '' })).toEqual({ ok: false, error: 'name: Too small: expected string to have >=1 characters' });
    expect(parsePhraseList(list('x'))).toEqual({ ok: false, error: 'entries: Invalid input: expected array, received string' });
    expect(parsePhraseList(list([{ phrase: 'x', category: 'other', strength: 'meh' }]))).toEqual({
      ok: false,
      error: 'entries.0.strength: Invalid option: expected one of "strong"|"weak"',
    });
  });
});
