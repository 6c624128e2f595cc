import { useEffect, useLayoutEffect, useState } from 'preact/hooks';
import type { BackgroundClient } from '../shared/protocol/ui-client';
import type { TabContext } from '../shared/protocol/ui-replies';
import type { DraftState } from './draft-state';
import { createDraftStore, EvidenceSteps, type DraftStore } from './evidence-steps';
import { draftIdFromQuery, loadForm } from './form-load';
import { t } from '../shared/i18n';
import { draftToSubmit, hasCategory, submitBlocked, type ReporterFields } from './submit-step';
import { useStore } from './use-store';
import { useSubmit, type Submission } from './use-submit';

export interface ReportFormModel {
  loaded: boolean;
  tabId: number | null;
  context: TabContext | null;
  loadError: string | null;
  draft: DraftState;
  store: DraftStore;
  steps: EvidenceSteps;
  fields: ReporterFields;
  setFields(change: Partial<ReporterFields>): void;
  submission: Submission;
  /** Whether the submit button is off: no page, a send or a capture under way. */
  blocked: boolean;
  /** Why the last submit was not sent before it reached the worker (no category chosen), or null. */
  formError: string | null;
  submit(event: Event): void;
}

/** The report form's state and steps: the page it reports, the draft and its evidence, the reporter's words, the send. */
export function useReportForm(client: BackgroundClient, targetTab: Promise<number | null>): ReportFormModel {
  const [{ store, steps, draftParam }] = useState(() => {
    const draftParam = draftIdFromQuery(location.search);
    const store = createDraftStore();
    return { store, steps: new EvidenceSteps(client, store, draftParam ?? crypto.randomUUID()), draftParam };
  });
  const draft = useStore(store);
  // The toolbar's form is shown at its first render; a right-click draft's waits for the draft, which
  // may be URL-only (form-load.ts).
  const [loaded, setLoaded] = useState(draftParam === null);
  const [tabId, setTabId] = useState<number | null>(null);
  const [context, setContext] = useState<TabContext | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [fields, setFieldsState] = useState<ReporterFields>({ note: '', includeContact: false, contact: '' });
  const setFields = (change: Partial<ReporterFields>) => setFieldsState((current) => ({ ...current, ...change }));
  const submission = useSubmit(client);
  const [formError, setFormError] = useState<string | null>(null);
  // Choosing a category answers the message asking for one.
  useEffect(() => {
    if (draft.category !== null) setFormError(null);
  }, [draft.category]);

  // A layout effect runs in the first render's task, so the form's first messages go out before it is
  // painted rather than after the next frame (as an effect would).
  useLayoutEffect(() => {
    let live = true;
    void loadForm(client, { targetTab, draftParam, store, steps }, {
      live: () => live,
      tab: setTabId,
      context: setContext,
      error: setLoadError,
      usable() {
        setLoaded(true);
        document.body.dataset.usable = 'true';
        performance.mark('tipline-popup-usable');
      },
      ready(onTab) {
        if (!onTab) return;
        document.body.dataset.ready = 'true';
        performance.mark('tipline-popup-interactive');
      },
      settings(settings) {
        const { contact, anonymous } = settings.privacy;
        // Anonymous is the default; a reporter who turned it off has their contact offered ticked.
        setFieldsState((current) => ({ ...current, contact, includeContact: !anonymous && contact.trim() ? true : current.includeContact }));
      },
    });
    return () => {
      live = false;
    };
  }, []);

  const blocked = submitBlocked({ context, sending: submission.sending, draft }) !== null;

  function submit(event: Event) {
    event.preventDefault();
    // The button is off then too; this also holds for a submit that does not come from it.
    const current = store.get();
    if (!context || submitBlocked({ context, sending: submission.sending, draft: current })) return;
    if (!hasCategory(current)) {
      setFormError(t('error_no_category'));
      document.getElementById('category')?.focus();
      return;
    }
    setFormError(null);
    void submission.submit(draftToSubmit({ draftId: steps.draftId, tabId, context, fields, draft: current }));
  }

  return { loaded, tabId, context, loadError, draft, store, steps, fields, setFields, submission, blocked, formError, submit };
}
