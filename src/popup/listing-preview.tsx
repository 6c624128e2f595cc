import type { Listing } from '../shared/report';
import { t } from '../shared/i18n';

/** Shows the listing as text (never markup) so the reporter sees exactly what would be sent. */
export function ListingPreview(props: { listing: Listing; included: boolean; onToggle: (included: boolean) => void }) {
  const { listing } = props;
  return (
    <div class="evidence listing" data-part="listing">
      <label class="inline">
        <input type="checkbox" id="include-listing" checked={props.included} onChange={(e) => props.onToggle(e.currentTarget.checked)} />
        {t('includeListing')}
      </label>
      {listing.text && <blockquote id="listing-text">{listing.text.length > 600 ? `${listing.text.slice(0, 600)}…` : listing.text}</blockquote>}
      {listing.linkUrl && <div class="meta">{t('listingLink')}: <span id="listing-link">{listing.linkUrl}</span></div>}
      {listing.imageUrl && <div class="meta">{t('listingImage')}: {listing.imageUrl}</div>}
    </div>
  );
}
