import { Fragment } from 'preact';
import { useState } from 'preact/hooks';
import { t } from '../shared/i18n';
import type { ListingReasonFlags, ListingSummary } from '../shared/protocol/messages';
import { CATEGORY_COLOURS, categoryMessageKey } from '../shared/taxonomy';

/** Listings shown before "show all": the note and the submit button stay near on a page of many. */
const SHOWN_FIRST = 5;

/** Each reason's words, in the order they read (literal keys, which test/unit/build/locales.test.ts checks). */
const REASON_LABELS: readonly [keyof ListingReasonFlags, () => string][] = [
  ['strong', () => t('whyStrong')],
  ['weak', () => t('whyWeak')],
  ['price', () => t('whyPrice')],
  ['contact', () => t('whyContact')],
  ['saleWord', () => t('whySaleWord')],
  ['quoted', () => t('whyQuoted')],
  ['read', () => t('whyRead')],
];

/** "drug name (weak word) + price + contact handle": the reasons the worker gave, or nothing. */
export function reasonsText(reasons: ListingReasonFlags | undefined): string {
  if (!reasons) return '';
  return REASON_LABELS.filter(([flag]) => reasons[flag]).map(([, label]) => label()).join(' + ');
}

/** The line with its category set in semibold, wherever the language puts it. */
function LineWithCategory({ line, category }: { line: string; category: string }) {
  const at = line.indexOf(category);
  if (at < 0) return <>{line}</>;
  return (
    <>
      {line.slice(0, at)}
      <span class="why-cat">{category}</span>
      {line.slice(at + category.length)}
    </>
  );
}

/** One suspect listing: its category and reasons on one line, then its phrases, strong ones in bold. */
function ListingLine({ listing }: { listing: ListingSummary }) {
  const category = t(categoryMessageKey(listing.category));
  const reasons = reasonsText(listing.reasons);
  const strong = listing.phrases.filter((phrase) => phrase.strength === 'strong');
  const weak = listing.phrases.filter((phrase) => phrase.strength === 'weak');
  return (
    <li>
      <p class="why-line">
        <span class="swatch" style={{ background: CATEGORY_COLOURS[listing.category] }} aria-hidden="true" />
        <LineWithCategory line={reasons ? t('whyListing', [category, reasons]) : category} category={category} />
      </p>
      {listing.phrases.length > 0 && (
        <p class="why-phrases">
          {strong.length > 0 && (
            <span class="why-strong">
              <span class="why-label">{t('whyStrongPhrases')}</span>
              {strong.map((phrase, index) => (
                <Fragment key={phrase.phrase}>
                  {index > 0 && ', '}
                  <strong>{phrase.phrase}</strong>
                </Fragment>
              ))}
            </span>
          )}
          {strong.length > 0 && weak.length > 0 && ' '}
          {weak.length > 0 && (
            <span class="why-weak">
              <span class="why-label">{t('whyWeakPhrases')}</span>
              {weak.map((phrase) => phrase.phrase).join(', ')}
            </span>
          )}
        </p>
      )}
    </li>
  );
}

/**
 * Why each suspect listing of the page is suspect (the page summary's `listings`, content/page-summary.ts).
 * Nothing when the summary has none: a page without suspects, or a summary from an older content script.
 */
export function ListingReasons({ listings, suspectBlocks }: { listings: readonly ListingSummary[] | undefined; suspectBlocks: number }) {
  const [showAll, setShowAll] = useState(false);
  if (!listings || listings.length === 0) return null;
  const shown = showAll ? listings : listings.slice(0, SHOWN_FIRST);
  // The summary keeps the first 100 listings; the page may hold more.
  const unlisted = Math.max(0, suspectBlocks - listings.length);
  return (
    <section class="why" aria-labelledby="why-heading">
      <h3 id="why-heading">{t('whyHeading')}</h3>
      <ol class="why-list" id="why-list">
        {shown.map((listing, index) => (
          <ListingLine key={index} listing={listing} />
        ))}
      </ol>
      {shown.length < listings.length && (
        <button type="button" class="link-button" id="why-show-all" aria-controls="why-list" onClick={() => setShowAll(true)}>
          {t('whyShowAll', [String(listings.length)])}
        </button>
      )}
      {showAll && unlisted > 0 && <p class="muted">{t('whyUnlisted', [String(unlisted)])}</p>}
    </section>
  );
}
