import { t } from '../shared/i18n';
import type { TabContext } from '../shared/protocol/ui-replies';

/**
 * The page being reported, as its tab names it. Until the worker answers, the panel keeps its place
 * empty (popup.css), so that the category below it does not move when the page's name arrives.
 */
export function PageInfo({ context }: { context: TabContext | null }) {
  return (
    <div class="page-info">
      <div class="title" id="page-title">{context ? context.title || t('untitledPage') : ''}</div>
      <div class="url" id="page-url">{context?.url ?? ''}</div>
      {context?.restricted && <p class="notice">{t('error_restricted_page')}</p>}
    </div>
  );
}
