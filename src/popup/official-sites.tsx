import browser from 'webextension-polyfill';
import { t } from '../shared/i18n';
import { sitesFor, type OfficialSite } from '../shared/official-sites';
import { evidencePolicy } from '../shared/taxonomy';
import { exportEvidencePackage } from './export-package';
import type { ReportView } from '../shared/protocol/ui-replies';

/** Offers the official web forms for the report's category; CSAM hotlines get the URL alone, no package. */
export function OfficialSites({ record, sites }: { record: ReportView; sites?: readonly OfficialSite[] }) {
  const offered = sitesFor(record.report.category, sites);
  if (offered.length === 0) return null;
  const urlOnly = evidencePolicy(record.report.category) === 'forbidden';
  async function open(site: OfficialSite) {
    if (!urlOnly) await exportEvidencePackage(record);
    await browser.tabs.create({ url: site.url });
  }
  return (
    <section aria-labelledby="official-heading" class="official">
      <h3 id="official-heading">{t('officialHeading')}</h3>
      <p class="muted">{urlOnly ? t('officialUrlOnly') : t('officialWithPackage')}</p>
      <ul>
        {offered.map((site) => (
          <li key={site.url}>
            <button type="button" class="link-button" onClick={() => void open(site)}>
              {site.name} ({site.country})
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
