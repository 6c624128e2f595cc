import { useState } from 'preact/hooks';
import { t } from '../shared/i18n';
import { checkRegex } from '../shared/regex-safety';
import { customPhraseSchema, type CustomPhrase, type Settings } from '../shared/settings';
import { CATEGORY_IDS, type Category } from '../shared/taxonomy';
import { categoryName } from './highlight-section';

const PHRASE_CATEGORIES = CATEGORY_IDS.filter((c): c is Exclude<Category, 'child-sexual-abuse'> => c !== 'child-sexual-abuse');

const EMPTY: CustomPhrase = { phrase: '', category: 'other', strength: 'strong', regex: false };

/** Why a phrase cannot be saved, in the reporter's language, or null. */
function problemOf(phrase: CustomPhrase): string | null {
  if (!phrase.phrase.trim()) return t('phraseEmpty');
  if (phrase.regex) {
    const checked = checkRegex(phrase.phrase.trim());
    if (!checked.ok) return t(`regexProblem_${checked.problem.replace(/-/g, '_')}`, [checked.detail ?? '']);
  }
  return customPhraseSchema.safeParse(phrase).success ? null : t('phraseTooLong');
}

/** The reporter's own phrases: add, edit, remove; regular expressions checked before they are kept. */
export function PhrasesSection({ settings, onSave }: { settings: Settings; onSave: (next: Settings) => Promise<void> }) {
  const [draft, setDraft] = useState<CustomPhrase>(EMPTY);
  /** Index being edited, or null when adding. */
  const [editing, setEditing] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const phrases = settings.customPhrases;

  async function submit(event: Event) {
    event.preventDefault();
    const phrase = { ...draft, phrase: draft.phrase.trim() };
    const problem = problemOf(phrase);
    if (problem) return setError(problem);
    setError(null);
    const next = editing === null ? [...phrases, phrase] : phrases.map((p, i) => (i === editing ? phrase : p));
    await onSave({ ...settings, customPhrases: next });
    setDraft(EMPTY);
    setEditing(null);
  }

  function edit(index: number) {
    const phrase = phrases[index];
    if (!phrase) return;
    setDraft(phrase);
    setEditing(index);
    setError(null);
    document.getElementById('phrase-input')?.focus();
  }

  return (
    <section aria-labelledby="phrases-heading">
      <h2 id="phrases-heading">{t('phrasesHeading')}</h2>
      <p class="hint">{t('phrasesHint')}</p>
      <form onSubmit={(e) => void submit(e)} class="phrase-form">
        <div class="field">
          <label for="phrase-input">{draft.regex ? t('phraseRegexLabel') : t('phraseLabel')}</label>
          <input id="phrase-input" type="text" maxLength={200} value={draft.phrase} onInput={(e) => { setDraft({ ...draft, phrase: e.currentTarget.value }); setError(null); }} aria-describedby="phrase-error" aria-invalid={error ? 'true' : undefined} />
        </div>
        <div class="row">
          <div class="field grow">
            <label for="phrase-category">{t('categoryLabel')}</label>
            <select id="phrase-category" value={draft.category} onChange={(e) => setDraft({ ...draft, category: e.currentTarget.value as CustomPhrase['category'] })}>
              {PHRASE_CATEGORIES.map((c) => (
                <option key={c} value={c}>{categoryName(c)}</option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for="phrase-strength">{t('strengthLabel')}</label>
            <select id="phrase-strength" value={draft.strength} onChange={(e) => setDraft({ ...draft, strength: e.currentTarget.value as CustomPhrase['strength'] })}>
              <option value="strong">{t('strengthStrong')}</option>
              <option value="weak">{t('strengthWeak')}</option>
            </select>
          </div>
        </div>
        <div class="field">
          <label class="inline">
            <input type="checkbox" id="phrase-regex" checked={draft.regex} onChange={(e) => setDraft({ ...draft, regex: e.currentTarget.checked })} aria-describedby="phrase-regex-hint" />
            {t('phraseRegexToggle')}
          </label>
          <div class="hint" id="phrase-regex-hint">{t('phraseRegexHint')}</div>
        </div>
        <p class="error" id="phrase-error" role="alert">{error ?? ''}</p>
        <div class="row">
          <button type="submit" class="primary" id="phrase-save">{editing === null ? t('phraseAdd') : t('save')}</button>
          {editing !== null && (
            <button type="button" onClick={() => { setDraft(EMPTY); setEditing(null); setError(null); }}>{t('cancel')}</button>
          )}
        </div>
      </form>
      {phrases.length === 0 ? (
        <p class="hint" id="phrases-empty">{t('phrasesEmpty')}</p>
      ) : (
        <table class="items" id="phrases-table">
          <caption class="sr-only">{t('phrasesHeading')}</caption>
          <thead>
            <tr><th scope="col">{t('phraseLabel')}</th><th scope="col">{t('categoryLabel')}</th><th scope="col">{t('strengthLabel')}</th><th scope="col"><span class="sr-only">{t('actions')}</span></th></tr>
          </thead>
          <tbody>
            {phrases.map((p, i) => (
              <tr key={`${p.phrase}-${i}`}>
                <td>{p.regex ? <code>/{p.phrase}/</code> : p.phrase}</td>
                <td>{categoryName(p.category)}</td>
                <td>{p.strength === 'strong' ? t('strengthStrong') : t('strengthWeak')}</td>
                <td class="actions">
                  <button type="button" class="link" aria-label={t('editItem', [p.phrase])} onClick={() => edit(i)}>{t('edit')}</button>
                  <button type="button" class="link danger" aria-label={t('removeItem', [p.phrase])} onClick={() => void onSave({ ...settings, customPhrases: phrases.filter((_, k) => k !== i) })}>{t('remove')}</button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
