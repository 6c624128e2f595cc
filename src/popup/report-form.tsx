import { t } from '../shared/i18n';
import { CATEGORY_IDS, categoryMessageKey, type Category } from '../shared/taxonomy';
import type { BackgroundClient } from '../shared/protocol/ui-client';
import { holdsUnstored, isForbidden } from './draft-state';
import { EvidenceFields } from './evidence-fields';
import { PageInfo } from './page-info';
import { ReportDone } from './report-done';
import { ReporterFields } from './reporter-fields';
import { useReportForm } from './use-report-form';

/** The report form: its state and steps live in use-report-form.ts and the modules it names. */
export function ReportForm(props: { client: BackgroundClient; targetTab: Promise<number | null>; onShowHistory: () => void }) {
  const form = useReportForm(props.client, props.targetTab);
  const { draft, submission, context } = form;

  if (!form.loaded) return <p aria-busy="true">{t('loading')}</p>;
  if (submission.sent) return <ReportDone client={props.client} sent={submission.sent} onShowHistory={props.onShowHistory} />;

  return (
    <form onSubmit={form.submit} aria-describedby="form-status">
      {form.loadError && <p class="notice" role="alert">{form.loadError}</p>}
      <PageInfo context={context} />
      <div class="field">
        <label for="category">{t('categoryLabel')}</label>
        <select
          id="category"
          value={draft.category ?? ''}
          aria-required="true"
          aria-invalid={form.formError ? 'true' : undefined}
          aria-describedby={form.formError ? 'form-status' : undefined}
          onChange={(e) => e.currentTarget.value && form.steps.chooseCategory(e.currentTarget.value as Category)}
        >
          {/* Empty until chosen or suggested by the page's findings: nothing is stored before (docs/PRIVACY.md). */}
          <option value="" disabled>{t('categoryChoose')}</option>
          {CATEGORY_IDS.map((id) => (
            <option value={id} key={id}>{t(categoryMessageKey(id))}</option>
          ))}
        </select>
      </div>
      {isForbidden(draft) ? (
        <p class="notice" id="csam-notice">{t('csamNotice')}</p>
      ) : (
        <>
          <div class="actions url-only">
            <button type="button" id="report-url-only" onClick={() => form.steps.urlOnly()}>{t('reportUrlOnly')}</button>
          </div>
          {draft.category === null && holdsUnstored(draft) && <p class="muted" id="held-notice">{t('heldNotice')}</p>}
          <EvidenceFields client={props.client} draft={draft} store={form.store} steps={form.steps} tabId={form.tabId} context={context} />
        </>
      )}
      <ReporterFields fields={form.fields} onChange={form.setFields} />
      <div class="actions">
        <button type="submit" class="primary" id="submit" disabled={form.blocked}>
          {submission.sending ? t('sending') : t('submit')}
        </button>
      </div>
      <p id="form-status" class="status error" role="status">{form.formError ?? submission.error ?? ''}</p>
    </form>
  );
}
