import browser from 'webextension-polyfill';
import { preparedDraftSchema, type PreparedDraft } from '../shared/messages';

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
