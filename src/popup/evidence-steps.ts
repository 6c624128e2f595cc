import { t } from '../shared/i18n';
import type { Category } from '../shared/taxonomy';
import type { BackgroundClient } from '../shared/protocol/ui-client';
import type { PreparedDraft } from '../shared/protocol/messages';
import { errorText } from './error-text';
import { draftReducer, initialDraftState, isForbidden, type DraftAction, type DraftState } from './draft-state';
import { createStore, type Store } from './store';

export type DraftStore = Store<DraftState, DraftAction>;

export function createDraftStore(): DraftStore {
  return createStore(draftReducer, initialDraftState());
}

/**
 * The calls that take and discard a draft's evidence, each reporting to the draft store. Every capture
 * carries the generation it started under, so one that lands after the evidence was discarded is
 * dropped by the reducer (draft-state.ts) whatever the reporter did meanwhile.
 */
export class EvidenceSteps {
  constructor(
    private readonly client: BackgroundClient,
    private readonly store: DraftStore,
    readonly draftId: string,
  ) {}

  /**
   * The form's first screenshot: the right-click draft arrives with its shots taken, the toolbar form
   * takes its own. Resolves when it has landed; the form is usable before that.
   */
  async first(tabId: number, prepared: PreparedDraft | null): Promise<void> {
    const generation = this.store.get().generation;
    if (prepared) {
      const error = prepared.error ? t('error_capture_listing', [errorText(new Error(prepared.error))]) : null;
      this.store.dispatch({ type: 'first-capture-ended', generation, shots: prepared.parts, error });
      return;
    }
    try {
      const part = await this.client.call({ type: 'capture/visible', tabId, draftId: this.draftId });
      this.store.dispatch({ type: 'first-capture-ended', generation, shots: [{ ...part, variant: 'visible' }], error: null });
    } catch (error) {
      this.store.dispatch({ type: 'first-capture-ended', generation, shots: [], error: errorText(error) });
    }
  }

  async visible(tabId: number): Promise<void> {
    const generation = this.start('visible');
    try {
      const part = await this.client.call({ type: 'capture/visible', tabId, draftId: this.draftId });
      this.store.dispatch({ type: 'shot-landed', generation, shot: { ...part, variant: 'visible' } });
    } catch (error) {
      this.store.dispatch({ type: 'capture-failed', generation, error: errorText(error) });
    }
  }

  async fullPage(tabId: number): Promise<void> {
    const generation = this.start('full-page');
    try {
      const part = await this.client.call({ type: 'capture/full-page', tabId, draftId: this.draftId });
      this.store.dispatch({ type: 'shot-landed', generation, shot: { ...part, variant: 'full-page' } });
    } catch (error) {
      this.store.dispatch({ type: 'capture-failed', generation, error: errorText(error) });
    } finally {
      this.store.dispatch({ type: 'capture-ended', kind: 'full-page' });
    }
  }

  async snapshot(tabId: number): Promise<void> {
    const generation = this.start('snapshot');
    try {
      const snapshot = await this.client.call({ type: 'capture/snapshot', tabId, draftId: this.draftId });
      this.store.dispatch({ type: 'snapshot-landed', generation, snapshot });
    } catch (error) {
      this.store.dispatch({ type: 'capture-failed', generation, error: t('error_snapshot', [errorText(error)]) });
    } finally {
      this.store.dispatch({ type: 'capture-ended', kind: 'snapshot' });
    }
  }

  /** A category whose evidence is forbidden drops the draft's evidence here and in storage, where a capture under way is deleted as it lands. */
  chooseCategory(category: Category): void {
    this.store.dispatch({ type: 'category-chosen', category });
    if (isForbidden(this.store.get())) void this.client.call({ type: 'draft/discard', draftId: this.draftId }).catch(() => undefined);
  }

  private start(kind: 'visible' | 'full-page' | 'snapshot'): number {
    this.store.dispatch({ type: 'capture-started', kind });
    return this.store.get().generation;
  }
}
