import { t } from '../shared/i18n';
import type { BackgroundClient } from '../shared/protocol/ui-client';
import type { TabContext } from '../shared/protocol/ui-replies';
import { draftMatches, extraUnderWay, type DraftState, type IncludablePart } from './draft-state';
import { EvidencePreview, ScreenshotPicker } from './evidence-preview';
import type { DraftStore, EvidenceSteps } from './evidence-steps';
import { ListingPreview } from './listing-preview';
import { ListingReasons } from './listing-reasons';
import { MatchList } from './match-list';
import { PickListing } from './pick-listing';

/** The evidence a report may carry (listing, screenshots, snapshot) and the page's findings; not shown for a category whose evidence is forbidden. */
export function EvidenceFields(props: { client: BackgroundClient; draft: DraftState; store: DraftStore; steps: EvidenceSteps; tabId: number | null; context: TabContext | null }) {
  const { draft, steps, tabId, context } = props;
  const include = (part: IncludablePart) => (included: boolean) => props.store.dispatch({ type: 'included', part, included });
  const busy = extraUnderWay(draft);
  // The page's own actions wait for its context: a restricted page (the browser's own) offers none.
  const pageAllows = context !== null && !context.restricted;
  return (
    <>
      <h2 class="sr-only">{t('evidenceHeading')}</h2>
      {pageAllows && tabId !== null && <PickListing client={props.client} tabId={tabId} />}
      {draft.listing && <ListingPreview listing={draft.listing} included={draft.includeListing} onToggle={include('listing')} />}
      {draft.shots.length > 0 ? (
        <ScreenshotPicker
          shots={draft.shots}
          chosen={draft.chosenShot}
          onChoose={(partId) => props.store.dispatch({ type: 'shot-chosen', partId })}
          included={draft.includeScreenshot}
          onToggle={include('screenshot')}
        />
      ) : (
        <div class="evidence">
          <p class="muted" aria-busy={draft.capturing}>{draft.capturing ? t('capturing') : draft.captureError ? t('error_capture', [draft.captureError]) : t('noScreenshot')}</p>
          {pageAllows && !draft.capturing && <button type="button" onClick={() => tabId !== null && void steps.visible(tabId)}>{t('captureAgain')}</button>}
        </div>
      )}
      {pageAllows && (
        <div class="actions extra-evidence">
          {!draft.shots.some((shot) => shot.variant === 'full-page') && (
            <button type="button" id="take-full-page" disabled={busy} onClick={() => tabId !== null && void steps.fullPage(tabId)}>
              {extraUnderWay(draft, 'full-page') ? t('capturing') : t('takeFullPage')}
            </button>
          )}
          {!draft.snapshot && (
            <button type="button" id="take-snapshot" disabled={busy} onClick={() => tabId !== null && void steps.snapshot(tabId)}>
              {extraUnderWay(draft, 'snapshot') ? t('capturing') : t('takeSnapshot')}
            </button>
          )}
        </div>
      )}
      {draft.snapshot && (
        <EvidencePreview id="snapshot" label={t('evidenceSnapshot')} item={draft.snapshot} included={draft.includeSnapshot} onToggle={include('snapshot')} image={false} />
      )}
      {draft.category === 'pornography' && <p class="muted">{t('pornographyNotice')}</p>}
      <h2 id="matches-heading">{t('matchesHeading')}</h2>
      {/* Until the page's findings arrive, "none found" would be untrue. */}
      {context === null && draft.preparedMatches === null ? (
        <p class="muted" id="matches-pending" aria-busy="true">{t('loading')}</p>
      ) : (
        <MatchList
          matches={draftMatches(draft, context?.summary?.matches)}
          onPick={(phrase) => tabId !== null && void props.client.call({ type: 'page/scroll-to', tabId, phrase }).catch(() => undefined)}
        />
      )}
      <ListingReasons listings={context?.summary?.listings} suspectBlocks={context?.summary?.suspectBlocks ?? 0} />
    </>
  );
}
