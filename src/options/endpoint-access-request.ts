import browser from 'webextension-polyfill';
import { endpointAccessPattern } from '../shared/endpoint-access';

export type AccessAnswer = 'granted' | 'refused' | 'not-needed';

/**
 * Asks the browser for access to the endpoint's host, so that the worker can deliver there even when
 * the user withheld Tipline's site access. Call it synchronously from the click: both browsers show
 * the prompt only in answer to a user gesture. Resolves at once when access is already granted.
 */
export function askEndpointAccess(url: string): Promise<AccessAnswer> {
  const pattern = endpointAccessPattern(url);
  if (!pattern) return Promise.resolve('not-needed');
  let request: Promise<boolean>;
  try {
    request = browser.permissions.request({ origins: [pattern] });
  } catch {
    return Promise.resolve('refused');
  }
  return request.then(
    (granted) => (granted ? 'granted' : 'refused'),
    () => 'refused',
  );
}

/** Calls `onGranted` when the browser grants access to the endpoint's host later (its own settings, or a prompt answered late). */
export function whenEndpointAccessGranted(url: string, onGranted: () => void): () => void {
  const pattern = endpointAccessPattern(url);
  if (!pattern) return () => undefined;
  const listener = () => {
    void browser.permissions.contains({ origins: [pattern] }).then((granted) => {
      if (granted) onGranted();
    });
  };
  browser.permissions.onAdded.addListener(listener);
  return () => browser.permissions.onAdded.removeListener(listener);
}
