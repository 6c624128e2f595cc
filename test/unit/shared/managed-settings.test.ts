import { describe, expect, it } from 'vitest';
import { applyManaged, effectiveSettings, localPart, parseManaged } from '../../../src/shared/managed-settings';
import { defaultSettings, type Settings } from '../../../src/shared/settings';

const local: Settings = {
  ...defaultSettings(),
  endpoint: { url: 'https://mine.example/r', token: 'mine' },
  subscriptions: [{ url: 'https://lists.example/mine.json', enabled: false }],
};

describe('managed settings (browser policy)', () => {
  it('wins over local settings field by field, and says which fields are locked', () => {
    const { settings, locked } = applyManaged(local, {
      endpointUrl: 'https://tips.police.example/reports',
      endpointToken: 'org-token',
      categories: ['drugs-precursors'],
      subscriptions: ['https://lists.police.example/zh.json'],
      highlightEnabled: false,
      retentionDays: 30,
    });
    expect(settings.endpoint).toEqual({ url: 'https://tips.police.example/reports', token: 'org-token' });
    expect(settings.categories).toEqual(['drugs-precursors']);
    expect(settings.subscriptions).toEqual([{ url: 'https://lists.police.example/zh.json', enabled: true }]);
    expect(settings.highlight.enabled).toBe(false);
    expect(settings.privacy.retentionDays).toBe(30);
    expect(locked.sort()).toEqual(['categories', 'endpoint', 'highlight.enabled', 'privacy.retentionDays', 'subscriptions']);
    // What is not managed stays the reporter's.
    expect(settings.privacy.anonymous).toBe(true);
  });

  it('changes nothing without a policy', () => {
    expect(applyManaged(local, {})).toEqual({ settings: local, locked: [] });
    expect(effectiveSettings(local, undefined).settings).toEqual(local);
  });

  it('ignores bad policy values one by one', () => {
    const { managed, ignored } = parseManaged({ endpointUrl: 'http://tips.example.org/r', categories: ['drugs-precursors'], retentionDays: -1, unknown: 1 });
    expect(managed).toEqual({ categories: ['drugs-precursors'] });
    expect(ignored.sort()).toEqual(['endpointUrl', 'retentionDays', 'unknown']);
    expect(parseManaged('nonsense')).toEqual({ managed: {}, ignored: ['(all)'] });
  });

  it('keeps the local token when the policy sets only the endpoint that is already configured', () => {
    expect(applyManaged(local, { endpointUrl: 'https://mine.example/r' }).settings.endpoint).toEqual({ url: 'https://mine.example/r', token: 'mine' });
    expect(applyManaged(local, { endpointUrl: 'https://other.example/r' }).settings.endpoint).toEqual({ url: 'https://other.example/r' });
  });

  it('sends a policy token only to the policy’s own endpoint', () => {
    // The policy's URL was refused (http) or left out: its token must not go to the reporter's endpoint.
    const refused = effectiveSettings(local, { endpointUrl: 'http://tips.police.example/reports', endpointToken: 'ORG-SECRET' });
    expect(refused.settings.endpoint).toEqual(local.endpoint);
    expect(refused.locked).not.toContain('endpoint');
    expect(applyManaged(local, { endpointToken: 'ORG-SECRET' }).settings.endpoint).toEqual(local.endpoint);
    expect(applyManaged({ ...local, endpoint: null }, { endpointToken: 'ORG-SECRET' }).settings.endpoint).toBeNull();
  });

  it('never writes managed values into local settings on save', () => {
    const { settings, locked } = applyManaged(local, { endpointUrl: 'https://tips.police.example/reports', retentionDays: 30 });
    const edited = { ...settings, privacy: { ...settings.privacy, contact: 'me@example.org' } };
    const stored = localPart(edited, local, locked);
    expect(stored.endpoint).toEqual(local.endpoint);
    expect(stored.privacy.retentionDays).toBe(local.privacy.retentionDays);
    expect(stored.privacy.contact).toBe('me@example.org');
  });
});
