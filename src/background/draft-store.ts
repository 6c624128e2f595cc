import browser from 'webextension-polyfill';
import { preparedDraftSchema, type PreparedDraft } from '../shared/protocol/messages';

const key = (draftId: string) => `draft:${draftId}`;

/** Session storage: survives the worker's restarts, not the browser's, and content scripts cannot read it. */
export async function saveDraft(draft: PreparedDraft): Promise<void> {
  await browser.storage.session.set({ [key(draft.draftId)]: draft });
}

export async function loadDraft(draftId: string): Promise<PreparedDraft | null> {
  const stored = await browser.storage.session.get(key(draftId));
  const parsed = preparedDraftSchema.safeParse(stored[key(draftId)]);
  return parsed.success ? parsed.data : null;
}

export async function forgetDraft(draftId: string): Promise<void> {
  await browser.storage.session.remove(key(draftId));
}

/**
 * What is left of a prepared draft once its evidence is discarded (a category that takes none was
 * chosen): the tab it came from, without the listing's text, the matches or the parts, so that a
 * reloaded report window neither shows them nor takes a new capture in their place.
 */
export async function scrubDraft(draftId: string): Promise<void> {
  const draft = await loadDraft(draftId);
  if (draft) await saveDraft({ draftId: draft.draftId, tabId: draft.tabId, matches: [], parts: [] });
}
