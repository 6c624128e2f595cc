import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fake from './fake-polyfill';

/*
 * fake-polyfill.ts with the extension's English messages (public/_locales/en/messages.json), for a test
 * that reads what the reporter reads: `vi.mock('webextension-polyfill', () => import('./english-polyfill'))`.
 * Placeholders are filled as Chrome fills them; an unknown key reads as the empty string, as in Chrome.
 */
type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;
const messages = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../../public/_locales/en/messages.json'), 'utf8')) as Messages;

export function english(key: string, substitutions?: string | string[]): string {
  const entry = messages[key];
  if (!entry) return '';
  const values = substitutions === undefined ? [] : [substitutions].flat();
  return entry.message.replace(/\$([A-Za-z0-9_]+)\$/g, (whole, name: string) => {
    const content = entry.placeholders?.[name.toLowerCase()]?.content;
    const index = content ? Number(/^\$(\d)$/.exec(content)?.[1]) : Number.NaN;
    return Number.isInteger(index) ? (values[index - 1] ?? '') : whole;
  });
}

export default { ...fake, i18n: { getMessage: english, getUILanguage: () => 'en' } };
