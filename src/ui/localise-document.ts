import { t, uiLanguage } from '../shared/i18n';

/** Sets the page's language and title so screen readers and fonts follow the UI locale. */
export function localiseDocument(titleKey: string): void {
  document.documentElement.lang = uiLanguage();
  document.title = t(titleKey);
}
