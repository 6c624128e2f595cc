import { t } from '../shared/i18n';
import type { Settings } from '../shared/settings';
import type { BackgroundClient } from '../shared/protocol/ui-client';
import type { TabContext } from '../shared/protocol/ui-replies';
import { errorText } from './error-text';
import type { DraftStore, EvidenceSteps } from './evidence-steps';
import { topCategory } from './match-list';
import { isForbidden } from './draft-state';

/** A prepared right-click draft's id, from `popup.html?draft=<uuid>`, or null (the toolbar form starts its own). */
export function draftIdFromQuery(search: string): string | null {
  const value = new URLSearchParams(search).get('draft');
  return value && /^[0-9a-f-]{36}$/i.test(value) ? value : null;
}

/** What the opening of the form tells the page around the draft, as it learns it. */
export interface FormLoadEvents {
  /** False once the form is gone: nothing more is told. */
  live(): boolean;
  tab(tabId: number): void;
  context(context: TabContext): void;
  error(message: string): void;
  /** The form can be used: shown with its category, before the page's context has arrived. */
  usable(): void;
  /** The page's context has arrived (or failed); `onTab` says the form opened on a tab (a form without one is not marked ready). */
  ready(onTab: boolean): void;
  settings(settings: Settings): void;
}

/**
 * Opens the form on a tab: the first screenshot starts at once (held in the form's memory, stored
 * once a category allows it), the form is shown and usable, then the page's context fills in (and the
 * category its findings suggest, unless the reporter chose one meanwhile: draft-state.ts), then the
 * reporter's settings, which may ask for a snapshot. A URL-only draft takes nothing.
 */
export async function loadForm(
  client: BackgroundClient,
  input: { targetTab: Promise<number | null>; draftParam: string | null; store: DraftStore; steps: EvidenceSteps },
  events: FormLoadEvents,
): Promise<void> {
  const { store, steps } = input;
  const tabId = await input.targetTab;
  if (!events.live()) return;
  if (tabId === null) {
    events.error(t('error_no_tab'));
    store.dispatch({ type: 'no-tab' });
    events.usable();
    events.ready(false);
    return;
  }
  events.tab(tabId);
  const settingsPromise = client.call({ type: 'settings/get' }).catch(() => null);
  // A right-click draft is read first: whether it is URL-only decides what may be taken from the page.
  const prepared = input.draftParam ? await client.call({ type: 'draft/get', draftId: input.draftParam }).catch(() => null) : null;
  if (!events.live()) return;
  void steps.first(tabId, prepared);
  if (prepared) store.dispatch({ type: 'prepared', listing: prepared.listing, matches: prepared.matches });
  if (prepared?.matches.length) store.dispatch({ type: 'suggested', category: topCategory(prepared.matches) });
  const contextCall = client.call({ type: 'tab/context', tabId, ...(prepared?.urlOnly ? { fromPage: false } : {}) });
  // The reporter can choose a category now; the page's title, address and findings fill in when the
  // worker answers (README, Performance), as the screenshot does when its capture is done.
  events.usable();
  try {
    const context = await contextCall;
    if (!events.live()) return;
    events.context(context);
    if (!prepared?.matches.length) store.dispatch({ type: 'suggested', category: topCategory(context.summary?.matches ?? []) });
  } catch (error) {
    if (events.live()) events.error(errorText(error));
  }
  if (!events.live()) return;
  events.ready(true);
  const settings = await settingsPromise;
  if (!events.live() || !settings) return;
  events.settings(settings);
  // A URL-only report takes nothing from the page, whatever the settings ask (docs/PRIVACY.md).
  if (settings.privacy.snapshotByDefault && !prepared?.urlOnly && !isForbidden(store.get())) void steps.snapshot(tabId);
}
