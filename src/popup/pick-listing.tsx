import browser from 'webextension-polyfill';
import { useState } from 'preact/hooks';
import { t } from '../shared/i18n';
import type { BackgroundClient } from '../shared/protocol/ui-client';
import { errorText } from './error-text';

/**
 * The form closes once the page waits for the tap: the form opens again with the listing (background/
 * pick-listing.ts). A form in a tab or window of its own (Firefox for Android, the right-click window)
 * closes its tab; the toolbar popup has none and closes itself.
 */
async function closeForm(): Promise<void> {
  const current = await browser.tabs.getCurrent().catch(() => undefined);
  if (current?.id !== undefined) await browser.tabs.remove(current.id);
  else window.close();
}

/**
 * "Pick a listing on the page": the way to name a listing where there is no context menu (Firefox for
 * Android), and a second way on a desktop. The page waits for the reporter's next tap on a listing.
 */
export function PickListing(props: { client: BackgroundClient; tabId: number }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const pick = async () => {
    setBusy(true);
    setError(null);
    try {
      await props.client.call({ type: 'page/pick-listing', tabId: props.tabId });
      await closeForm();
    } catch (failure) {
      setError(errorText(failure));
      setBusy(false);
    }
  };
  return (
    <div class="pick-listing">
      <button type="button" id="pick-listing" aria-describedby="pick-listing-help" disabled={busy} onClick={() => void pick()}>
        {t('pickListing')}
      </button>
      <p class="muted" id="pick-listing-help">{t('pickListingHelp')}</p>
      {error && <p class="status error" role="alert" id="pick-listing-error">{error}</p>}
    </div>
  );
}
