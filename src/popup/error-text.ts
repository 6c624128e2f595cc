import { t } from '../shared/i18n';

/** An error as the reporter reads it: background errors that are message keys get translated, others are shown as they came. */
export function errorText(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return /^[a-z_]+$/.test(message) ? t(message) : message;
}
