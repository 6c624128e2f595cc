import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { t } from '../shared/i18n';
import { CATEGORY_IDS, categoryMessageKey, evidencePolicy, type Category } from '../shared/taxonomy';
import type { BackgroundClient } from '../shared/protocol/ui-client';
import { describeStatus, DroppedNotice } from './delivery-status';
import { EvidencePreview, ScreenshotPicker, type EvidenceItem, type Shot } from './evidence-preview';
import { ListingPreview } from './listing-preview';
import { OfficialSites } from './official-sites';
import { exportEvidencePackage } from './export-package';
import type { Listing, Match } from '../shared/report';
import { MatchList, topCategory } from './match-list';
import { useDelivery } from './use-delivery';
import type { ReportView, TabContext } from '../shared/protocol/ui-replies';

type Phase = 'loading' | 'editing' | 'sending' | 'done';

function errorText(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  // Background errors that are message keys get translated; others are shown as they came.
  const translated = /^[a-z_]+$/.test(message) ? t(message) : message;
  return translated;
}

export function ReportForm(props: { client: BackgroundClient; targetTab: Promise<number | null>; onShowHistory: () => void }) {
  const { client } = props;
  const draftParam = useMemo(() => {
    const value = new URLSearchParams(location.search).get('draft');
    return value && /^[0-9a-f-]{36}$/i.test(value) ? value : null;
  }, []);
  const draftId = useMemo(() => draftParam ?? crypto.randomUUID(), []);
  const [phase, setPhase] = useState<Phase>('loading');
  const [tabId, setTabId] = useState<number | null>(null);
  const [context, setContext] = useState<TabContext | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [shots, setShots] = useState<Shot[]>([]);
  const [chosenShot, setChosenShot] = useState<string | null>(null);
  const [listing, setListing] = useState<Listing | undefined>(undefined);
  const [includeListing, setIncludeListing] = useState(true);
  const [draftMatches, setDraftMatches] = useState<Match[] | null>(null);
  const [snapshot, setSnapshot] = useState<EvidenceItem | null>(null);
  const [includeSnapshot, setIncludeSnapshot] = useState(false);
  const [working, setWorking] = useState<'full-page' | 'snapshot' | null>(null);
  const [capturing, setCapturing] = useState(true);
  const [includeScreenshot, setIncludeScreenshot] = useState(true);
  const [captureError, setCaptureError] = useState<string | null>(null);
  const [category, setCategory] = useState<Category>('other');
  const [note, setNote] = useState('');
  const [includeContact, setIncludeContact] = useState(false);
  const [contact, setContact] = useState('');
  const [submitError, setSubmitError] = useState<string | null>(null);
  const [sent, setSent] = useState<ReportView | null>(null);
  const delivered = useDelivery(client, sent);
  const categoryTouched = useRef(false);
  /** Bumped when the evidence is discarded: a capture that lands after that is not shown (the worker deletes it). */
  const evidenceGeneration = useRef(0);

  useEffect(() => {
    let live = true;
    void (async () => {
      const id = await props.targetTab;
      if (!live) return;
      if (id === null) {
        setLoadError(t('error_no_tab'));
        setCapturing(false);
        setPhase('editing');
        return;
      }
      setTabId(id);
      const settingsPromise = client.call({ type: 'settings/get' }).catch(() => null);
      // A right-click draft arrives with its shots taken; the toolbar form takes its own at once.
      const prepared = draftParam ? await client.call({ type: 'draft/get', draftId: draftParam }).catch(() => null) : null;
      const capturePromise: Promise<{ shots: Shot[]; error: string | null }> = prepared
        ? Promise.resolve({ shots: prepared.parts, error: prepared.error ? t('error_capture_listing', [errorText(new Error(prepared.error))]) : null })
        : client.call({ type: 'capture/visible', tabId: id, draftId }).then(
            (part) => ({ shots: [{ ...part, variant: 'visible' as const }], error: null }),
            (error: unknown) => ({ shots: [], error: errorText(error) }),
          );
      if (prepared) {
        setListing(prepared.listing);
        setDraftMatches(prepared.matches);
      }
      try {
        const ctx = await client.call({ type: 'tab/context', tabId: id });
        if (!live) return;
        setContext(ctx);
        const suggested = topCategory(prepared?.matches.length ? prepared.matches : ctx.summary?.matches ?? []);
        if (suggested && !categoryTouched.current) setCategory(suggested);
        if (suggested && evidencePolicy(suggested) === 'opt-in') setIncludeScreenshot(false);
      } catch (error) {
        if (live) setLoadError(errorText(error));
      }
      // The form is usable at once; the screenshot fills in when the capture is done.
      setPhase('editing');
      document.body.dataset.ready = 'true';
      performance.mark('tipline-popup-interactive');
      const settings = await settingsPromise;
      if (live && settings) {
        setContact(settings.privacy.contact);
        // Anonymous is the default; a reporter who turned it off has their contact offered ticked.
        if (!settings.privacy.anonymous && settings.privacy.contact.trim()) setIncludeContact(true);
        if (settings.privacy.snapshotByDefault) void takeSnapshot(id);
      }
      const generation = evidenceGeneration.current;
      const capture = await capturePromise;
      if (!live || generation !== evidenceGeneration.current) {
        setCapturing(false);
        return;
      }
      setShots(capture.shots);
      setChosenShot(capture.shots[0]?.partId ?? null);
      setCaptureError(capture.error);
      setCapturing(false);
    })();
    return () => {
      live = false;
    };
  }, []);

  const forbidden = evidencePolicy(category) === 'forbidden';
  const matches = draftMatches ?? context?.summary?.matches ?? [];

  function chooseCategory(next: Category) {
    categoryTouched.current = true;
    setCategory(next);
    if (evidencePolicy(next) === 'forbidden') {
      // DESIGN.md §3: the capture already made is dropped from memory and from storage, not just hidden.
      evidenceGeneration.current++;
      setShots([]);
      setChosenShot(null);
      setListing(undefined);
      setSnapshot(null);
      void client.call({ type: 'draft/discard', draftId }).catch(() => undefined);
    } else if (evidencePolicy(next) === 'opt-in') {
      setIncludeScreenshot(false);
    }
  }

  async function recapture() {
    if (tabId === null) return;
    setCaptureError(null);
    const generation = evidenceGeneration.current;
    try {
      const part = await client.call({ type: 'capture/visible', tabId, draftId });
      if (generation !== evidenceGeneration.current) return;
      setShots((current) => [...current.filter((shot) => shot.variant !== 'visible'), { ...part, variant: 'visible' }]);
      setChosenShot(part.partId);
      setIncludeScreenshot(evidencePolicy(category) === 'default');
    } catch (error) {
      if (generation === evidenceGeneration.current) setCaptureError(errorText(error));
    }
  }

  async function takeFullPage() {
    if (tabId === null) return;
    setWorking('full-page');
    setCaptureError(null);
    const generation = evidenceGeneration.current;
    try {
      const part = await client.call({ type: 'capture/full-page', tabId, draftId });
      if (generation !== evidenceGeneration.current) return;
      setShots((current) => [...current.filter((shot) => shot.variant !== 'full-page'), { ...part, variant: 'full-page' }]);
      setChosenShot(part.partId);
    } catch (error) {
      if (generation === evidenceGeneration.current) setCaptureError(errorText(error));
    } finally {
      setWorking(null);
    }
  }

  async function takeSnapshot(id = tabId) {
    if (id === null) return;
    setWorking('snapshot');
    const generation = evidenceGeneration.current;
    try {
      const snapshot = await client.call({ type: 'capture/snapshot', tabId: id, draftId });
      if (generation !== evidenceGeneration.current) return;
      setSnapshot(snapshot);
      setIncludeSnapshot(true);
    } catch (error) {
      if (generation === evidenceGeneration.current) setCaptureError(t('error_snapshot', [errorText(error)]));
    } finally {
      setWorking(null);
    }
  }

  async function submit(event: Event) {
    event.preventDefault();
    if (!context) return;
    setPhase('sending');
    setSubmitError(null);
    try {
      const record = await client.call({
        type: 'report/submit',
        draft: {
          draftId,
          tabId,
          category,
          note,
          includeContact,
          contact,
          page: { url: context.url, title: context.title },
          ...(listing && includeListing && !forbidden ? { listing } : {}),
          matches: forbidden ? [] : matches,
          partIds: forbidden
            ? []
            : [...(chosenShot && includeScreenshot ? [chosenShot] : []), ...(snapshot && includeSnapshot ? [snapshot.partId] : [])],
        },
      });
      setSent(record);
      setPhase('done');
    } catch (error) {
      setSubmitError(t('error_submit', [errorText(error)]));
      setPhase('editing');
    }
  }

  if (phase === 'loading') return <p aria-busy="true">{t('loading')}</p>;

  if (phase === 'done' && sent) {
    const record = delivered ?? sent;
    return (
      <section aria-labelledby="done-heading">
        <h2 id="done-heading">{t('reportSaved')}</h2>
        <p class={`status ${record.status === 'rejected' ? 'error' : record.status === 'delivered' ? 'success' : ''}`} role="status" data-status={record.status}>
          {describeStatus(record)}
        </p>
        <DroppedNotice record={record} />
        {evidencePolicy(record.report.category) !== 'forbidden' && (
          <button type="button" id="export-package" onClick={() => void exportEvidencePackage(record)}>{t('exportPackage')}</button>
        )}
        <OfficialSites record={record} />
        <button type="button" onClick={props.onShowHistory}>{t('viewHistory')}</button>
      </section>
    );
  }

  return (
    <form onSubmit={submit} aria-describedby="form-status">
      {loadError && <p class="notice" role="alert">{loadError}</p>}
      {context && (
        <div class="page-info">
          <div class="title" id="page-title">{context.title || t('untitledPage')}</div>
          <div class="url" id="page-url">{context.url}</div>
          {context.restricted && <p class="notice">{t('error_restricted_page')}</p>}
        </div>
      )}
      <div class="field">
        <label for="category">{t('categoryLabel')}</label>
        <select id="category" value={category} onChange={(e) => chooseCategory(e.currentTarget.value as Category)}>
          {CATEGORY_IDS.map((id) => (
            <option value={id} key={id}>{t(categoryMessageKey(id))}</option>
          ))}
        </select>
      </div>
      {forbidden ? (
        <p class="notice" id="csam-notice">{t('csamNotice')}</p>
      ) : (
        <>
          <h2 class="sr-only">{t('evidenceHeading')}</h2>
          {listing && <ListingPreview listing={listing} included={includeListing} onToggle={setIncludeListing} />}
          {shots.length > 0 ? (
            <ScreenshotPicker shots={shots} chosen={chosenShot} onChoose={setChosenShot} included={includeScreenshot} onToggle={setIncludeScreenshot} />
          ) : (
            <div class="evidence">
              <p class="muted" aria-busy={capturing}>{capturing ? t('capturing') : captureError ? t('error_capture', [captureError]) : t('noScreenshot')}</p>
              {!context?.restricted && !capturing && <button type="button" onClick={recapture}>{t('captureAgain')}</button>}
            </div>
          )}
          {!context?.restricted && (
            <div class="actions extra-evidence">
              {!shots.some((shot) => shot.variant === 'full-page') && (
                <button type="button" id="take-full-page" disabled={working !== null} onClick={takeFullPage}>
                  {working === 'full-page' ? t('capturing') : t('takeFullPage')}
                </button>
              )}
              {!snapshot && (
                <button type="button" id="take-snapshot" disabled={working !== null} onClick={() => void takeSnapshot()}>
                  {working === 'snapshot' ? t('capturing') : t('takeSnapshot')}
                </button>
              )}
            </div>
          )}
          {snapshot && (
            <EvidencePreview id="snapshot" label={t('evidenceSnapshot')} item={snapshot} included={includeSnapshot} onToggle={setIncludeSnapshot} image={false} />
          )}
          {category === 'pornography' && <p class="muted">{t('pornographyNotice')}</p>}
          <h2 id="matches-heading">{t('matchesHeading')}</h2>
          <MatchList
            matches={matches}
            onPick={(phrase) => tabId !== null && void client.call({ type: 'page/scroll-to', tabId, phrase }).catch(() => undefined)}
          />
        </>
      )}
      <div class="field">
        <label for="note">{t('noteLabel')}</label>
        <textarea id="note" value={note} maxLength={10_000} placeholder={t('notePlaceholder')} onInput={(e) => setNote(e.currentTarget.value)} />
      </div>
      <div class="field">
        <label class="inline">
          <input type="checkbox" id="include-contact" checked={includeContact} onChange={(e) => setIncludeContact(e.currentTarget.checked)} />
          {t('includeContact')}
        </label>
        {includeContact && (
          <>
            <label for="contact" class="sr-only">{t('contactLabel')}</label>
            <input id="contact" type="text" value={contact} maxLength={500} placeholder={t('contactLabel')} onInput={(e) => setContact(e.currentTarget.value)} />
          </>
        )}
      </div>
      <div class="actions">
        <button type="submit" class="primary" id="submit" disabled={phase === 'sending' || !context || capturing || working !== null}>
          {phase === 'sending' ? t('sending') : t('submit')}
        </button>
      </div>
      <p id="form-status" class="status error" role="status">{submitError ?? ''}</p>
    </form>
  );
}
