import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chromeManifest, firefoxManifest } from '../../../scripts/manifest-variants';

const source = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../../manifest.json'), 'utf8'));

describe('manifest variants', () => {
  it('gives Chrome a service worker and no gecko settings', () => {
    const chrome = chromeManifest(source);
    expect(chrome.background).toEqual({ service_worker: 'background.js' });
    expect(chrome.browser_specific_settings).toBeUndefined();
  });

  it('gives Firefox background scripts and its add-on id', () => {
    const firefox = firefoxManifest(source);
    expect(firefox.background).toEqual({ scripts: ['background.js'] });
    expect((firefox.browser_specific_settings as { gecko: { id: string } }).gecko.id).toMatch(/@/);
    // Firefox has no pageCapture API and would warn about the name.
    expect(firefox.optional_permissions).toBeUndefined();
    expect(chromeManifest(source).optional_permissions).toEqual(['pageCapture']);
  });

  it('asks for no permission beyond the justified ones', () => {
    const justified = new Set(['storage', 'unlimitedStorage', 'alarms', 'contextMenus', 'offscreen', 'pageCapture', 'scripting', 'webRequest']);
    for (const permission of source.permissions) expect(justified).toContain(permission);
    // MHTML snapshots are opt-in: pageCapture is asked for only when the reporter switches them on.
    expect(source.permissions).not.toContain('pageCapture');
    expect(source.optional_permissions).toEqual(['pageCapture']);
    expect(source.externally_connectable).toBeUndefined();
    expect(source.web_accessible_resources).toBeUndefined();
  });
});
