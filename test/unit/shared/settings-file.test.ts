import { describe, expect, it } from 'vitest';
import { exportSettings, importSettings, MAX_SETTINGS_FILE_BYTES } from '../../../src/shared/settings-file';
import { defaultSettings, type Settings } from '../../../src/shared/settings';

const configured: Settings = {
  ...defaultSettings(),
  endpoint: { url: 'https://tips.example.org/reports', token: 's3cret' },
  categories: ['drugs-precursors', 'jammers'],
  customPhrases: [{ phrase: 'zorblax', category: 'other', strength: 'strong', regex: false }],
  subscriptions: [{ url: 'https://lists.example.org/zh.json', enabled: true }],
  highlight: { enabled: true, pausedSites: ['news.example'], stealth: false, stealthSites: [] },
};

describe('settings file', () => {
  it('round-trips every setting, token included when asked', () => {
    const text = exportSettings(configured, { includeToken: true, now: new Date('2026-11-24T00:00:00Z') });
    expect(JSON.parse(text).schema).toBe('tipline.settings/v1');
    expect(importSettings(text, defaultSettings())).toEqual({ ok: true, settings: configured });
  });

  it('leaves the token out by default, and keeps the current one for the same endpoint on import', () => {
    const text = exportSettings(configured, { includeToken: false });
    expect(text).not.toContain('s3cret');
    const same = importSettings(text, configured);
    expect(same.ok && same.settings.endpoint?.token).toBe('s3cret');
    const other = importSettings(text, { ...configured, endpoint: { url: 'https://other.example/r', token: 'x' } });
    expect(other.ok && other.settings.endpoint?.token).toBeUndefined();
  });

  it('refuses what is not a settings file, naming the problem', () => {
    expect(importSettings('{nope', defaultSettings())).toMatchObject({ ok: false, problem: 'not-json' });
    expect(importSettings(JSON.stringify({ schema: 'tipline.phrases/v1', settings: {} }), defaultSettings())).toMatchObject({ ok: false, problem: 'invalid', detail: expect.stringContaining('schema') });
    expect(importSettings(' '.repeat(MAX_SETTINGS_FILE_BYTES + 1), defaultSettings())).toMatchObject({ ok: false, problem: 'too-big' });
  });

  it('refuses a file with any bad field as a whole, naming the field', () => {
    const file = JSON.parse(exportSettings(configured, { includeToken: true }));
    const cases: [string, (f: { settings: Record<string, unknown> }) => void][] = [
      ['settings.endpoint.url', (f) => ((f.settings.endpoint as { url: string }).url = 'http://tips.example.org/r')],
      ['settings.categories.0', (f) => (f.settings.categories = ['not-a-category'])],
      ['settings.customPhrases.0.category', (f) => (f.settings.customPhrases = [{ phrase: 'x', category: 'child-sexual-abuse', strength: 'strong', regex: false }])],
      ['settings.privacy.retentionDays', (f) => ((f.settings.privacy as { retentionDays: number }).retentionDays = 0)],
      ['settings.subscriptions.0.url', (f) => (f.settings.subscriptions = [{ url: 'not a url', enabled: true }])],
    ];
    for (const [path, spoil] of cases) {
      const copy = structuredClone(file);
      spoil(copy);
      const result = importSettings(JSON.stringify(copy), defaultSettings());
      expect(result, path).toMatchObject({ ok: false, problem: 'invalid' });
      expect(!result.ok && result.detail, path).toContain(path);
    }
    expect(importSettings(JSON.stringify({ ...file, extra: 1 }), defaultSettings())).toMatchObject({ ok: false, problem: 'invalid' });
  });
});
