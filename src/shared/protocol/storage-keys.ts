/**
 * Keys of storage.local (docs/SETTINGS.md, a contract), in a module of their own so that the content
 * script can watch them without loading the schemas of what they hold.
 */
/** The settings object (settings.ts). */
export const SETTINGS_KEY = 'settings';
/** The downloaded lists, keyed by subscription URL (phrase-subscriptions.ts). */
export const PHRASE_LISTS_KEY = 'phraseLists';
