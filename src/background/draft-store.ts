import browser from 'webextension-polyfill';
import { storedDraftSchema, type PreparedDraft, type StoredDraft } from '../shared/protocol/messages';

/*
 * A prepared draft (right-click, pick mode, the URL-only entry) reaches its report window in two
 * halves. Session storage keeps what may outlast the worker: the tab, an error, and whether the draft
 * is URL-only. What was taken from the page — the listing, its matches, the shots — is held in the
 * worker's memory only until the window asks for it once (`takePrepared`), then in the form's memory:
 * nothing of the page is stored before a category other than child sexual abuse is known
 * (docs/PRIVACY.md). A worker stopped in between loses it, and the form starts as the toolbar's does.
 */

const key = (draftId: string) => `draft:${draftId}`;

const held = new Map<string, PreparedDraft>();

/** Session storage: survives the worker's restarts, not the browser's, and content scripts cannot read it. */
export async function saveDraft(draft: PreparedDraft): Promise<void> {
  const fromPage = draft.listing !== undefined || draft.parts.length > 0 || draft.matches.length > 0;
  if (fromPage && !draft.urlOnly) held.set(draft.draftId, draft);
  const stored: StoredDraft = {
    draftId: draft.draftId,
    tabId: draft.tabId,
    ...(draft.error ? { error: draft.error.slice(0, 200) } : {}),
    ...(draft.urlOnly ? { urlOnly: true } : {}),
    ...(fromPage && !draft.urlOnly ? { held: true } : {}),
  };
  await browser.storage.session.set({ [key(draft.draftId)]: stored });
}

/**
 * The draft for its window: what was taken from the page is handed over once (from then on only the
 * window holds it), the rest read from session storage. A draft whose page part is no longer held
 * (the window reloaded, or the worker stopped) says so in its error.
 */
export async function takePrepared(draftId: string): Promise<PreparedDraft | null> {
  const stored = await browser.storage.session.get(key(draftId));
  const parsed = storedDraftSchema.safeParse(stored[key(draftId)]);
  if (!parsed.success) return null;
  const { held: wasHeld, ...draft } = parsed.data;
  const inMemory = held.get(draftId);
  held.delete(draftId);
  if (draft.urlOnly) return { draftId, tabId: draft.tabId, urlOnly: true, matches: [], parts: [] };
  if (inMemory) return { ...inMemory, ...draft };
  return { ...draft, matches: [], parts: [], ...(wasHeld ? { error: 'error_draft_gone' } : {}) };
}

export async function forgetDraft(draftId: string): Promise<void> {
  held.delete(draftId);
  await browser.storage.session.remove(key(draftId));
}

/**
 * A draft whose evidence was discarded (the child-sexual-abuse category was chosen): what the worker
 * still held of it goes, and it becomes URL-only, so that a reloaded report window neither shows the
 * listing nor takes a new capture in its place.
 */
export async function scrubDraft(draftId: string): Promise<void> {
  held.delete(draftId);
  const stored = await browser.storage.session.get(key(draftId));
  const parsed = storedDraftSchema.safeParse(stored[key(draftId)]);
  if (parsed.success) await browser.storage.session.set({ [key(draftId)]: { draftId, tabId: parsed.data.tabId, urlOnly: true } });
}

/** Every draft the worker still holds in memory is dropped (Delete all local data). */
export function dropHeldDrafts(): void {
  held.clear();
}
