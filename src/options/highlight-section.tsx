import { t } from '../shared/i18n';
import type { LockedSetting } from '../shared/managed-settings';
import type { Settings } from '../shared/settings';
import { CATEGORY_COLOURS, SEARCHABLE_CATEGORIES, type Category } from '../shared/taxonomy';
import { LockedNote } from './locked-note';
import { SiteList } from './site-list';

export const categoryName = (category: Category) => t(`category_${category.replace(/-/g, '_')}`);

/** The highlight as the content script paints it (content/highlighter.ts), on a light and a dark page. */
function Swatch({ category }: { category: Category }) {
  const style = { backgroundColor: CATEGORY_COLOURS[category], color: '#111', textDecoration: 'underline 2px solid #b00020' };
  return (
    <span class="swatches" aria-hidden="true">
      <span class="sample light"><mark style={style}>{t('sampleText')}</mark></span>
      <span class="sample dark"><mark style={style}>{t('sampleText')}</mark></span>
    </span>
  );
}

export function HighlightSection({ settings, locked, onSave }: { settings: Settings; locked: readonly LockedSetting[]; onSave: (next: Settings) => Promise<void> }) {
  const setHighlight = (change: Partial<Settings['highlight']>) => void onSave({ ...settings, highlight: { ...settings.highlight, ...change } });
  const enabledLocked = locked.includes('highlight.enabled');
  const categoriesLocked = locked.includes('categories');
  const toggle = (category: Category, on: boolean) => {
    const next = on ? [...settings.categories, category] : settings.categories.filter((c) => c !== category);
    void onSave({ ...settings, categories: SEARCHABLE_CATEGORIES.filter((c) => next.includes(c)) });
  };
  return (
    <section aria-labelledby="highlight-heading">
      <h2 id="highlight-heading">{t('highlightHeading')}</h2>
      <div class="field">
        <label class="inline">
          <input type="checkbox" id="highlight-enabled" checked={settings.highlight.enabled} disabled={enabledLocked} aria-describedby={enabledLocked ? 'highlight-enabled-locked' : undefined} onChange={(e) => setHighlight({ enabled: e.currentTarget.checked })} />
          {t('highlightEnabled')}
        </label>
        {enabledLocked && <LockedNote id="highlight-enabled-locked" />}
      </div>
      <fieldset class="field" disabled={categoriesLocked} aria-describedby={categoriesLocked ? 'categories-locked' : 'categories-hint'}>
        <legend>{t('categoriesLegend')}</legend>
        <p class="hint" id="categories-hint">{t('categoriesHint')}</p>
        {categoriesLocked && <LockedNote id="categories-locked" />}
        <ul class="categories">
          {SEARCHABLE_CATEGORIES.map((category) => (
            <li key={category}>
              <label class="inline">
                <input type="checkbox" id={`category-${category}`} checked={settings.categories.includes(category)} onChange={(e) => toggle(category, e.currentTarget.checked)} />
                {categoryName(category)}
              </label>
              <Swatch category={category} />
            </li>
          ))}
        </ul>
      </fieldset>
      <SiteList id="paused-sites" label={t('pausedSitesLabel')} hint={t('pausedSitesHint')} sites={settings.highlight.pausedSites} onChange={(pausedSites) => setHighlight({ pausedSites })} />
      <div class="field">
        <label class="inline">
          <input type="checkbox" id="stealth" checked={settings.highlight.stealth} aria-describedby="stealth-hint stealth-why" onChange={(e) => setHighlight({ stealth: e.currentTarget.checked })} />
          {t('stealthLabel')}
        </label>
        <div class="hint" id="stealth-hint">{t('stealthHint')}</div>
        <div class="hint" id="stealth-why">{t('stealthWhy')}</div>
      </div>
      <SiteList id="stealth-sites" label={t('stealthSitesLabel')} hint={t('stealthSitesHint')} sites={settings.highlight.stealthSites} onChange={(stealthSites) => setHighlight({ stealthSites })} />
    </section>
  );
}
