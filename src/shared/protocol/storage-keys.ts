/**
 * Keys of storage.local (docs/SETTINGS.md, a contract), in a module of their own so that the worker's
 * parts can name them without loading the schemas of what they hold. Content scripts use no storage
 * (docs/SECURITY.md): the worker tells them when these change.
 */
/** The settings object (settings.ts). */
export const SETTINGS_KEY = 'settings';
/** The downloaded lists, keyed by subscription URL (phrase-subscriptions.ts). */
export const PHRASE_LISTS_KEY = 'phraseLists';
