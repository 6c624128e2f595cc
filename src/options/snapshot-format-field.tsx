import browser, { type Permissions } from 'webextension-polyfill';
import { useState } from 'preact/hooks';
import { t } from '../shared/i18n';
import type { Settings } from '../shared/settings';

/**
 * Whether this build can save MHTML: Chrome's, which lists `pageCapture` as an optional permission
 * (Firefox has no such API, and its manifest leaves it out: scripts/manifest-variants.ts).
 */
/** The polyfill's types lack Chrome's pageCapture, which Firefox does not have. */
const PAGE_CAPTURE = { permissions: ['pageCapture'] } as unknown as Permissions.Permissions;

function mhtmlOffered(): boolean {
  const optional = (browser.runtime.getManifest().optional_permissions ?? []) as string[];
  return optional.includes('pageCapture');
}

/**
 * The opt-in to MHTML snapshots, which are not inert (docs/EVIDENCE.md). Switching it on asks for
 * `pageCapture` in the click itself (a permission prompt needs the reporter's gesture); switching it
 * off gives the permission back, so that it is held only while MHTML is wanted.
 */
export function SnapshotFormatField({ settings, set }: { settings: Settings; set: (change: Partial<Settings['privacy']>) => void }) {
  const [note, setNote] = useState('');
  if (!mhtmlOffered()) return null;
  async function choose(on: boolean) {
    setNote('');
    if (on) {
      const granted = await browser.permissions.request(PAGE_CAPTURE).catch(() => false);
      if (!granted) {
        setNote(t('snapshotMhtmlDenied'));
        return;
      }
    } else {
      await browser.permissions.remove(PAGE_CAPTURE).catch(() => false);
    }
    set({ snapshotFormat: on ? 'mhtml' : 'html' });
  }
  return (
    <div class="field">
      <label class="inline">
        <input type="checkbox" id="snapshot-mhtml" checked={settings.privacy.snapshotFormat === 'mhtml'} aria-describedby="snapshot-mhtml-hint" onChange={(e) => void choose(e.currentTarget.checked)} />
        {t('snapshotMhtmlLabel')}
      </label>
      <div class="hint" id="snapshot-mhtml-hint">{t('snapshotMhtmlHint')}</div>
      {note && <p role="status" class="hint" id="snapshot-mhtml-status">{note}</p>}
    </div>
  );
}
