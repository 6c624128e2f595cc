import { describe, expect, it } from 'vitest';
import { defaultSettings, repairSettings, settingsSchema } from '../../../src/shared/settings';
import { SEARCHABLE_CATEGORIES } from '../../../src/shared/taxonomy';

describe('settings', () => {
  it('defaults send nothing anywhere and keep the reporter anonymous', () => {
    const settings = defaultSettings();
    expect(settings.endpoint).toBeNull();
    expect(settings.privacy.anonymous).toBe(true);
    expect(settings.categories).toEqual([...SEARCHABLE_CATEGORIES]);
  });

  it.each([undefined, null, 42, 'x', []])('repairs %s to the defaults', (raw) => {
    expect(repairSettings(raw).settings).toEqual(defaultSettings());
  });

  it('keeps good fields and repairs bad ones one by one', () => {
    const { settings, repaired } = repairSettings({
      endpoint: { url: 'http://tips.example.org/reports' },
      highlight: { enabled: false, pausedSites: 'all' },
      categories: ['drugs-precursors', 'no-such-category', 'jammers'],
      privacy: { anonymous: false, retentionDays: -5, contact: 'me@example.org' },
    });
    expect(settings.endpoint).toBeNull();
    expect(settings.highlight.enabled).toBe(false);
    expect(settings.highlight.pausedSites).toEqual([]);
    expect(settings.categories).toEqual(['drugs-precursors', 'jammers']);
    expect(settings.privacy).toMatchObject({ anonymous: false, retentionDays: 90, contact: 'me@example.org' });
    expect(repaired).toEqual(expect.arrayContaining(['endpoint', 'highlight.pausedSites', 'categories', 'privacy.retentionDays']));
    expect(settingsSchema.safeParse(settings).success).toBe(true);
  });

  it('accepts https anywhere and http on loopback only', () => {
    const accept = (url: string) => settingsSchema.safeParse({ endpoint: { url } }).success;
    expect(accept('https://tips.example.org/reports')).toBe(true);
    expect(accept('http://127.0.0.1:8787/reports')).toBe(true);
    expect(accept('http://localhost:8787/reports')).toBe(true);
    expect(accept('http://192.168.1.2/reports')).toBe(false);
    expect(accept('https://user:pw@tips.example.org/')).toBe(false);
    expect(accept('javascript:alert(1)')).toBe(false);
  });
});
