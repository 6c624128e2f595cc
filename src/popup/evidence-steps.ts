import { t } from '../shared/i18n';
import type { Category } from '../shared/taxonomy';
import type { BackgroundClient } from '../shared/protocol/ui-client';
import type { PreparedDraft } from '../shared/protocol/messages';
import { errorText } from './error-text';
import { draftReducer, initialDraftState, isForbidden, toKeep, type DraftAction, type DraftState } from './draft-state';
import { createStore, type Store } from './store';

export type DraftStore = Store<DraftState, DraftAction>;

export function createDraftStore(): DraftStore {
  return createStore(draftReducer, initialDraftState());
}

/**
 * The calls that take, keep and discard a draft's evidence, each reporting to the draft store. Every
 * capture comes back held in the form's memory (draft-state.ts); whenever the store holds captures and
 * a category other than child sexual abuse is known, they are stored (`draft/keep`). Every capture
 * carries the generation it started under, so one that lands after the evidence was discarded is
 * dropped by the reducer whatever the reporter did meanwhile.
 */
export class EvidenceSteps {
  /** Held captures being stored now, by id: each is asked for once. */
  private readonly keeping = new Set<string>();

  constructor(
    private readonly client: BackgroundClient,
    private readonly store: DraftStore,
    readonly draftId: string,
  ) {
    store.subscribe(() => this.keepHeld());
  }

  /**
   * The form's first screenshot: the right-click draft arrives with its shots taken, the toolbar form
   * takes its own, and a URL-only draft, or a form already on child sexual abuse, takes none. Resolves when it has landed; the form is usable before that.
   */
  async first(tabId: number, prepared: PreparedDraft | null): Promise<void> {
    const generation = this.store.get().generation;
    // The form is shown before it knows its tab (use-report-form.ts): a reporter who chose child
    // sexual abuse by then gets nothing taken at all.
    if (isForbidden(this.store.get())) {
      this.store.dispatch({ type: 'first-capture-ended', generation, shots: [], error: null });
      return;
    }
    if (prepared?.urlOnly) {
      this.store.dispatch({ type: 'url-only' });
      return;
    }
    if (prepared) {
      const error = prepared.error ? t('error_capture_listing', [errorText(new Error(prepared.error))]) : null;
      this.store.dispatch({ type: 'first-capture-ended', generation, shots: prepared.parts.map((part) => ({ ...part, stored: false })), error });
      return;
    }
    try {
      const part = await this.client.call({ type: 'capture/visible', tabId });
      this.store.dispatch({ type: 'first-capture-ended', generation, shots: [{ ...part, variant: 'visible', stored: false }], error: null });
    } catch (error) {
      this.store.dispatch({ type: 'first-capture-ended', generation, shots: [], error: errorText(error) });
    }
  }

  async visible(tabId: number): Promise<void> {
    const generation = this.start('visible');
    try {
      const part = await this.client.call({ type: 'capture/visible', tabId });
      this.store.dispatch({ type: 'shot-landed', generation, shot: { ...part, variant: 'visible', stored: false } });
    } catch (error) {
      this.store.dispatch({ type: 'capture-failed', generation, error: errorText(error) });
    }
  }

  async fullPage(tabId: number): Promise<void> {
    const generation = this.start('full-page');
    try {
      const part = await this.client.call({ type: 'capture/full-page', tabId });
      this.store.dispatch({ type: 'shot-landed', generation, shot: { ...part, variant: 'full-page', stored: false } });
    } catch (error) {
      this.store.dispatch({ type: 'capture-failed', generation, error: errorText(error) });
    } finally {
      this.store.dispatch({ type: 'capture-ended', kind: 'full-page' });
    }
  }

  async snapshot(tabId: number): Promise<void> {
    const generation = this.start('snapshot');
    try {
      const snapshot = await this.client.call({ type: 'capture/snapshot', tabId });
      this.store.dispatch({ type: 'snapshot-landed', generation, snapshot: { ...snapshot, stored: false } });
    } catch (error) {
      this.store.dispatch({ type: 'capture-failed', generation, error: t('error_snapshot', [errorText(error)]) });
    } finally {
      this.store.dispatch({ type: 'capture-ended', kind: 'snapshot' });
    }
  }

  /**
   * Child sexual abuse drops the draft's evidence from memory, and from storage where an earlier
   * category had let it be stored (a keep under way is deleted as it lands); any other category lets
   * what is held be stored (the store's subscription).
   */
  chooseCategory(category: Category): void {
    this.store.dispatch({ type: 'category-chosen', category });
    if (isForbidden(this.store.get())) this.discard();
  }

  /** "Report child sexual abuse (URL only)", from the form's button: as choosing that category, and no capture after it. */
  urlOnly(): void {
    this.store.dispatch({ type: 'url-only' });
    this.discard();
  }

  private discard(): void {
    void this.client.call({ type: 'draft/discard', draftId: this.draftId }).catch(() => undefined);
  }

  /** Stores what the form holds once the category allows it; a refusal (disk full) is shown and the capture stays unsent. */
  private keepHeld(): void {
    const state = this.store.get();
    const parts = toKeep(state).filter((item) => !this.keeping.has(item.partId));
    if (parts.length === 0 || state.category === null) return;
    const { category, generation } = state;
    for (const part of parts) this.keeping.add(part.partId);
    this.store.dispatch({ type: 'keep-started' });
    void this.client
      .call({ type: 'draft/keep', draftId: this.draftId, category, parts: parts.map(({ stored: _stored, ...held }) => held) })
      .then(
        (kept) => this.store.dispatch({ type: 'kept', generation, partIds: kept.map((part) => part.partId) }),
        (error: unknown) => this.store.dispatch({ type: 'capture-failed', generation, error: errorText(error) }),
      )
      .finally(() => {
        this.store.dispatch({ type: 'keep-ended' });
      });
  }

  private start(kind: 'visible' | 'full-page' | 'snapshot'): number {
    this.store.dispatch({ type: 'capture-started', kind });
    return this.store.get().generation;
  }
}
