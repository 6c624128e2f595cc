import { t } from '../shared/i18n';
import type { ReporterFields as Fields } from './submit-step';

/** The reporter's note and, if they choose, their contact. */
export function ReporterFields({ fields, onChange }: { fields: Fields; onChange: (change: Partial<Fields>) => void }) {
  return (
    <>
      <div class="field">
        <label for="note">{t('noteLabel')}</label>
        <textarea id="note" value={fields.note} maxLength={10_000} placeholder={t('notePlaceholder')} onInput={(e) => onChange({ note: e.currentTarget.value })} />
      </div>
      <div class="field">
        <label class="inline">
          <input type="checkbox" id="include-contact" checked={fields.includeContact} onChange={(e) => onChange({ includeContact: e.currentTarget.checked })} />
          {t('includeContact')}
        </label>
        {fields.includeContact && (
          <>
            <label for="contact" class="sr-only">{t('contactLabel')}</label>
            <input id="contact" type="text" value={fields.contact} maxLength={500} placeholder={t('contactLabel')} onInput={(e) => onChange({ contact: e.currentTarget.value })} />
          </>
        )}
      </div>
    </>
  );
}
