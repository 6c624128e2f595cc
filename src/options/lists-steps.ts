import { t } from '../shared/i18n';
import type { ListError, StoredLists } from '../shared/phrase-subscriptions';
import type { Settings } from '../shared/settings';
import { checkEndpointUrl } from '../shared/url';
import type { BackgroundClient } from '../shared/protocol/ui-client';
import type { StatusMessage } from './status-message';

/*
 * The lists section's steps (docs/PHRASE-LISTS.md): each tells the section what to show through a
 * ListsView, so the section is left with its markup.
 */

export interface ListsView {
  lists(next: StoredLists): void;
  status(message: StatusMessage): void;
  busy(on: boolean): void;
  /** The URL field empties once its list is added. */
  added(): void;
}

export const listErrorText = (error: ListError) => t(`listError_${error.code.replace(/-/g, '_')}`, [error.detail]);

/** What the worker holds of each list; a failure to ask is said in the status line. */
export async function loadLists(client: BackgroundClient, view: Pick<ListsView, 'lists' | 'status'>): Promise<void> {
  try {
    view.lists(await client.call({ type: 'lists/status' }));
  } catch (error) {
    view.status({ text: String(error), error: true });
  }
}

/** Subscribes to a list by URL; saving the new subscription fetches it at once, and its outcome is said. */
export async function addList(
  client: BackgroundClient,
  input: { settings: Settings; url: string; onSave: (next: Settings) => Promise<void> },
  view: ListsView,
): Promise<void> {
  const { settings } = input;
  const target = input.url.trim();
  if (checkEndpointUrl(target) !== null) return view.status({ text: t('listUrlInvalid'), error: true });
  if (settings.subscriptions.some((s) => s.url === target)) return view.status({ text: t('listAlready'), error: true });
  view.busy(true);
  view.status({ text: t('listFetching'), error: false });
  try {
    await input.onSave({ ...settings, subscriptions: [...settings.subscriptions, { url: target, enabled: true }] });
    const next = await client.call({ type: 'lists/status' });
    view.lists(next);
    const error = next[target]?.lastError;
    view.status(error ? { text: listErrorText(error), error: true } : { text: t('listAdded', [next[target]?.name ?? target]), error: false });
    view.added();
  } finally {
    view.busy(false);
  }
}

/** Fetches every list again and says how many failed. */
export async function refreshLists(client: BackgroundClient, view: Omit<ListsView, 'added'>): Promise<void> {
  view.busy(true);
  view.status({ text: t('listFetching'), error: false });
  try {
    const next = await client.call({ type: 'lists/refresh' });
    view.lists(next);
    const failed = Object.values(next).filter((l) => l.lastError).length;
    view.status(failed ? { text: t('listsRefreshedFailures', [String(failed)]), error: true } : { text: t('listsRefreshed'), error: false });
  } catch (error) {
    view.status({ text: String(error), error: true });
  } finally {
    view.busy(false);
  }
}

/** The settings with one subscription switched on or off, or removed. */
export function withSubscription(settings: Settings, target: string, change: { enabled?: boolean; remove?: boolean }): Settings {
  return {
    ...settings,
    subscriptions: change.remove
      ? settings.subscriptions.filter((s) => s.url !== target)
      : settings.subscriptions.map((s) => (s.url === target ? { ...s, enabled: change.enabled ?? s.enabled } : s)),
  };
}
