import browser, { type Storage } from 'webextension-polyfill';
import { PHRASE_LISTS_KEY, SETTINGS_KEY } from '../shared/protocol/storage-keys';

/*
 * The worker's one `storage.onChanged` listener. The parts that follow the settings (the prefilter
 * cache, the scan's matcher and policy, the policy's own effects in index.ts) subscribe here to what
 * they care about; each change reaches them in the order they subscribed, as separate listeners did.
 */

export type StorageChanges = Record<string, Storage.StorageChange>;
type Subscriber = (changes: StorageChanges) => void;

const subscriptions: { area: string; keys?: readonly string[]; subscriber: Subscriber }[] = [];
let listening = false;

function dispatch(changes: StorageChanges, area: string): void {
  for (const { area: wanted, keys, subscriber } of subscriptions) {
    if (area !== wanted || (keys && !keys.some((key) => key in changes))) continue;
    // One failing part does not keep the change from the others (as with listeners of their own).
    try {
      subscriber(changes);
    } catch (error) {
      console.warn('tipline: settings change', error);
    }
  }
}

/**
 * Registers the listener, once. index.ts calls it synchronously at top level (MV3 wakes the worker for
 * an event only if its listener existed when the worker started: docs/ARCHITECTURE.md); subscribing
 * calls it too, so that a part watched on its own (a unit test) hears changes as well.
 */
export function listenForSettingsChanges(): void {
  if (listening) return;
  listening = true;
  browser.storage.onChanged.addListener(dispatch);
}

function subscribe(area: string, keys: readonly string[] | undefined, subscriber: Subscriber): void {
  listenForSettingsChanges();
  subscriptions.push({ area, keys, subscriber });
}

/** The reporter's settings or stored phrase lists changed (local storage). */
export function onLocalSettingsChange(subscriber: Subscriber): void {
  subscribe('local', [SETTINGS_KEY, PHRASE_LISTS_KEY], subscriber);
}

/** The organisation's policy changed (managed storage), whatever its keys. */
export function onPolicyChange(subscriber: Subscriber): void {
  subscribe('managed', undefined, subscriber);
}
