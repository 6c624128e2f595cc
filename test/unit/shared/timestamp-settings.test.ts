import { describe, expect, it } from 'vitest';
import { defaultSettings, repairSettings } from '../../../src/shared/settings';
import { effectiveSettings, localPart, parseManaged } from '../../../src/shared/managed-settings';

describe('the Time-Stamp Authority setting and policy', () => {
  it('is off by default', () => {
    expect(defaultSettings().timestampUrl).toBeNull();
  });

  it('keeps an https URL (http to loopback) and repairs anything else to off', () => {
    expect(repairSettings({ timestampUrl: 'https://tsa.example.org/tsr' }).settings.timestampUrl).toBe('https://tsa.example.org/tsr');
    expect(repairSettings({ timestampUrl: 'http://127.0.0.1:3180/tsr' }).settings.timestampUrl).toBe('http://127.0.0.1:3180/tsr');
    for (const bad of ['http://tsa.example.org/tsr', 'https://u:p@tsa.example.org/', 'ftp://tsa.example.org', 'not a url', 42]) {
      const { settings, repaired } = repairSettings({ timestampUrl: bad, note: 'x' });
      expect(settings.timestampUrl).toBeNull();
      expect(repaired).toContain('timestampUrl');
    }
  });

  it('is set and locked by policy; an empty policy value locks it off; a bad one is ignored', () => {
    const set = effectiveSettings({ timestampUrl: 'https://mine.example/tsr' }, { timestampUrl: 'https://tsa.org.example/tsr' });
    expect(set.settings.timestampUrl).toBe('https://tsa.org.example/tsr');
    expect(set.locked).toContain('timestampUrl');
    // Saving keeps the reporter's own value underneath the policy.
    expect(localPart(set.settings, set.local, set.locked).timestampUrl).toBe('https://mine.example/tsr');

    const off = effectiveSettings({ timestampUrl: 'https://mine.example/tsr' }, { timestampUrl: '' });
    expect(off.settings.timestampUrl).toBeNull();
    expect(off.locked).toContain('timestampUrl');

    expect(parseManaged({ timestampUrl: 'http://tsa.example.org/' }).ignored).toEqual(['timestampUrl']);
    expect(effectiveSettings({}, { timestampUrl: 'javascript:alert(1)' }).locked).not.toContain('timestampUrl');
  });
});
